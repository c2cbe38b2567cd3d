import { createRoute } from '@hono/zod-openapi';
import type { App } from '../http/app.ts';
import { errorResponses, jsonBody, jsonResponse } from '../http/openapi.ts';
import { totpCodeInput, totpEnrolmentOutput, totpStatusOutput } from './auth.schema.ts';
import { confirmTotpEnrolment, disableTotp, getTotpStatus, startTotpEnrolment } from './totp.service.ts';

// The logged-in user's own second factor. Registered from registerAuthRoutes.
export function registerTotpRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/me/totp',
      tags: ['auth'],
      summary: 'Whether the own account has a second factor (TOTP)',
      responses: { 200: jsonResponse(totpStatusOutput, 'TOTP status'), ...errorResponses(401) },
    }),
    async (c) => c.json(await getTotpStatus(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/me/totp/enrolment',
      tags: ['auth'],
      summary: 'Start setting up TOTP: a new secret and its otpauth URI (not in force until confirmed)',
      responses: { 200: jsonResponse(totpEnrolmentOutput, 'The secret to put in an authenticator app'), ...errorResponses(401, 422) },
    }),
    async (c) => c.json(await startTotpEnrolment(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/me/totp/confirmation',
      tags: ['auth'],
      summary: 'Turn TOTP on with a code from the authenticator app',
      request: { body: jsonBody(totpCodeInput) },
      responses: { 204: { description: 'TOTP is on' }, ...errorResponses(400, 401, 422) },
    }),
    async (c) => {
      await confirmTotpEnrolment(c.get('ctx'), c.req.valid('json').code);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/me/totp/removal',
      tags: ['auth'],
      summary: 'Turn TOTP off (needs a valid code)',
      request: { body: jsonBody(totpCodeInput) },
      responses: { 204: { description: 'TOTP is off' }, ...errorResponses(400, 401, 422) },
    }),
    async (c) => {
      await disableTotp(c.get('ctx'), c.req.valid('json').code);
      return c.body(null, 204);
    },
  );
}
