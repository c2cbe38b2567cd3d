import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { extendStayInput, extensionOutput, personStayClockOutput, stayClockStatusOutput } from './extension.schema.ts';
import { extendStay, getPersonStayClock, getStayClockStatus, listStayExtensions } from './extension.service.ts';

const tags = ['stays'];

export function registerExtensionRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/stays/{id}/extensions',
      tags,
      summary: 'Extend a stay (service lead): a decision with a reason and a new planned end after the current one; audited',
      request: { params: idParam, body: jsonBody(extendStayInput) },
      responses: { 201: jsonResponse(extensionOutput, 'Extended'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await extendStay(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stays/{id}/extensions',
      tags,
      summary: 'The extensions of a stay (and of the stays it continues after room moves), newest first (logged as a read)',
      request: { params: idParam },
      responses: { 200: jsonResponse(z.array(extensionOutput), 'Extensions'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listStayExtensions(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stays/{id}/clock',
      tags,
      summary: "A stay's three-month clock: nights, limit, over three months without an extension, extensions, next warning (logged as a read)",
      request: { params: idParam },
      responses: { 200: jsonResponse(stayClockStatusOutput, 'The clock'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getStayClockStatus(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/stay-clock',
      tags,
      summary: "The clock of the stay the person lives in now, or null (logged as a read)",
      request: { params: idParam },
      responses: { 200: jsonResponse(personStayClockOutput, 'The clock or null'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await getPersonStayClock(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
