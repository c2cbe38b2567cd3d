import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { peopleError } from '../people/people.errors.ts';
import { housingSearchError } from './housing-search.errors.ts';
import { canChangeApplicationStatus, isFinalApplicationStatus, osloInstant, type ApplicationStatus } from './housing-search.rules.ts';
import { seesResidents, visibleHelpKinds } from './housing-search.access.ts';
import { assertLandlord } from './housing-search.listings.service.ts';
import { toHelpOutput } from './housing-search.help.service.ts';
import * as q from './housing-search.queries.ts';
import { listHelpApplications } from './housing-search.help.queries.ts';
import type {
  HousingApplicationInput,
  HousingApplicationOutput,
  HousingNeedsInput,
  HousingNeedsOutput,
  HousingSearchOutput,
  ReferenceInput,
  ReferenceOutput,
  ViewingInput,
} from './housing-search.schema.ts';

// A resident's own housing search: what they need and can pay, the homes they applied for and the
// viewings, and the references the service gave. Reading it is a logged read of the person's record
// (purpose follow-up); every write is audited with field names, never values.

async function assertPerson(ctx: Ctx, tenantId: string, personId: string) {
  if (!(await q.personExists(ctx.db, tenantId, personId))) throw peopleError('person.not_found');
}

function toNeedsOutput(row: q.NeedsRow): HousingNeedsOutput {
  return { maxRentOre: row.maxRentOre, minRooms: row.minRooms, needsFurnished: row.needsFurnished, notes: row.notes, updatedAt: row.updatedAt.toISOString() };
}

async function applicationsWithViewings(ctx: Ctx, rows: q.ApplicationRow[]): Promise<HousingApplicationOutput[]> {
  const viewings = await q.listViewings(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    statusChangedAt: r.statusChangedAt.toISOString(),
    viewings: viewings
      .filter((v) => v.applicationId === r.id)
      .map((v) => ({ id: v.id, at: v.at.toISOString(), staffAccompanies: v.staffAccompanies, outcome: v.outcome })),
  }));
}

async function applicationOutput(ctx: Ctx, tenantId: string, id: string): Promise<HousingApplicationOutput> {
  const row = await q.findApplication(ctx.db, tenantId, id);
  return (await applicationsWithViewings(ctx, [row!]))[0]!;
}

/**
 * A resident's housing search. Staff and the service lead see all of it; the housing office sees only
 * the person's applications for municipal housing (the rest is left out in the query, not hidden in
 * the page). Either way the read is logged in the person's access log.
 */
export async function getHousingSearch(ctx: Ctx, personId: string): Promise<HousingSearchOutput> {
  const user = requirePermission(ctx, 'housing_search:read');
  return inTransaction(ctx, async (tx) => {
    await assertPerson(tx, user.tenantId, personId);
    await recordAccess(tx, personId, 'follow_up', 'housing_search.read');
    const help = (await listHelpApplications(tx.db, user.tenantId, { personId, visibleKinds: visibleHelpKinds(user) })).map(toHelpOutput);
    if (!seesResidents(user)) return { personId, complete: false, needs: null, applications: [], references: [], helpApplications: help };
    const needs = await q.findNeeds(tx.db, user.tenantId, personId);
    const applications = await applicationsWithViewings(tx, await q.listApplicationsOfPerson(tx.db, user.tenantId, personId));
    const references = await q.listReferencesOfPerson(tx.db, user.tenantId, personId);
    return { personId, complete: true, needs: needs ? toNeedsOutput(needs) : null, applications, references, helpApplications: help };
  });
}

/** Records what the resident can pay and needs, so listings that fit can be suggested. */
export async function saveHousingNeeds(ctx: Ctx, personId: string, input: HousingNeedsInput): Promise<HousingNeedsOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    await assertPerson(tx, user.tenantId, personId);
    const before = await q.findNeeds(tx.db, user.tenantId, personId);
    const values = { maxRentOre: input.maxRent ?? null, minRooms: input.minRooms ?? null, needsFurnished: input.needsFurnished, notes: input.notes ?? null };
    const changed = Object.entries(values)
      .filter(([k, v]) => !before || before[k as keyof typeof before] !== v)
      .map(([k]) => k);
    const row = await q.upsertNeeds(tx.db, { personId, tenantId: user.tenantId, ...values, updatedAt: tx.now });
    await recordEvent(tx, { action: 'housing_needs.update', entityType: 'housing_needs', entityId: personId, personId, purpose: 'follow_up', details: { changed } });
    return toNeedsOutput(row);
  });
}

/**
 * Registers an application the resident sent: from a listing (its landlord comes along), or directly
 * to a landlord or an address. A second open application for the same listing is refused, so a double
 * tap on "Registrer søknad" makes one application.
 */
export async function createHousingApplication(ctx: Ctx, personId: string, input: HousingApplicationInput): Promise<HousingApplicationOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    await assertPerson(tx, user.tenantId, personId);
    let landlordId = input.landlordId ?? null;
    if (input.listingId) {
      const listing = await q.findListing(tx.db, user.tenantId, input.listingId);
      if (!listing) throw housingSearchError('listing.not_found', { fields: { listingId: housingSearchError.definitions['listing.not_found'][tx.locale] } });
      landlordId ??= listing.landlordId;
      if (await q.findOpenApplicationForListing(tx.db, user.tenantId, personId, input.listingId)) throw housingSearchError('housing_application.duplicate');
    }
    await assertLandlord(tx, user.tenantId, input.landlordId);
    const id = await q.insertApplication(tx.db, {
      tenantId: user.tenantId,
      personId,
      listingId: input.listingId ?? null,
      landlordId,
      address: input.address ?? null,
      status: 'sent',
      sentOn: input.sentOn,
      statusChangedAt: tx.now,
      notes: input.notes ?? null,
      createdBy: user.id,
    });
    await recordEvent(tx, {
      action: 'housing_application.create',
      entityType: 'housing_application',
      entityId: id,
      personId,
      purpose: 'follow_up',
      details: { fromListing: Boolean(input.listingId), hasLandlord: Boolean(landlordId) },
    });
    return applicationOutput(tx, user.tenantId, id);
  });
}

async function moveStatus(ctx: Ctx, tenantId: string, app: { id: string; personId: string; status: ApplicationStatus }, to: ApplicationStatus, via?: string) {
  await q.setApplicationStatus(ctx.db, tenantId, app.id, to, ctx.now);
  await recordEvent(ctx, {
    action: 'housing_application.status',
    entityType: 'housing_application',
    entityId: app.id,
    personId: app.personId,
    purpose: 'follow_up',
    details: { from: app.status, to, ...(via ? { via } : {}) },
  });
}

/** Moves an application to its next status; only sensible steps are allowed, each audited. */
export async function changeApplicationStatus(ctx: Ctx, applicationId: string, status: ApplicationStatus): Promise<HousingApplicationOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    const app = await q.lockApplication(tx.db, user.tenantId, applicationId);
    if (!app) throw housingSearchError('housing_application.not_found');
    if (app.status === status) throw housingSearchError('housing_application.status_unchanged');
    if (!canChangeApplicationStatus(app.status, status)) {
      throw housingSearchError('housing_application.impossible_transition', { meta: { public: { from: app.status, to: status } } });
    }
    await moveStatus(tx, user.tenantId, app, status);
    return applicationOutput(tx, user.tenantId, applicationId);
  });
}

/**
 * Registers a viewing (date and time in Oslo, whether staff go along). A sent application moves to
 * "viewing booked"; a viewing registered with its outcome already moves it on to "viewed".
 */
export async function addViewing(ctx: Ctx, applicationId: string, input: ViewingInput): Promise<HousingApplicationOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    const app = await q.lockApplication(tx.db, user.tenantId, applicationId);
    if (!app) throw housingSearchError('housing_application.not_found');
    if (isFinalApplicationStatus(app.status)) throw housingSearchError('housing_application.closed');
    const viewing = await q.insertViewing(tx.db, {
      tenantId: user.tenantId,
      applicationId,
      at: osloInstant(input.date, input.time.replace('.', ':')),
      staffAccompanies: input.staffAccompanies,
      outcome: input.outcome ?? null,
    });
    await recordEvent(tx, {
      action: 'viewing.create',
      entityType: 'viewing',
      entityId: viewing.id,
      personId: app.personId,
      purpose: 'follow_up',
      details: { applicationId, staffAccompanies: input.staffAccompanies, hasOutcome: Boolean(input.outcome) },
    });
    const to: ApplicationStatus | null = input.outcome
      ? app.status === 'sent' || app.status === 'viewing_booked'
        ? 'viewed'
        : null
      : app.status === 'sent' || app.status === 'viewed'
        ? 'viewing_booked'
        : null;
    if (to) await moveStatus(tx, user.tenantId, app, to, 'viewing');
    return applicationOutput(tx, user.tenantId, applicationId);
  });
}

/** Records how a viewing went; an application waiting for that viewing moves to "viewed". */
export async function recordViewingOutcome(ctx: Ctx, viewingId: string, outcome: string): Promise<HousingApplicationOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    const viewing = await q.findViewing(tx.db, user.tenantId, viewingId);
    if (!viewing) throw housingSearchError('viewing.not_found');
    const app = (await q.lockApplication(tx.db, user.tenantId, viewing.applicationId))!;
    await q.setViewingOutcome(tx.db, viewingId, outcome);
    await recordEvent(tx, {
      action: 'viewing.outcome',
      entityType: 'viewing',
      entityId: viewingId,
      personId: app.personId,
      purpose: 'follow_up',
      details: { applicationId: app.id },
    });
    if (app.status === 'viewing_booked') await moveStatus(tx, user.tenantId, app, 'viewed', 'viewing');
    return applicationOutput(tx, user.tenantId, app.id);
  });
}

/** Records a reference the service gave a landlord about the resident (by the user, on a date). */
export async function addReference(ctx: Ctx, personId: string, input: ReferenceInput): Promise<ReferenceOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    await assertPerson(tx, user.tenantId, personId);
    let landlordId = input.landlordId ?? null;
    if (input.applicationId) {
      const app = await q.findApplication(tx.db, user.tenantId, input.applicationId);
      if (!app || app.personId !== personId) {
        throw housingSearchError('housing_application.not_found', {
          fields: { applicationId: housingSearchError.definitions['housing_application.not_found'][tx.locale] },
        });
      }
      landlordId ??= app.landlordId;
    }
    await assertLandlord(tx, user.tenantId, input.landlordId);
    const id = await q.insertReference(tx.db, {
      tenantId: user.tenantId,
      personId,
      landlordId,
      applicationId: input.applicationId ?? null,
      givenOn: input.givenOn,
      givenBy: user.id,
      notes: input.notes ?? null,
    });
    await recordEvent(tx, {
      action: 'reference.create',
      entityType: 'reference',
      entityId: id,
      personId,
      purpose: 'follow_up',
      details: { hasLandlord: Boolean(landlordId), hasApplication: Boolean(input.applicationId) },
    });
    return (await q.listReferencesOfPerson(tx.db, user.tenantId, personId)).find((r) => r.id === id)!;
  });
}
