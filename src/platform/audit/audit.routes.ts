import { createRoute } from '@hono/zod-openapi';
import type { App } from '../http/app.ts';
import { errorResponses, jsonResponse } from '../http/openapi.ts';
import { auditPage, auditQuery } from './audit.schema.ts';
import { readAuditLog } from './audit.read.service.ts';

export function registerAuditRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      summary: 'The audit log: every write and every read of a person record',
      request: { query: auditQuery },
      responses: { 200: jsonResponse(auditPage, 'One page of events, newest first'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await readAuditLog(c.get('ctx'), c.req.valid('query')), 200),
  );
}
