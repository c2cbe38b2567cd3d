import type { Ctx, CurrentUser } from '../http/context.ts';
import { platformError } from '../http/errors.ts';

/** First line of every service function: the caller must be logged in and hold the permission. */
export function requirePermission(ctx: Ctx, permission: string): CurrentUser {
  if (!ctx.user) throw platformError('auth.unauthenticated');
  if (!ctx.user.permissions.has(permission)) {
    ctx.log.warn({ permission, userId: ctx.user.id }, 'permission denied');
    throw platformError('auth.forbidden', { meta: { permission } });
  }
  return ctx.user;
}

export function hasPermission(user: CurrentUser | null, permission: string): boolean {
  return user?.permissions.has(permission) ?? false;
}
