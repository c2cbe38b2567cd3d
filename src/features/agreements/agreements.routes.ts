import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import {
  agreementContent,
  agreementOutput,
  agreementOverviewRow,
  agreementTemplateContent,
  agreementTemplateOutput,
  houseRulesVersionOutput,
  publishHouseRulesInput,
  signAgreementInput,
  stayAgreementsOutput,
} from './agreements.schema.ts';
import { getCurrentHouseRules, listHouseRulesVersions, publishHouseRules } from './house-rules.service.ts';
import { getAgreementTemplate, listAgreementTemplateVersions, saveAgreementTemplate } from './agreement-template.service.ts';
import {
  agreementPdf,
  createAgreement,
  getAgreement,
  getStayAgreements,
  listAgreementOverview,
  signAgreement,
  updateAgreement,
} from './agreements.service.ts';

export function registerAgreementRoutes(app: App) {
  // --- house rules ---
  const houseRulesTags = ['house rules'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/house-rules',
      tags: houseRulesTags,
      summary: 'The house rules in force (the newest version)',
      responses: { 200: jsonResponse(houseRulesVersionOutput, 'The current version'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await getCurrentHouseRules(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/house-rules/versions',
      tags: houseRulesTags,
      summary: 'Every published version of the house rules, newest first',
      responses: { 200: jsonResponse(z.array(houseRulesVersionOutput), 'All versions'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listHouseRulesVersions(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/house-rules',
      tags: houseRulesTags,
      summary: 'Publish a new version of the house rules (earlier versions are kept)',
      request: { body: jsonBody(publishHouseRulesInput) },
      responses: { 201: jsonResponse(houseRulesVersionOutput, 'Published'), ...errorResponses(400, 401, 403, 409, 422) },
    }),
    async (c) => c.json(await publishHouseRules(c.get('ctx'), c.req.valid('json').rules), 201),
  );

  // --- agreement template ---
  const templateTags = ['agreement template'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreement-template',
      tags: templateTags,
      summary: 'The current agreement template (version 0 with the built-in text before one is saved)',
      responses: { 200: jsonResponse(agreementTemplateOutput, 'The current template'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getAgreementTemplate(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreement-template/versions',
      tags: templateTags,
      summary: 'Every saved version of the agreement template, newest first',
      responses: { 200: jsonResponse(z.array(agreementTemplateOutput), 'All versions'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listAgreementTemplateVersions(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/agreement-template',
      tags: templateTags,
      summary: 'Save the agreement template as a new version',
      request: { body: jsonBody(agreementTemplateContent) },
      responses: { 201: jsonResponse(agreementTemplateOutput, 'Saved as a new version'), ...errorResponses(400, 401, 403, 409, 422) },
    }),
    async (c) => c.json(await saveAgreementTemplate(c.get('ctx'), c.req.valid('json')), 201),
  );

  // --- agreements ---
  const tags = ['agreements'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements',
      tags,
      summary: 'Current stays with the newest version of their agreement (or none yet)',
      responses: { 200: jsonResponse(z.array(agreementOverviewRow), 'By room'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listAgreementOverview(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stays/{id}/agreements',
      tags,
      summary: "The stay and every version of its agreement, newest first (logged as a read of the resident's data)",
      request: { params: idParam },
      responses: { 200: jsonResponse(stayAgreementsOutput, 'The stay and its agreement versions'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getStayAgreements(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/stays/{id}/agreements',
      tags,
      summary: 'Make version 1 of the stay’s agreement from the current template',
      request: { params: idParam },
      responses: { 201: jsonResponse(agreementOutput, 'Made'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await createAgreement(c.get('ctx'), c.req.valid('param').id), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements/{id}',
      tags,
      summary: "One version of an agreement (logged as a read of the resident's data)",
      request: { params: idParam },
      responses: { 200: jsonResponse(agreementOutput, 'The version'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getAgreement(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/agreements/{id}',
      tags,
      summary: 'Change the agreement: saved as a new version, the old one is kept',
      request: { params: idParam, body: jsonBody(agreementContent) },
      responses: { 201: jsonResponse(agreementOutput, 'The new version'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await updateAgreement(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/agreements/{id}/signed',
      tags,
      summary: 'Record the day this version was signed',
      request: { params: idParam, body: jsonBody(signAgreementInput) },
      responses: { 200: jsonResponse(agreementOutput, 'Recorded'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await signAgreement(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').signedOn), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements/{id}/agreement.pdf',
      tags,
      summary: "The agreement as a PDF for signature, in Norwegian (logged as a read of the resident's data)",
      request: { params: idParam },
      responses: {
        200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { pdf, filename } = await agreementPdf(c.get('ctx'), c.req.valid('param').id);
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${filename}"`,
      });
    },
  );
}
