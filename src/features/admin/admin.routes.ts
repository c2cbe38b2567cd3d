import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { adminUserOutput, createUserInput, roleOutput, setPasswordInput, updateUserInput } from './admin.schema.ts';
import { createUser, listRoles, listUsers, setUserPassword, unlockUser, updateUser } from './admin.service.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';

const tags = ['admin'];

export function registerAdminRoutes(app: App) {
  // Only administrators get as far as input validation: others learn nothing about the shapes here.
  // (Each service function still checks the permission on its first line.)
  app.use('/api/admin/*', async (c, next) => {
    requirePermission(c.get('ctx'), 'user:admin');
    await next();
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/users',
      tags,
      summary: 'The users of the municipality with roles, status and last login',
      responses: { 200: jsonResponse(z.array(adminUserOutput), 'Ordered by name'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listUsers(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/roles',
      tags,
      summary: 'Every role with the permission strings it grants',
      responses: { 200: jsonResponse(z.array(roleOutput), 'Ordered by Norwegian name'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listRoles(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/users',
      tags,
      summary: 'Create a user with a password, or one who logs in only through the municipality (OIDC)',
      request: { body: jsonBody(createUserInput) },
      responses: { 201: jsonResponse(adminUserOutput, 'Created'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await createUser(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/admin/users/{id}',
      tags,
      summary: 'Change display name, e-mail, roles or active flag (deactivating ends the sessions)',
      request: { params: idParam, body: jsonBody(updateUserInput) },
      responses: { 200: jsonResponse(adminUserOutput, 'Changed'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await updateUser(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/admin/users/{id}/password',
      tags,
      summary: "Set a new password (ends the user's other sessions)",
      request: { params: idParam, body: jsonBody(setPasswordInput) },
      responses: { 204: { description: 'Set' }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      await setUserPassword(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/users/{id}/unlock',
      tags,
      summary: 'Lift the lock after too many wrong passwords',
      request: { params: idParam },
      responses: { 200: jsonResponse(adminUserOutput, 'Unlocked'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await unlockUser(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
