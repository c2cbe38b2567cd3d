import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import {
  aftercareAgreementInput,
  aftercareAgreementOutput,
  attendanceInput,
  contactPersonOutput,
  dueFollowUpOutput,
  followUpOutput,
  formerResidentOutput,
  formerResidentSearchInput,
  meetingSessionInput,
  meetingSessionOutput,
  meetingSessionSummaryOutput,
  personAftercareOutput,
  previousStaysOutput,
  recordFollowUpInput,
  returnsOutput,
  returnsQuery,
  updateAftercareAgreementInput,
} from './aftercare.schema.ts';
import {
  createAftercareAgreement,
  getPersonAftercare,
  listAftercareAgreements,
  listContactPersons,
  listDueFollowUps,
  recordFollowUp,
  updateAftercareAgreement,
} from './aftercare.service.ts';
import {
  addAttendance,
  createMeetingSession,
  getMeetingSession,
  listMeetingSessions,
  removeAttendance,
  searchFormerResidents,
} from './aftercare.meeting.service.ts';
import { countReturnsToHomelessness, getPreviousStays } from './aftercare.returns.service.ts';

const tags = ['aftercare'];

export function registerAftercareRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/aftercare/follow-ups',
      tags,
      summary: 'Follow-ups after moving out ("still housed?") that are overdue or due within two weeks',
      responses: { 200: jsonResponse(z.array(dueFollowUpOutput), 'Soonest first; closed records by name only'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listDueFollowUps(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/aftercare/follow-ups/{id}',
      tags,
      summary: 'Record a follow-up: when, still housed or not, notes (again to correct it)',
      request: { params: idParam, body: jsonBody(recordFollowUpInput) },
      responses: { 200: jsonResponse(followUpOutput, 'Recorded'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await recordFollowUp(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/aftercare/agreements',
      tags,
      summary: 'Aftercare agreements that have not ended, ending soonest first',
      responses: { 200: jsonResponse(z.array(aftercareAgreementOutput), 'Agreements'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listAftercareAgreements(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/aftercare/agreements',
      tags,
      summary: 'Make the follow-up agreement after moving in to the new home (former residents only)',
      request: { body: jsonBody(aftercareAgreementInput) },
      responses: { 201: jsonResponse(aftercareAgreementOutput, 'Made'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await createAftercareAgreement(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/aftercare/agreements/{id}',
      tags,
      summary: 'Change an aftercare agreement (period, contact frequency, contact person)',
      request: { params: idParam, body: jsonBody(updateAftercareAgreementInput) },
      responses: { 200: jsonResponse(aftercareAgreementOutput, 'Changed'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await updateAftercareAgreement(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/aftercare/contact-persons',
      tags,
      summary: 'Staff who can be the contact person of an aftercare agreement',
      responses: { 200: jsonResponse(z.array(contactPersonOutput), 'By name'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listContactPersons(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/aftercare/sessions',
      tags,
      summary: 'Sessions of the meeting place for former residents, newest first, with attendance counts',
      responses: { 200: jsonResponse(z.array(meetingSessionSummaryOutput), 'Sessions'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listMeetingSessions(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/aftercare/sessions',
      tags,
      summary: 'Open the attendance register of a day (one session a day)',
      request: { body: jsonBody(meetingSessionInput) },
      responses: { 201: jsonResponse(meetingSessionOutput, 'Opened'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => c.json(await createMeetingSession(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/aftercare/sessions/{id}',
      tags,
      summary: 'A session with its attendance register',
      request: { params: idParam },
      responses: { 200: jsonResponse(meetingSessionOutput, 'The session'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getMeetingSession(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/aftercare/sessions/{id}/attendance',
      tags,
      summary: 'Record that a former resident came',
      request: { params: idParam, body: jsonBody(attendanceInput) },
      responses: { 200: jsonResponse(meetingSessionOutput, 'The session'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await addAttendance(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').personId), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/aftercare/sessions/{id}/attendance/{personId}',
      tags,
      summary: 'Take a person off the register of a session',
      request: { params: idParam.extend({ personId: z.uuid().openapi({ param: { name: 'personId', in: 'path' } }) }) },
      responses: { 200: jsonResponse(meetingSessionOutput, 'The session'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, personId } = c.req.valid('param');
      return c.json(await removeAttendance(c.get('ctx'), id, personId), 200);
    },
  );

  // POST, not GET: names must never appear in a URL.
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/aftercare/former-residents/search',
      tags,
      summary: 'Find former residents (people who have moved out) by name',
      request: { body: jsonBody(formerResidentSearchInput) },
      responses: { 200: jsonResponse(z.array(formerResidentOutput), 'At most 30'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await searchFormerResidents(c.get('ctx'), c.req.valid('json').query), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/aftercare/returns',
      tags,
      summary: 'Households that moved out in a period and were referred again within 6 and 12 months (aggregates only)',
      request: { query: returnsQuery },
      responses: { 200: jsonResponse(returnsOutput, 'Counts'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await countReturnsToHomelessness(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/aftercare',
      tags,
      summary: "A person's aftercare: move-outs, agreements, follow-ups, meeting-place visits",
      request: { params: idParam },
      responses: { 200: jsonResponse(personAftercareOutput, 'The aftercare'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getPersonAftercare(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/previous-stays',
      tags,
      summary: 'A former resident referred again: earlier move-outs, and per referral whether it came within 6 and 12 months',
      request: { params: idParam },
      responses: { 200: jsonResponse(previousStaysOutput, 'Previous stays'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getPreviousStays(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
