import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import {
  breakGlassInput,
  breakGlassOutput,
  erasureInput,
  grantOutput,
  grantQuery,
  privacySettingsInput,
  privacySettingsOutput,
  retentionReportOutput,
  retentionRunOutput,
  reviewGrantInput,
} from './privacy.schema.ts';
import { breakTheGlass, listBreakGlass, reviewBreakGlass } from './privacy.access.service.ts';
import { exportPersonData, exportPersonDataPdf, personAccessLogPdf } from './person-data.service.ts';
import { getPrivacySettings, updatePrivacySettings } from './privacy.settings.service.ts';
import { erasePerson, listRetentionRuns, retentionDryRun } from './retention.service.ts';

const pdfResponse = { description: 'The PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } };
const pdf = (body: Buffer, filename: string) =>
  new Response(new Uint8Array(body), { status: 200, headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${filename}"` } });

/** Access by need, the person's rights of access, retention (issue 8, points 1–3). */
export function registerPrivacyRoutes(app: App) {
  const tags = ['privacy'];

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/break-glass',
      tags,
      summary: 'Open a closed record for the rest of the day, with a stated reason (logged; reviewed by the lead)',
      request: { params: idParam, body: jsonBody(breakGlassInput) },
      responses: { 201: jsonResponse(breakGlassOutput, 'Opened until the end of the day'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await breakTheGlass(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/privacy/break-glass',
      tags,
      summary: 'Openings of closed records for the service lead to review, unreviewed first',
      request: { query: grantQuery },
      responses: { 200: jsonResponse(z.array(grantOutput), 'Openings'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await listBreakGlass(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/privacy/break-glass/{id}/reviewed',
      tags,
      summary: 'The lead marks an opening reviewed, with an optional note',
      request: { params: idParam, body: jsonBody(reviewGrantInput) },
      responses: { 204: { description: 'Reviewed' }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      await reviewBreakGlass(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/access-log.pdf',
      tags,
      summary: "The person's access log to print: dates and purposes of every access (names only if the setting says so)",
      request: { params: idParam },
      responses: { 200: pdfResponse, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { pdf: body, filename } = await personAccessLogPdf(c.get('ctx'), c.req.valid('param').id);
      return pdf(body, filename);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/data-export',
      tags,
      summary: 'Everything stored about the person (GDPR art. 15) as JSON, section by section',
      request: { params: idParam },
      responses: { 200: jsonResponse(z.object({ personId: z.uuid(), generatedAt: z.string(), sections: z.array(z.unknown()) }), 'The export'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const data = await exportPersonData(c.get('ctx'), c.req.valid('param').id);
      c.header('content-disposition', `attachment; filename="innsyn-${data.personId.slice(0, 8)}.json"`);
      return c.json(data, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/data-export.pdf',
      tags,
      summary: 'Everything stored about the person (GDPR art. 15) as PDF',
      request: { params: idParam },
      responses: { 200: pdfResponse, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { pdf: body, filename } = await exportPersonDataPdf(c.get('ctx'), c.req.valid('param').id);
      return pdf(body, filename);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/erasure',
      tags,
      summary: 'Delete a person on request where the law allows it (never stayed, no open case); otherwise 422 explains why not',
      request: { params: idParam, body: jsonBody(erasureInput) },
      responses: { 200: jsonResponse(z.object({ deleted: z.record(z.string(), z.number()) }), 'Deleted: rows per table'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await erasePerson(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/privacy/settings',
      tags,
      summary: 'Access and retention settings in force, with their history',
      responses: { 200: jsonResponse(privacySettingsOutput, 'Settings'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getPrivacySettings(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/privacy/settings',
      tags,
      summary: 'Change access and retention settings from a day on, with a reason (retention at most 10 years)',
      request: { body: jsonBody(privacySettingsInput) },
      responses: { 200: jsonResponse(privacySettingsOutput, 'Settings'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await updatePrivacySettings(c.get('ctx'), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/privacy/retention/dry-run',
      tags,
      summary: 'What retention would anonymise now, with counts; changes nothing (the run is recorded and audited)',
      responses: { 200: jsonResponse(retentionReportOutput, 'The report'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await retentionDryRun(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/privacy/retention/runs',
      tags,
      summary: 'Retention runs: dry runs, anonymisations and erasures, newest first',
      responses: { 200: jsonResponse(z.array(retentionRunOutput), 'Runs'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listRetentionRuns(c.get('ctx')), 200),
  );
}
