import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { assignmentInput, rotaMemberOutput, weekendGroupInput, rotaOutput, rotaPeriodQuery, staffingPatternInput, staffingPatternOutput } from './staffing.schema.ts';
import { addAssignment, generateRotaForPeriod, getRota, getStaffingPattern, removeAssignment, setWeekendGroup, updateStaffingPattern } from './staffing.service.ts';

/** The staffing plan (turnus, issue 7 point 7). */
export function registerStaffingRoutes(app: App) {
  const tags = ['staffing plan'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/staffing/rota',
      tags,
      summary: 'The rota of a period (at most 92 days) with its under-staffed shifts',
      request: { query: rotaPeriodQuery },
      responses: { 200: jsonResponse(rotaOutput, 'The rota'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await getRota(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/staffing/rota/generate',
      tags,
      summary: 'Generate the rota of a period from the pattern, replacing what the period had',
      request: { body: jsonBody(rotaPeriodQuery) },
      responses: { 201: jsonResponse(rotaOutput, 'The new rota'), ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => c.json(await generateRotaForPeriod(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/staffing/assignments',
      tags,
      summary: 'Put a person on a shift by hand (one shift a person a day)',
      request: { body: jsonBody(assignmentInput) },
      responses: { 201: jsonResponse(rotaOutput, 'The day of the rota'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await addAssignment(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/staffing/assignments/{id}',
      tags,
      summary: 'Take a person off a shift',
      request: { params: idParam },
      responses: { 200: jsonResponse(z.object({ id: z.uuid() }), 'Removed'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await removeAssignment(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/staffing/members/{id}/weekend-group',
      tags,
      summary: "Move a member of staff (user id) to another weekend group (0–3); applies to rotas generated afterwards",
      request: { params: idParam, body: jsonBody(weekendGroupInput) },
      responses: { 200: jsonResponse(z.array(rotaMemberOutput), 'Everyone on the rota with their group'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await setWeekendGroup(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/staffing/pattern',
      tags,
      summary: 'The staffing pattern in force (people per shift, weekdays and weekends) and its history',
      responses: { 200: jsonResponse(staffingPatternOutput, 'The pattern'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getStaffingPattern(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/staffing/pattern',
      tags,
      summary: 'Change the staffing pattern from a day on, with a reason',
      request: { body: jsonBody(staffingPatternInput) },
      responses: { 200: jsonResponse(staffingPatternOutput, 'The pattern'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await updateStaffingPattern(c.get('ctx'), c.req.valid('json')), 200),
  );
}
