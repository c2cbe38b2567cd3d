import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import {
  closeInput,
  followUpInput,
  followUpOptionsOutput,
  incidentFormOptionsOutput,
  incidentInput,
  incidentListQuery,
  incidentOutput,
  incidentSummaryOutput,
  linksInput,
  measureInput,
} from './incidents.schema.ts';
import { getIncident, getIncidentFormOptions, listIncidents, recordIncident } from './incidents.service.ts';
import { addIncidentMeasure, assignFollowUp, closeIncident, getFollowUpOptions, setIncidentLinks } from './incidents.follow-up.service.ts';

const tags = ['incidents'];

export function registerIncidentRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/incidents',
      tags,
      summary: 'Incidents (avvik) by status, type and period (Oslo days, both included), newest first; no names',
      request: { query: incidentListQuery },
      responses: { 200: jsonResponse(z.array(incidentSummaryOutput), 'At most 500'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await listIncidents(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/incidents',
      tags,
      summary: 'Record an incident; a high or critical one notifies the leads at once (inbox, e-mail)',
      request: { body: jsonBody(incidentInput) },
      responses: { 201: jsonResponse(z.object({ id: z.uuid() }), 'Recorded'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await recordIncident(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/incidents/form-options',
      tags,
      summary: 'Rooms, residents living in the house today, staff, leads and hazards for the incident form',
      responses: { 200: jsonResponse(incidentFormOptionsOutput, 'Options'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getIncidentFormOptions(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/incidents/follow-up-options',
      tags,
      summary: 'Leads who can follow up incidents, and the hazards to link (no residents)',
      responses: { 200: jsonResponse(followUpOptionsOutput, 'Options'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getFollowUpOptions(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/incidents/{id}',
      tags,
      summary: 'One incident in full (the read is logged for each resident named)',
      request: { params: idParam },
      responses: { 200: jsonResponse(incidentOutput, 'The incident'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getIncident(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/incidents/{id}/follow-up',
      tags,
      summary: 'Assign the follow-up to a lead with a due date',
      request: { params: idParam, body: jsonBody(followUpInput) },
      responses: { 200: jsonResponse(incidentOutput, 'Assigned'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await assignFollowUp(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/incidents/{id}/measures',
      tags,
      summary: 'Record a measure taken in the follow-up',
      request: { params: idParam, body: jsonBody(measureInput) },
      responses: { 200: jsonResponse(incidentOutput, 'Recorded'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await addIncidentMeasure(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/incidents/{id}/links',
      tags,
      summary: "Link to a resident's agreement (a breach) and to a hazard of the risk analysis; null removes",
      request: { params: idParam, body: jsonBody(linksInput) },
      responses: { 200: jsonResponse(incidentOutput, 'Linked'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await setIncidentLinks(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/incidents/{id}/close',
      tags,
      summary: 'Close the incident with a closing note',
      request: { params: idParam, body: jsonBody(closeInput) },
      responses: { 200: jsonResponse(incidentOutput, 'Closed'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await closeIncident(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
