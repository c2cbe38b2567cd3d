// A minimal HTTP client for tests that talk to a real server process: logs in once and sends the
// session cookie (and the Origin a browser would send) with every request.

export interface HttpClient {
  post(path: string, body?: unknown): Promise<Response>;
  get(path: string): Promise<Response>;
}

export async function logIn(baseUrl: string, username: string, password = 'bolignu-demo'): Promise<HttpClient> {
  const headers = { 'content-type': 'application/json', origin: baseUrl };
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login as ${username} failed: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const withSession = { ...headers, cookie };
  return {
    post: (path, body) => fetch(`${baseUrl}${path}`, { method: 'POST', headers: withSession, body: body === undefined ? undefined : JSON.stringify(body) }),
    get: (path) => fetch(`${baseUrl}${path}`, { headers: withSession }),
  };
}
