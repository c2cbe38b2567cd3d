import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import {
  budgetInput,
  economicsOverviewOutput,
  importResultOutput,
  purchaseImportInput,
  purchaseInput,
  purchaseOutput,
  yearTotalInput,
} from './economics.schema.ts';
import { getEconomicsOverview, importPurchases, listPurchases, registerPurchase, setBudget, setYearTotal } from './economics.service.ts';

const tags = ['economics'];
const overviewQuery = z.object({
  baselineYear: z.coerce.number().int().min(1990).max(2100).optional().openapi({ param: { name: 'baselineYear', in: 'query' } }),
});

export function registerEconomicsRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/economics',
      tags,
      summary: 'Cost per occupied night, external spend per year against a baseline year, the savings (aggregate only)',
      request: { query: overviewQuery },
      responses: { 200: jsonResponse(economicsOverviewOutput, 'Per year'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await getEconomicsOverview(c.get('ctx'), c.req.valid('query').baselineYear), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/economics/budgets',
      tags,
      summary: 'Enter (or replace) the operating budget of a year',
      request: { body: jsonBody(budgetInput) },
      responses: { 200: jsonResponse(economicsOverviewOutput, 'Saved'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await setBudget(c.get('ctx'), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/economics/external-year-totals',
      tags,
      summary: "Enter (or replace) a year's total spend on external temporary accommodation",
      request: { body: jsonBody(yearTotalInput) },
      responses: { 200: jsonResponse(economicsOverviewOutput, 'Saved'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await setYearTotal(c.get('ctx'), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/economics/purchases',
      tags,
      summary: 'Purchases of external temporary accommodation, newest first (the latest 200)',
      responses: { 200: jsonResponse(z.array(purchaseOutput), 'Purchases'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listPurchases(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/economics/purchases',
      tags,
      summary: 'Register a purchase of external temporary accommodation (date, provider, person optional, nights, amount)',
      request: { body: jsonBody(purchaseInput) },
      responses: { 201: jsonResponse(purchaseOutput, 'Registered'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await registerPurchase(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/economics/purchases/import',
      tags,
      summary: 'Import purchases from CSV, all or nothing (a 400 lists the bad lines and nothing is written)',
      request: { body: jsonBody(purchaseImportInput) },
      responses: { 200: jsonResponse(importResultOutput, 'Imported'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await importPurchases(c.get('ctx'), c.req.valid('json').csv), 200),
  );
}
