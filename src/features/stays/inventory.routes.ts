import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { roomCheckInput, roomCheckOutput, roomConditionOutput } from './inventory.schema.ts';
import { checkRoomInventory, getRoomCondition } from './inventory.service.ts';

const tags = ['inventory'];

export function registerInventoryRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{id}/condition',
      tags,
      summary: 'The condition of a room: each inventory item with its present condition and latest check',
      request: { params: idParam },
      responses: { 200: jsonResponse(roomConditionOutput, 'The room condition'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getRoomCondition(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rooms/{id}/inventory-checks',
      tags,
      summary: 'Check the whole inventory list of a room; an item found newly damaged or missing becomes a damage incident',
      request: { params: idParam, body: jsonBody(roomCheckInput) },
      responses: { 200: jsonResponse(roomCheckOutput, 'Checked'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await checkRoomInventory(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
