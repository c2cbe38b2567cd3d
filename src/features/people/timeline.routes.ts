import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonResponse } from '../../platform/http/openapi.ts';
import { timelineOutput } from './timeline.schema.ts';
import { getPersonTimeline } from './timeline.service.ts';

export function registerTimelineRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/timeline',
      tags: ['people'],
      summary: "The person's story from referral to aftercare, oldest first (read-only; logged as follow-up)",
      request: { params: idParam },
      responses: { 200: jsonResponse(timelineOutput, 'The timeline'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getPersonTimeline(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
