import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { importInput, importReport } from './data-exchange.schema.ts';
import { importData } from './data-exchange.import.service.ts';
import { exportCsvZip, exportJson, exportPseudonymisedZip } from './data-exchange.export.service.ts';

const tags = ['data-exchange'];
const zipResponse = (description: string) => ({ description, content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } });

export function registerDataExchangeRoutes(app: App) {
  // The files travel in a JSON body (text, or base64 for the ZIP): simple for the web page and for scripts.
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/data-exchange/import',
      tags,
      summary: 'Check (dryRun, the default) or import historic data; a file with one bad row imports nothing',
      description: 'Formats: docs/data-exchange.md. The answer lists every error with file, row and column; outcome "imported" only when all rows were valid.',
      request: { body: jsonBody(importInput) },
      responses: { 200: jsonResponse(importReport, 'The report (invalid, valid or imported)'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await importData(c.get('ctx'), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/data-exchange/export.zip',
      tags,
      summary: 'All data as a ZIP of CSV files, one per entity, with stable ids (logged per person exported)',
      responses: { 200: zipResponse('houses.csv, rooms.csv, people.csv, referrals.csv, decisions.csv, stays.csv'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      const { zip, filename } = await exportCsvZip(c.get('ctx'));
      return c.body(new Uint8Array(zip), 200, { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${filename}"` });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/data-exchange/export.json',
      tags,
      summary: 'All data as one JSON file of the exchange format (logged per person exported)',
      // A download (attachment) of a file in the documented JSON format (docs/data-exchange.md).
      responses: { 200: { description: 'The JSON file (format bolig-nu/data-exchange, version 1)', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses(401, 403) },
    }),
    async (c) => {
      const { json, filename } = await exportJson(c.get('ctx'));
      return c.body(json, 200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${filename}"` });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/data-exchange/export-pseudonymised.zip',
      tags,
      summary: 'A pseudonymised data set for analysts (no names, ids, contact details or free text)',
      responses: { 200: zipResponse('rooms.csv, people.csv, referrals.csv, decisions.csv, stays.csv'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      const { zip, filename } = await exportPseudonymisedZip(c.get('ctx'));
      return c.body(new Uint8Array(zip), 200, { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${filename}"` });
    },
  );
}
