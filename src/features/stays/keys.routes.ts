import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { keyRegisterRow, reportKeyLostInput } from './keys.schema.ts';
import { listKeyRegister, reportKeyLost } from './keys.service.ts';

const tags = ['keys'];

export function registerKeyRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/keys',
      tags,
      summary: 'The key register: every key, its door or room, who has it or had it last, when, returned or lost',
      responses: { 200: jsonResponse(z.array(keyRegisterRow), 'By room and number'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listKeyRegister(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/keys/{id}/lost',
      tags,
      summary: 'Report a key lost or stolen: records an incident linked to the key and marks the key lost',
      request: { params: idParam, body: jsonBody(reportKeyLostInput) },
      responses: { 201: jsonResponse(z.object({ incidentId: z.uuid() }), 'Reported'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await reportKeyLost(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
}
