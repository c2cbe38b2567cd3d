import type { ContentfulStatusCode } from 'hono/utils/http-status';

// Every refusal the app can give has a stable code, a kind and a message in each UI language.
// The kind decides the HTTP status, in this one table.
export const statusByKind = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  locked: 423,
  too_many: 429,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorKind = keyof typeof statusByKind;
export interface ErrorDefinition {
  kind: ErrorKind;
  nb: string;
  en: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly definition: ErrorDefinition;
  readonly fields?: Record<string, string>;
  readonly meta?: Record<string, unknown>;
  constructor(code: string, definition: ErrorDefinition, extra?: { fields?: Record<string, string>; meta?: Record<string, unknown> }) {
    super(`${code}: ${definition.en}`);
    this.code = code;
    this.definition = definition;
    this.fields = extra?.fields;
    this.meta = extra?.meta;
  }
  get status(): ContentfulStatusCode {
    return statusByKind[this.definition.kind];
  }
}

/** Declares a feature's errors; returns a function that builds an AppError for a code. */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(definitions: T) {
  return Object.assign(
    (code: keyof T & string, extra?: { fields?: Record<string, string>; meta?: Record<string, unknown> }) =>
      new AppError(code, definitions[code] as ErrorDefinition, extra),
    { definitions },
  );
}

export const platformError = defineErrors({
  'request.invalid': { kind: 'validation', nb: 'Noen felt må rettes.', en: 'Some fields need correcting.' },
  'auth.unauthenticated': { kind: 'unauthenticated', nb: 'Du må logge inn.', en: 'You need to log in.' },
  'auth.forbidden': {
    kind: 'forbidden',
    nb: 'Du har ikke tilgang til dette. Be leder om tilgang hvis du trenger det i arbeidet ditt.',
    en: 'You do not have access to this. Ask your lead for access if your work needs it.',
  },
  'resource.not_found': { kind: 'not_found', nb: 'Fant ikke det du ba om.', en: 'Not found.' },
  'request.too_large': { kind: 'validation', nb: 'Forespørselen er for stor.', en: 'The request is too large.' },
});
