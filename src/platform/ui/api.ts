// The one way the web app talks to the server. Errors come back as ApiError with the server's
// code, message and field map, so forms can show messages next to their fields.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly referenceId?: string;
  readonly meta?: Record<string, unknown>;
  constructor(status: number, body: { code?: string; message?: string; fields?: Record<string, string>; referenceId?: string; meta?: Record<string, unknown> }) {
    super(body.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body.code ?? 'unknown';
    this.fields = body.fields ?? {};
    this.referenceId = body.referenceId;
    this.meta = body.meta;
  }
}

let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return read<T>(res, path);
}

async function read<T>(res: Response, path: string): Promise<T> {
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const error = new ApiError(res.status, data.error ?? {});
    if (res.status === 401 && path !== '/api/auth/login') onUnauthenticated();
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};

// A GET started before the page that needs it has loaded (the home page's board, while the session
// is still being checked); the page's first load takes it instead of asking again.
const early = new Map<string, Promise<unknown>>();

export function getEarly(path: string): void {
  // Started already by /early.js (index.html) when the page began to load: read that answer.
  const started = (window as { __bolignuEarly?: Record<string, Promise<Response>> }).__bolignuEarly?.[path];
  const answer = started ? started.then((res) => read(res, path)) : request('GET', path);
  answer.catch(() => {}); // not logged in yet, say: the page asks again when it takes it
  early.set(path, answer);
}

/** The early GET of `path`, once; undefined when none was started. */
export function takeEarly<T>(path: string): Promise<T> | undefined {
  const answer = early.get(path);
  early.delete(path);
  return answer as Promise<T> | undefined;
}
