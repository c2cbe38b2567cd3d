import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonResponse } from '../../platform/http/openapi.ts';
import {
  archivedReportOutput,
  archivedReportSummary,
  dashboardOutput,
  dataQualityIssueOutput,
  kostraOutput,
  monthlyReportOutput,
  yearReportOutput,
} from './reports.schema.ts';
import { getMonthlyReport, monthlyReportFile, type ReportFile } from './monthly.service.ts';
import { getKostra, getYearReport, kostraFile, yearReportFile } from './year.service.ts';
import { getDashboard } from './dashboard.service.ts';
import { getDataQuality } from './data-quality.service.ts';
import { archiveMonthlyReport, getArchivedReport, listArchive } from './archive.service.ts';

const tags = ['reports'];

const monthParam = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'reports.validation.month')
    .openapi({ param: { name: 'month', in: 'path' }, example: '2026-10', description: 'yyyy-mm' }),
});
const yearParam = z.object({
  year: z.coerce
    .number('reports.validation.year')
    .int('reports.validation.year')
    .min(2000, 'reports.validation.year')
    .max(2100, 'reports.validation.year')
    .openapi({ param: { name: 'year', in: 'path' }, example: 2026 }),
});

const binary = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } });

function sendFile(c: Context, file: ReportFile) {
  return c.body(new Uint8Array(file.bytes), 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.filename}"`,
  });
}

export function registerReportRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/monthly/{month}',
      tags,
      summary: 'The monthly report: each figure for the month, the month before and the same month last year, with definitions',
      request: { params: monthParam },
      responses: { 200: jsonResponse(monthlyReportOutput, 'The report'), ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => c.json(await getMonthlyReport(c.get('ctx'), c.req.valid('param').month), 200),
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/reports/monthly/{month}/report.${format}`,
        tags,
        summary: `The monthly report as ${format.toUpperCase()}, in the user's language`,
        request: { params: monthParam },
        responses: {
          200: binary(format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `The ${format.toUpperCase()}`),
          ...errorResponses(400, 401, 403, 422),
        },
      }),
      async (c) => sendFile(c, await monthlyReportFile(c.get('ctx'), c.req.valid('param').month, format)),
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/reports/monthly/{month}/archive',
      tags,
      summary: 'Produce the monthly report now and archive its figures (a new version each time)',
      request: { params: monthParam },
      responses: { 201: jsonResponse(archivedReportSummary, 'Archived'), ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => c.json((await archiveMonthlyReport(c.get('ctx'), c.req.valid('param').month, 'on_demand'))!, 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/archive',
      tags,
      summary: 'Archived monthly reports, newest month first',
      responses: { 200: jsonResponse(z.array(archivedReportSummary), 'The archive'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listArchive(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/archive/{id}',
      tags,
      summary: 'One archived monthly report, with the figures as they stood when it was produced',
      request: { params: idParam },
      responses: { 200: jsonResponse(archivedReportOutput, 'The archived report'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getArchivedReport(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/year/{year}',
      tags,
      summary: 'The year report: every monthly figure by month, and the KOSTRA form 13 figures',
      request: { params: yearParam },
      responses: { 200: jsonResponse(yearReportOutput, 'The year report'), ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => c.json(await getYearReport(c.get('ctx'), c.req.valid('param').year), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/year/{year}/report.xlsx',
      tags,
      summary: 'The year report as XLSX (a sheet by month and a KOSTRA sheet)',
      request: { params: yearParam },
      responses: { 200: binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The XLSX'), ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => sendFile(c, await yearReportFile(c.get('ctx'), c.req.valid('param').year)),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/kostra/{year}',
      tags,
      summary: 'The KOSTRA form 13 figures for temporary accommodation (households counted once a year)',
      request: { params: yearParam },
      responses: { 200: jsonResponse(kostraOutput, 'The KOSTRA figures'), ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => c.json(await getKostra(c.get('ctx'), c.req.valid('param').year), 200),
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/reports/kostra/{year}/kostra.${format}`,
        tags,
        summary: `The KOSTRA form 13 figures as ${format.toUpperCase()}`,
        request: { params: yearParam },
        responses: {
          200: binary(format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `The ${format.toUpperCase()}`),
          ...errorResponses(400, 401, 403, 422),
        },
      }),
      async (c) => sendFile(c, await kostraFile(c.get('ctx'), c.req.valid('param').year, format)),
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/dashboard',
      tags,
      summary: 'The steering-group dashboard: twelve months of aggregates, counts 1–4 shown as "under 5"',
      responses: { 200: jsonResponse(dashboardOutput, 'The dashboard'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getDashboard(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/data-quality',
      tags,
      summary: 'Data-quality checks: overlapping stays, missing destinations, impossible room occupancy, undecided referrals',
      responses: { 200: jsonResponse(z.array(dataQualityIssueOutput), 'What to fix, with the page that fixes it'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getDataQuality(c.get('ctx')), 200),
  );
}
