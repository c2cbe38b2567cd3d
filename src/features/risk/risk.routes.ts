import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { hazardInput, hazardMeasureInput, riskAnalysisOutput, thresholdInput } from './risk.schema.ts';
import { addHazardMeasure, createHazard, getRiskAnalysis, setActionThreshold, setHazardMeasureDone, updateHazard } from './risk.service.ts';
import { riskAnalysisPdf } from './risk.pdf.ts';

const tags = ['risk'];
const created = z.object({ id: z.uuid() });

export function registerRiskRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/risk/analysis',
      tags,
      summary: 'The risk and vulnerability analysis (ROS): threshold, hazards before and after measures, matrices, realised incidents',
      responses: { 200: jsonResponse(riskAnalysisOutput, 'The analysis'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getRiskAnalysis(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/risk/analysis.pdf',
      tags,
      summary: 'The analysis as PDF',
      responses: {
        200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      const { pdf, filename } = await riskAnalysisPdf(c.get('ctx'));
      return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${filename}"` });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/risk/hazards',
      tags,
      summary: 'Add a hazard (probability and consequence 1–5, residual scores once assessed, review date)',
      request: { body: jsonBody(hazardInput) },
      responses: { 201: jsonResponse(created, 'Added'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await createHazard(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/risk/hazards/{id}',
      tags,
      summary: 'Change a hazard',
      request: { params: idParam, body: jsonBody(hazardInput) },
      responses: { 200: jsonResponse(created, 'Changed'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await updateHazard(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/risk/hazards/{id}/measures',
      tags,
      summary: 'Add a measure with owner and due date',
      request: { params: idParam, body: jsonBody(hazardMeasureInput) },
      responses: { 201: jsonResponse(created, 'Added'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await addHazardMeasure(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/risk/measures/{id}/done',
      tags,
      summary: 'Mark a measure done today, or not done',
      request: { params: idParam, body: jsonBody(z.object({ done: z.boolean() }).meta({ id: 'HazardMeasureDoneInput' })) },
      responses: { 204: { description: 'Saved' }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      await setHazardMeasureDone(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').done);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/risk/threshold',
      tags,
      summary: 'Set the action threshold from a day on, with the reason (risk ≥ threshold needs measures)',
      request: { body: jsonBody(thresholdInput) },
      responses: { 204: { description: 'Saved' }, ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => {
      await setActionThreshold(c.get('ctx'), c.req.valid('json'));
      return c.body(null, 204);
    },
  );
}
