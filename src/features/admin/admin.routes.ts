import type { App } from '../../platform/http/app.ts';

export function registerAdminRoutes(_app: App) {}
