import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import {
  applicationStatusInput,
  helpApplicationInput,
  helpApplicationOutput,
  housingApplicationInput,
  housingApplicationOutput,
  housingNeedsInput,
  housingNeedsOutput,
  housingSearchOutput,
  landlordHistoryOutput,
  landlordInput,
  landlordOutput,
  listHelpApplicationsQuery,
  listingActiveInput,
  listingInput,
  listingOutput,
  listListingsQuery,
  referenceInput,
  referenceOutput,
  suggestionOutput,
  updateHelpApplicationInput,
  viewingInput,
  viewingOutcomeInput,
} from './housing-search.schema.ts';
import {
  createLandlord,
  createListing,
  getLandlordHistory,
  getListing,
  getListingSuggestions,
  listLandlords,
  listListings,
  setListingActive,
  updateLandlord,
  updateListing,
} from './housing-search.listings.service.ts';
import {
  addReference,
  addViewing,
  changeApplicationStatus,
  createHousingApplication,
  getHousingSearch,
  recordViewingOutcome,
  saveHousingNeeds,
} from './housing-search.residents.service.ts';
import { createHelpApplication, listHelpApplications, updateHelpApplication } from './housing-search.help.service.ts';

const tags = ['housing-search'];

/** Housing search (boligsøk): listings, landlords, residents' applications, viewings, references, applications for help. */
export function registerHousingSearchRoutes(app: App) {
  // ---- listings ----
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/listings',
      tags,
      summary: 'Listings, newest first; filter by active, highest rent (kroner), rooms and furnished',
      request: { query: listListingsQuery },
      responses: { 200: jsonResponse(z.array(listingOutput), 'Newest first'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await listListings(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/listings',
      tags,
      summary: 'Register a listing: a pasted link plus the key fields (the link is never fetched)',
      request: { body: jsonBody(listingInput) },
      responses: { 201: jsonResponse(listingOutput, 'Registered'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await createListing(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/listings/{id}',
      tags,
      summary: 'A listing',
      request: { params: idParam },
      responses: { 200: jsonResponse(listingOutput, 'The listing'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getListing(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/listings/{id}',
      tags,
      summary: 'Change a listing',
      request: { params: idParam, body: jsonBody(listingInput) },
      responses: { 200: jsonResponse(listingOutput, 'Changed'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await updateListing(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/listings/{id}/active',
      tags,
      summary: 'Mark a listing as no longer available, or available again',
      request: { params: idParam, body: jsonBody(listingActiveInput) },
      responses: { 200: jsonResponse(listingOutput, 'Changed'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await setListingActive(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').isActive), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/listings/{id}/suggestions',
      tags,
      summary: 'Current residents whose budget and needs fit the listing (each logged as a read)',
      request: { params: idParam },
      responses: { 200: jsonResponse(z.array(suggestionOutput), 'By room'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getListingSuggestions(c.get('ctx'), c.req.valid('param').id), 200),
  );

  // ---- landlords ----
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/landlords',
      tags,
      summary: 'Landlords the service works with, by name, with counts',
      responses: { 200: jsonResponse(z.array(landlordOutput), 'By name'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listLandlords(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/landlords',
      tags,
      summary: 'Register a landlord',
      request: { body: jsonBody(landlordInput) },
      responses: { 201: jsonResponse(landlordOutput, 'Registered'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await createLandlord(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/landlords/{id}',
      tags,
      summary: "A landlord's listings and history: applications and references naming them, counts by outcome",
      request: { params: idParam },
      responses: { 200: jsonResponse(landlordHistoryOutput, 'The landlord'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getLandlordHistory(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/landlords/{id}',
      tags,
      summary: 'Change a landlord',
      request: { params: idParam, body: jsonBody(landlordInput) },
      responses: { 200: jsonResponse(landlordOutput, 'Changed'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await updateLandlord(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  // ---- per resident ----
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/housing-search',
      tags,
      summary: "A resident's housing search (logged as a read); the housing office gets municipal-housing applications only",
      request: { params: idParam },
      responses: { 200: jsonResponse(housingSearchOutput, 'The housing search'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getHousingSearch(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/people/{id}/housing-needs',
      tags,
      summary: 'Record what the resident can pay and needs',
      request: { params: idParam, body: jsonBody(housingNeedsInput) },
      responses: { 200: jsonResponse(housingNeedsOutput, 'Saved'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await saveHousingNeeds(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/housing-applications',
      tags,
      summary: 'Register an application the resident sent (from a listing, or to a landlord or address)',
      request: { params: idParam, body: jsonBody(housingApplicationInput) },
      responses: { 201: jsonResponse(housingApplicationOutput, 'Registered as sent'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await createHousingApplication(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/housing-applications/{id}/status',
      tags,
      summary: 'Move an application to its next status (sent → viewing booked → viewed → offered → signed, or refused/withdrawn)',
      request: { params: idParam, body: jsonBody(applicationStatusInput) },
      responses: { 200: jsonResponse(housingApplicationOutput, 'Changed'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await changeApplicationStatus(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').status), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/housing-applications/{id}/viewings',
      tags,
      summary: 'Register a viewing (date and time in Oslo, staff along or not)',
      request: { params: idParam, body: jsonBody(viewingInput) },
      responses: { 201: jsonResponse(housingApplicationOutput, 'The application with its viewings'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await addViewing(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/viewings/{id}/outcome',
      tags,
      summary: 'Record how a viewing went',
      request: { params: idParam, body: jsonBody(viewingOutcomeInput) },
      responses: { 200: jsonResponse(housingApplicationOutput, 'The application with its viewings'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await recordViewingOutcome(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').outcome), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/references',
      tags,
      summary: 'Record a reference given to a landlord about the resident',
      request: { params: idParam, body: jsonBody(referenceInput) },
      responses: { 201: jsonResponse(referenceOutput, 'Recorded'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await addReference(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  // ---- applications for help ----
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/help-applications',
      tags,
      summary: 'Applications for help across residents (the housing office: municipal housing only); each person named is a logged read',
      request: { query: listHelpApplicationsQuery },
      responses: { 200: jsonResponse(z.array(helpApplicationOutput), 'Newest first'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await listHelpApplications(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/help-applications',
      tags,
      summary: 'Register an application for help (municipal housing, NAV, Husbanken)',
      request: { params: idParam, body: jsonBody(helpApplicationInput) },
      responses: { 201: jsonResponse(helpApplicationOutput, 'Registered'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await createHelpApplication(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/help-applications/{id}',
      tags,
      summary: 'Change the status, dates, amount or notes of an application for help',
      request: { params: idParam, body: jsonBody(updateHelpApplicationInput) },
      responses: { 200: jsonResponse(helpApplicationOutput, 'Changed'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await updateHelpApplication(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
