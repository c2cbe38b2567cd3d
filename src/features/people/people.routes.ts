import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import {
  accessLogEntryOutput,
  accessPurpose,
  householdMemberInput,
  personOutput,
  personSummaryOutput,
  registerPersonInput,
  searchPeopleInput,
  updatePersonInput,
} from './people.schema.ts';
import {
  addHouseholdMember,
  getPerson,
  getPersonAccessLog,
  registerPerson,
  removeHouseholdMember,
  searchPeople,
  updatePerson,
} from './people.service.ts';
import { registerTimelineRoutes } from './timeline.routes.ts';

const tags = ['people'];

export function registerPeopleRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people',
      tags,
      summary: 'Register a person and their household',
      request: { body: jsonBody(registerPersonInput) },
      responses: { 201: jsonResponse(personOutput, 'Registered'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await registerPerson(c.get('ctx'), c.req.valid('json')), 201),
  );

  // POST, not GET: names and identity numbers must never appear in a URL (or the logs that record URLs).
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/search',
      tags,
      summary: 'Find people by name, birth date or identity number',
      request: { body: jsonBody(searchPeopleInput) },
      responses: { 200: jsonResponse(z.array(personSummaryOutput), 'Matches, at most 50'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await searchPeople(c.get('ctx'), c.req.valid('json').query), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}',
      tags,
      summary: "Read a person's record (logged with its purpose)",
      request: { params: idParam, query: z.object({ purpose: accessPurpose.default('follow_up') }) },
      responses: { 200: jsonResponse(personOutput, 'The person'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getPerson(c.get('ctx'), c.req.valid('param').id, c.req.valid('query').purpose), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/people/{id}',
      tags,
      summary: "Change a person's details",
      request: { params: idParam, body: jsonBody(updatePersonInput) },
      responses: { 200: jsonResponse(personOutput, 'Changed'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await updatePerson(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/household',
      tags,
      summary: 'Add a partner or a child to the household',
      request: { params: idParam, body: jsonBody(householdMemberInput) },
      responses: { 201: jsonResponse(personOutput, 'Added'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await addHouseholdMember(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/people/{id}/household/{memberId}',
      tags,
      summary: 'Remove a member from the household',
      request: { params: idParam.extend({ memberId: z.uuid().openapi({ param: { name: 'memberId', in: 'path' } }) }) },
      responses: { 200: jsonResponse(personOutput, 'Removed'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, memberId } = c.req.valid('param');
      return c.json(await removeHouseholdMember(c.get('ctx'), id, memberId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/access-log',
      tags,
      summary: "Dates and purposes of every access to the person's record",
      request: { params: idParam },
      responses: { 200: jsonResponse(z.array(accessLogEntryOutput), 'Newest first'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getPersonAccessLog(c.get('ctx'), c.req.valid('param').id), 200),
  );

  registerTimelineRoutes(app);
}
