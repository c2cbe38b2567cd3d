import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { changeRoomStateInput, houseInput, houseOutput, roomInput, roomOutput, roomStateChangeOutput } from './rooms.schema.ts';
import { changeRoomState, createHouse, createRoom, getRoomStateHistory, listHousesWithRooms, updateHouse, updateRoom } from './rooms.service.ts';

const tags = ['rooms'];

export function registerRoomRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/houses',
      tags,
      summary: "The municipality's houses, each with its rooms and their present state",
      responses: { 200: jsonResponse(z.array(houseOutput), 'Houses by name, rooms in their order'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listHousesWithRooms(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/houses',
      tags,
      summary: 'Register a house',
      request: { body: jsonBody(houseInput) },
      responses: { 201: jsonResponse(houseOutput, 'Registered'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await createHouse(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/houses/{id}',
      tags,
      summary: "Change a house's name or address",
      request: { params: idParam, body: jsonBody(houseInput) },
      responses: { 200: jsonResponse(houseOutput, 'Changed'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await updateHouse(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/houses/{id}/rooms',
      tags,
      summary: 'Add a room to a house (it starts ready)',
      request: { params: idParam, body: jsonBody(roomInput) },
      responses: { 201: jsonResponse(roomOutput, 'Registered'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await createRoom(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/rooms/{id}',
      tags,
      summary: "Change a room's name, capacity, features or order",
      request: { params: idParam, body: jsonBody(roomInput) },
      responses: { 200: jsonResponse(roomOutput, 'Changed'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await updateRoom(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rooms/{id}/state',
      tags,
      summary: 'Mark a room ready, for cleaning or out of service (occupied comes from check-in only)',
      request: { params: idParam, body: jsonBody(changeRoomStateInput) },
      responses: { 200: jsonResponse(roomOutput, 'The room in its new state'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await changeRoomState(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{id}/state-history',
      tags,
      summary: "A room's state changes: who, when, from, to, why",
      request: { params: idParam },
      responses: { 200: jsonResponse(z.array(roomStateChangeOutput), 'Newest first'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getRoomStateHistory(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
