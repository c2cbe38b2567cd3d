import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { handoverOutput, shiftLogDayOutput, shiftLogDayQuery, shiftLogEntryInput, shiftLogEntryOutput, shiftLogResidentOutput } from './shift-log.schema.ts';
import { correctShiftLogEntry, getHandover, getShiftLogDay, listShiftLogResidents, writeShiftLogEntry } from './shift-log.service.ts';

/** The shift log (vaktbok) and the handover view (issue 7, point 3). */
export function registerShiftLogRoutes(app: App) {
  const tags = ['shift log'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/shift-log/handover',
      tags,
      summary: 'The handover: entries of the last 24 hours grouped by shift (reads of named residents are logged)',
      responses: { 200: jsonResponse(handoverOutput, 'The last 24 hours by shift'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getHandover(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/shift-log/day',
      tags,
      summary: 'The shifts that began on a day, with their entries (reads of named residents are logged)',
      request: { query: shiftLogDayQuery },
      responses: { 200: jsonResponse(shiftLogDayOutput, 'The day by shift'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await getShiftLogDay(c.get('ctx'), c.req.valid('query').day), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/shift-log',
      tags,
      summary: 'Write a shift-log entry (never edited or deleted afterwards)',
      request: { body: jsonBody(shiftLogEntryInput) },
      responses: { 201: jsonResponse(shiftLogEntryOutput, 'Written'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await writeShiftLogEntry(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/shift-log/{id}/corrections',
      tags,
      summary: 'Correct an entry with a new entry that references it; the original is kept and shown as corrected',
      request: { params: idParam, body: jsonBody(shiftLogEntryInput) },
      responses: { 201: jsonResponse(shiftLogEntryOutput, 'The correction'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await correctShiftLogEntry(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/shift-log/residents',
      tags,
      summary: 'The residents in the house now, to name in an entry',
      responses: { 200: jsonResponse(z.array(shiftLogResidentOutput), 'Residents with their room'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listShiftLogResidents(c.get('ctx')), 200),
  );
}
