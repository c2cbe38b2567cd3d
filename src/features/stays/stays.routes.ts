import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import {
  boardOutput,
  calendarOutput,
  calendarQuery,
  checkInInput,
  checkInPreparationOutput,
  fireListOutput,
  inventoryItemInput,
  inventoryItemOutput,
  keyOutput,
  registerKeyInput,
  stayOutput,
} from './stays.schema.ts';
import { checkIn, getCheckInPreparation, getStay } from './stays.check-in.service.ts';
import { getBoard, getBoardCalendar, getFireList } from './stays.board.service.ts';
import { addInventoryItem, listRoomInventory, listRoomKeys, registerRoomKey } from './stays.equipment.service.ts';

const tags = ['stays'];

export function registerStayRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/offers/{id}/check-in',
      tags,
      summary: 'What the check-in form shows for an offer: household, room, dates, free keys, inventory list, current house rules',
      request: { params: idParam },
      responses: { 200: jsonResponse(checkInPreparationOutput, 'The check-in form'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getCheckInPreparation(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/offers/{id}/check-in',
      tags,
      summary: 'Check a household in from an accepted offer: stay, keys, inventory check, house rules acceptance, room occupied (one transaction)',
      request: { params: idParam, body: jsonBody(checkInInput) },
      responses: {
        201: jsonResponse(stayOutput, 'Checked in'),
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => c.json(await checkIn(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stays/{id}',
      tags,
      summary: 'One stay: household, room, dates, the three-month clock, keys, inventory, house rules accepted (logged as a read)',
      request: { params: idParam },
      responses: { 200: jsonResponse(stayOutput, 'The stay'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getStay(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/board',
      tags,
      summary: 'The room board: rooms with residents and the three-month clock, arrivals and departures of the next 14 days, free rooms',
      responses: { 200: jsonResponse(boardOutput, 'The board (each resident shown is logged as a read)'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getBoard(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/board/calendar',
      tags,
      summary: 'Rooms × weeks: six weeks of stays, arrivals and out-of-service periods from the Monday of `from` (this week by default)',
      request: { query: calendarQuery },
      responses: { 200: jsonResponse(calendarOutput, 'The calendar'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await getBoardCalendar(c.get('ctx'), c.req.valid('query').from), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/fire-list',
      tags,
      summary: 'The fire list: who is in the house right now, by house and room (each logged as a read for fire safety)',
      responses: { 200: jsonResponse(fireListOutput, 'The fire list'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getFireList(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{id}/keys',
      tags,
      summary: "The room's keys, each with whether it is handed out now",
      request: { params: idParam },
      responses: { 200: jsonResponse(z.array(keyOutput), 'Keys by door and number'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listRoomKeys(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rooms/{id}/keys',
      tags,
      summary: 'Register a key of the room (key number and door)',
      request: { params: idParam, body: jsonBody(registerKeyInput) },
      responses: { 201: jsonResponse(keyOutput, 'Registered'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await registerRoomKey(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{id}/inventory',
      tags,
      summary: "The room's inventory list with each item's present condition",
      request: { params: idParam },
      responses: { 200: jsonResponse(z.array(inventoryItemOutput), 'Items by name'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listRoomInventory(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rooms/{id}/inventory',
      tags,
      summary: "Add an item to the room's inventory list",
      request: { params: idParam, body: jsonBody(inventoryItemInput) },
      responses: { 201: jsonResponse(inventoryItemOutput, 'Added'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await addInventoryItem(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
}
