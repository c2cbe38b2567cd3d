import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import {
  arrangementInput,
  arrangementOutput,
  month,
  paymentInput,
  paymentOutput,
  personPaymentsOutput,
  produceInput,
  produceOutput,
  rateSettingsInput,
  rateSettingsOutput,
  serviceOverviewOutput,
  statementOutput,
} from './payments.schema.ts';
import { getPaymentsOverview, getPersonPayments, registerPayment, setArrangement } from './payments.service.ts';
import { getStatement, produceStatements, statementPdf } from './payments.statements.service.ts';
import { getRateSettings, updateRateSettings } from './payments.settings.service.ts';
import { exportMonthCsv, exportMonthXlsx } from './payments.export.service.ts';

const tags = ['payments'];
const monthParam = z.object({ month: month.openapi({ param: { name: 'month', in: 'path' } }) });
const personMonthParam = idParam.extend({ month: month.openapi({ param: { name: 'month', in: 'path' } }) });
const binary = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } });

export function registerPaymentRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/payments',
      tags,
      summary: "A resident's payment arrangement and its history, months charged, payments and balance",
      request: { params: idParam },
      responses: { 200: jsonResponse(personPaymentsOutput, 'The resident’s payments'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getPersonPayments(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/payment-arrangements',
      tags,
      summary: 'Decide a payment arrangement from a date: full price, reduced (with reason and assessor) or none (social assistance, NAV reference)',
      request: { params: idParam, body: jsonBody(arrangementInput) },
      responses: { 201: jsonResponse(arrangementOutput, 'Decided'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await setArrangement(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/payments',
      tags,
      summary: 'Register a payment (positive, at most 100 000 kr; refused with nothing written otherwise)',
      request: { params: idParam, body: jsonBody(paymentInput) },
      responses: { 201: jsonResponse(paymentOutput, 'Registered'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await registerPayment(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/statements/{month}',
      tags,
      summary: "A resident's statement for a month: nights, rate, cap, reductions, amount due, payments, balance",
      request: { params: personMonthParam },
      responses: { 200: jsonResponse(statementOutput, 'The statement'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, month: m } = c.req.valid('param');
      return c.json(await getStatement(c.get('ctx'), id, m), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/statements/{month}/statement.pdf',
      tags,
      summary: 'The monthly statement as a PDF in Norwegian (logged as a read of the resident’s data)',
      request: { params: personMonthParam },
      responses: { 200: binary('application/pdf', 'The PDF'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, month: m } = c.req.valid('param');
      const { pdf, filename } = await statementPdf(c.get('ctx'), id, m);
      return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${filename}"` });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/payments/statements',
      tags,
      summary: 'Produce the statements of a month (for everyone, or one resident): first a charge line, later only corrections',
      request: { body: jsonBody(produceInput.extend({ personId: z.uuid().optional() })) },
      responses: { 200: jsonResponse(produceOutput, 'Produced'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await produceStatements(c.get('ctx'), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/payments/overview',
      tags,
      summary: 'Balances of the service: who owes (the follow-up list first), totals charged, paid and in arrears',
      responses: { 200: jsonResponse(serviceOverviewOutput, 'Balances'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getPaymentsOverview(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/payments/settings',
      tags,
      summary: 'The rate per night and the monthly cap in force today, and their history',
      responses: { 200: jsonResponse(rateSettingsOutput, 'Rates'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getRateSettings(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/payments/settings',
      tags,
      summary: 'Set the rate per night and the monthly cap from a date, with a reason',
      request: { body: jsonBody(rateSettingsInput) },
      responses: { 200: jsonResponse(rateSettingsOutput, 'Changed'), ...errorResponses(400, 401, 403, 409, 422) },
    }),
    async (c) => c.json(await updateRateSettings(c.get('ctx'), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/payments/export/{month}/charges.csv',
      tags,
      summary: "The month's charges and payments for the accounting system, CSV (columns in docs/payments-export.md)",
      request: { params: monthParam },
      responses: { 200: binary('text/csv', 'CSV, semicolon-separated, UTF-8'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { body, filename } = await exportMonthCsv(c.get('ctx'), c.req.valid('param').month);
      return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/payments/export/{month}/charges.xlsx',
      tags,
      summary: "The month's charges and payments for the accounting system, XLSX (same columns as the CSV)",
      request: { params: monthParam },
      responses: { 200: binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { body, filename } = await exportMonthXlsx(c.get('ctx'), c.req.valid('param').month);
      return c.body(new Uint8Array(body), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${filename}"`,
      });
    },
  );
}
