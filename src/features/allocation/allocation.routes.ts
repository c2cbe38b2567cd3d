import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import {
  complaintEventInput,
  complaintInput,
  complaintOutput,
  decisionInput,
  decisionOutput,
  declineOfferInput,
  offerOutput,
  referralDecisionsOutput,
  removeWaitingListInput,
  updateWaitingListInput,
  waitingListEventOutput,
  waitingListItemOutput,
} from './allocation.schema.ts';
import { decide, getReferralDecisions } from './allocation.decisions.service.ts';
import { acceptOffer, declineOffer } from './allocation.offers.service.ts';
import { getWaitingListEvents, listWaitingList, removeFromWaitingList, updateWaitingListEntry } from './allocation.waiting-list.service.ts';
import { addComplaintStep, registerComplaint } from './allocation.complaints.service.ts';
import { getDecisionLetter } from './allocation.letter.service.ts';

const tags = ['allocation'];
const entryParam = z.object({ entryId: z.uuid().openapi({ param: { name: 'entryId', in: 'path' } }) });

export function registerAllocationRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/referrals/{id}/decisions',
      tags,
      summary: 'Decide a screened referral: offer a place, put on the waiting list, or refuse (always with reasons)',
      request: { params: idParam, body: jsonBody(decisionInput) },
      responses: { 201: jsonResponse(decisionOutput, 'The decision, with its offer'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await decide(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/referrals/{id}/decisions',
      tags,
      summary: "A referral's latest screening, waiting-list place and decisions with offers and complaints (a logged read)",
      request: { params: idParam },
      responses: { 200: jsonResponse(referralDecisionsOutput, 'Decisions newest first'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getReferralDecisions(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/decisions/{id}/letter.pdf',
      tags,
      summary: 'The decision letter in Norwegian as a PDF (a logged read)',
      request: { params: idParam },
      responses: {
        200: {
          description: 'The letter; the file name carries no personal data',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { filename, pdf } = await getDecisionLetter(c.get('ctx'), c.req.valid('param').id);
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${filename}"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/offers/{id}/accept',
      tags,
      summary: 'Record that the household accepts the offered place',
      request: { params: idParam },
      responses: { 200: jsonResponse(offerOutput, 'Accepted'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await acceptOffer(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/offers/{id}/decline',
      tags,
      summary: 'Record that the household declines the offered place, with their reason',
      request: { params: idParam, body: jsonBody(declineOfferInput) },
      responses: { 200: jsonResponse(offerOutput, 'Declined'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await declineOffer(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/waiting-list',
      tags,
      summary: 'The waiting list: most urgent first, then longest waiting (each person shown is a logged read)',
      responses: { 200: jsonResponse(z.array(waitingListItemOutput), 'In order, with positions from 1'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listWaitingList(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/waiting-list/{entryId}',
      tags,
      summary: "Change an entry's urgency or visible reason",
      request: { params: entryParam, body: jsonBody(updateWaitingListInput) },
      responses: { 200: jsonResponse(waitingListItemOutput, 'The entry in its new position'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await updateWaitingListEntry(c.get('ctx'), c.req.valid('param').entryId, c.req.valid('json')), 200),
  );

  // The reason goes in the body, not the query: free text may say something about the person.
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/waiting-list/{entryId}',
      tags,
      summary: 'Take a household off the waiting list, with a reason',
      request: { params: entryParam, body: jsonBody(removeWaitingListInput) },
      responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      await removeFromWaitingList(c.get('ctx'), c.req.valid('param').entryId, c.req.valid('json'));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/waiting-list/{entryId}/events',
      tags,
      summary: "An entry's log: added, urgency and reason changes, offered or removed",
      request: { params: entryParam },
      responses: { 200: jsonResponse(z.array(waitingListEventOutput), 'Oldest first'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getWaitingListEvents(c.get('ctx'), c.req.valid('param').entryId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/decisions/{id}/complaints',
      tags,
      summary: 'Register a complaint against a decision (marked when received more than three weeks after it)',
      request: { params: idParam, body: jsonBody(complaintInput) },
      responses: { 201: jsonResponse(complaintOutput, 'Registered'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await registerComplaint(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/complaints/{id}/events',
      tags,
      summary: 'Move a complaint one step: re-assessed, sent to Statsforvalteren, upheld, overturned or withdrawn',
      request: { params: idParam, body: jsonBody(complaintEventInput) },
      responses: { 200: jsonResponse(complaintOutput, 'The complaint with its steps'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await addComplaintStep(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
