import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { roomMoveInput, roomMoveOptionsOutput, roomMoveOutput } from './room-move.schema.ts';
import { keysNotReturnedOutput, moveOutInput, moveOutOutput, moveOutViewOutput } from './move-out.schema.ts';
import { belongingsOutput, overdueBelongingsOutput, pickedUpInput, storeBelongingsInput } from './belongings.schema.ts';
import { getRoomMoveOptions, moveRoom } from './room-move.service.ts';
import { getMoveOut, listKeysNotReturned, recordMoveOut, returnKey } from './move-out.service.ts';
import { listBelongings, listBelongingsPastKeepUntil, markBelongingsPickedUp, storeBelongings } from './belongings.service.ts';

// Moving on within and out of the house: room moves, move-out, keys not returned, stored belongings.

const tags = ['stays'];

export function registerMovingOnRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stays/{id}/room-move',
      tags,
      summary: 'What a room move can offer: free rooms (ready, empty, couples when needed) with their free keys, and the keys held now',
      request: { params: idParam },
      responses: { 200: jsonResponse(roomMoveOptionsOutput, 'The move dialog'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await getRoomMoveOptions(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/stays/{id}/room-move',
      tags,
      summary: 'Move the household to another room: the stay row ends, a new row starts in the new room (no-overlap guarded), keys and room states follow (one transaction)',
      request: { params: idParam, body: jsonBody(roomMoveInput) },
      responses: { 201: jsonResponse(roomMoveOutput, 'Moved'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await moveRoom(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stays/{id}/move-out',
      tags,
      summary: 'The move-out page of a stay: household, room, keys held, inventory list, and the move-out once recorded (logged as a read)',
      request: { params: idParam },
      responses: { 200: jsonResponse(moveOutViewOutput, 'The move-out'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getMoveOut(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/stays/{id}/move-out',
      tags,
      summary: 'Record a move-out: the stay ends, destination, keys, inventory check, damage, belongings stored, room to cleaning, aftercare follow-ups (one transaction)',
      request: { params: idParam, body: jsonBody(moveOutInput) },
      responses: { 201: jsonResponse(moveOutOutput, 'Moved out'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await recordMoveOut(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/keys/not-returned',
      tags,
      summary: 'Keys handed out on stays that have ended and not come back (each holder logged as a read)',
      responses: { 200: jsonResponse(keysNotReturnedOutput, 'Oldest first'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listKeysNotReturned(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/keys/{id}/return',
      tags,
      summary: 'A key handed back: its open issue closes',
      request: { params: idParam },
      responses: { 204: { description: 'Returned' }, ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => {
      await returnKey(c.get('ctx'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/belongings',
      tags,
      summary: "A person's stored belongings (logged as a read)",
      request: { params: idParam },
      responses: { 200: jsonResponse(z.array(belongingsOutput), 'Oldest first'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listBelongings(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/belongings',
      tags,
      summary: 'Register belongings put in storage for a person: what, where, stored on, keep until',
      request: { params: idParam, body: jsonBody(storeBelongingsInput) },
      responses: { 201: jsonResponse(belongingsOutput, 'Stored'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await storeBelongings(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/belongings/{id}/picked-up',
      tags,
      summary: 'Record that stored belongings were picked up (today unless another day is given)',
      request: { params: idParam, body: jsonBody(pickedUpInput) },
      responses: { 200: jsonResponse(belongingsOutput, 'Picked up'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await markBelongingsPickedUp(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/belongings/past-keep-until',
      tags,
      summary: 'Belongings still in storage after their keep-until day (each owner logged as a read)',
      responses: { 200: jsonResponse(overdueBelongingsOutput, 'Oldest first'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listBelongingsPastKeepUntil(c.get('ctx')), 200),
  );
}
