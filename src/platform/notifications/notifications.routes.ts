import { createRoute } from '@hono/zod-openapi';
import type { App } from '../http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../http/openapi.ts';
import { clockSettingsInput, clockSettingsOutput, inboxOutput, unreadCountOutput } from './notifications.schema.ts';
import { getInbox, getUnreadCount, markAllRead, markRead } from './notifications.service.ts';
import { getClockSettings, updateClockSettings } from './settings.service.ts';

const tags = ['inbox'];

export function registerNotificationRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/inbox',
      tags,
      summary: 'My inbox: messages for me or for all staff, newest first, with my read flag and unread count',
      responses: { 200: jsonResponse(inboxOutput, 'The inbox'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getInbox(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/inbox/unread-count',
      tags,
      summary: 'How many messages I have not read (the header shows it)',
      responses: { 200: jsonResponse(unreadCountOutput, 'The count'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getUnreadCount(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbox/{id}/read',
      tags,
      summary: 'Mark one message read for me',
      request: { params: idParam },
      responses: { 200: jsonResponse(unreadCountOutput, 'Marked; my unread count now'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await markRead(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbox/read-all',
      tags,
      summary: 'Mark every message I can see read for me',
      responses: { 200: jsonResponse(unreadCountOutput, 'Marked'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await markAllRead(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/settings/clock',
      tags: ['settings'],
      summary: 'The weeks after check-in at which staff are warned (in force today), and every dated change',
      responses: { 200: jsonResponse(clockSettingsOutput, 'The clock settings'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getClockSettings(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/settings/clock',
      tags: ['settings'],
      summary: 'Set new warning weeks from a date (today by default) with a reason: a new dated row, the old ones kept',
      request: { body: jsonBody(clockSettingsInput) },
      responses: { 200: jsonResponse(clockSettingsOutput, 'Saved'), ...errorResponses(400, 401, 403, 409, 422) },
    }),
    async (c) => c.json(await updateClockSettings(c.get('ctx'), c.req.valid('json')), 200),
  );
}
