import type { Ctx } from './context.ts';

/** Hono's typing for our app: each request carries its service context. */
export interface AppEnv {
  Variables: { ctx: Ctx };
}
