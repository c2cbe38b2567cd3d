import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { createScreeningInput, screeningOutput } from './screening.schema.ts';
import { listScreenings, recordScreening } from './screening.service.ts';

const tags = ['referrals'];

export function registerScreeningRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/referrals/{id}/screenings',
      tags,
      summary: 'Screen a referral against the target group and the fire-safety exclusions',
      description:
        'Stores the answers, the result (eligible, needs_justification, excluded) explained line by line, and the exceptions; the referral becomes "screened". Going on despite an exception (proceedWithExceptions) needs a justification (422 otherwise).',
      request: { params: idParam, body: jsonBody(createScreeningInput) },
      responses: { 201: jsonResponse(screeningOutput, 'Screened'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await recordScreening(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/referrals/{id}/screenings',
      tags,
      summary: "A referral's screenings, newest first (logged as a read of the applicant's data)",
      request: { params: idParam },
      responses: { 200: jsonResponse(z.array(screeningOutput), 'Newest first'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listScreenings(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
