// oidc-provider (a devDependency) ships no types; the OIDC route test starts a real provider and
// uses only this much of it. The provider is a Koa application.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export default class Provider {
    constructor(issuer: string, configuration?: Record<string, unknown>);
    /** Koa's request handler, for node:http's createServer. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
