import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { expectedRoundsInput, expectedRoundsOutput, patrolOverviewOutput, patrolRoundInput, patrolRoundOutput } from './patrols.schema.ts';
import { getExpectedRounds, getPatrolOverview, registerPatrolRound, updateExpectedRounds } from './patrols.service.ts';

/** The security company's night rounds (issue 7, point 4). */
export function registerPatrolRoutes(app: App) {
  const tags = ['night patrols'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/patrols',
      tags,
      summary: 'Tonight and the last 14 nights with their rounds; nights with fewer rounds than expected',
      responses: { 200: jsonResponse(patrolOverviewOutput, 'Nights, newest first'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getPatrolOverview(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/patrols',
      tags,
      summary: "Register a night round for the security company's guard",
      request: { body: jsonBody(patrolRoundInput) },
      responses: { 201: jsonResponse(patrolRoundOutput, 'Registered'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await registerPatrolRound(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/patrols/expected-rounds',
      tags,
      summary: 'The expected number of rounds a night (a dated setting) and its history',
      responses: { 200: jsonResponse(expectedRoundsOutput, 'The setting'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getExpectedRounds(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/patrols/expected-rounds',
      tags,
      summary: 'Change the expected number of rounds a night from a day on, with a reason',
      request: { body: jsonBody(expectedRoundsInput) },
      responses: { 200: jsonResponse(expectedRoundsOutput, 'The setting'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await updateExpectedRounds(c.get('ctx'), c.req.valid('json')), 200),
  );
}
