import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { registerScreeningRoutes } from '../allocation/screening.routes.ts';
import { createReferralInput, listReferralsQuery, referralOutput, referralSummaryOutput } from './referrals.schema.ts';
import { createReferral, getReferral, listReferrals } from './referrals.service.ts';

const tags = ['referrals'];

/** Referral routes, and the screening of a referral (its routes live with the screening, under /api/referrals/{id}). */
export function registerReferralRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/referrals',
      tags,
      summary: 'Refer a household (henvisning); the people are registered, or linked by their national id',
      request: { body: jsonBody(createReferralInput) },
      responses: { 201: jsonResponse(referralOutput, 'Received'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await createReferral(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/referrals',
      tags,
      summary: "Referrals, newest first: all of the service's (referral:read), or the caseworker's own (referral:read:own)",
      request: { query: listReferralsQuery },
      responses: { 200: jsonResponse(z.array(referralSummaryOutput), 'Newest first'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await listReferrals(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/referrals/{id}',
      tags,
      summary: 'A referral with its status history; the household for the service only (logged as a read)',
      request: { params: idParam },
      responses: { 200: jsonResponse(referralOutput, 'The referral'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getReferral(c.get('ctx'), c.req.valid('param').id), 200),
  );

  registerScreeningRoutes(app);
}
