import type { App } from '../../platform/http/app.ts';

export function registerRoomRoutes(_app: App) {}
