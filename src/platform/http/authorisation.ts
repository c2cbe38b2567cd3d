import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { platformError } from './errors.ts';
import { authorisationMatrix, type RouteRule } from './authorisation-matrix.ts';

interface CompiledRule {
  method: string;
  pattern: RegExp;
  params: number;
  rule: RouteRule;
}

/** "GET /api/people/{id}" → a regex over the request path; routes with fewer parameters are tried first. */
export function compileMatrix(matrix: Record<string, RouteRule>): CompiledRule[] {
  return Object.entries(matrix)
    .map(([key, rule]) => {
      const [method, path] = key.split(' ') as [string, string];
      const source = path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+');
      return { method, pattern: new RegExp(`^${source}$`), params: (path.match(/\{/g) ?? []).length, rule };
    })
    .sort((a, b) => a.params - b.params);
}

export function findRule(compiled: CompiledRule[], method: string, path: string): RouteRule | undefined {
  return compiled.find((c) => c.method === method && c.pattern.test(path))?.rule;
}

export function permits(permissions: ReadonlySet<string>, rule: RouteRule): boolean {
  if (rule.permission === 'public' || rule.permission === 'session') return true;
  return rule.permission.some((p) => p.split('+').every((one) => permissions.has(one)));
}

/**
 * The route's permission, checked before its parameters or body are parsed: a role that may not use
 * the route gets 403 whatever it sends (and learns nothing from validation messages). A route missing
 * from the matrix passes here (its service still checks); the matrix test fails for it.
 */
export function authorise(matrix: Record<string, RouteRule> = authorisationMatrix): MiddlewareHandler<AppEnv> {
  const compiled = compileMatrix(matrix);
  return async (c, next) => {
    const rule = findRule(compiled, c.req.method === 'HEAD' ? 'GET' : c.req.method, c.req.path);
    const user = c.get('ctx').user;
    if (rule && rule.permission !== 'public') {
      if (!user) throw platformError('auth.unauthenticated');
      if (!permits(user.permissions, rule)) {
        c.get('ctx').log.warn({ route: `${c.req.method} ${c.req.path.replace(/[0-9a-f-]{36}/g, '{id}')}`, userId: user.id }, 'permission denied');
        throw platformError('auth.forbidden');
      }
    }
    await next();
  };
}
