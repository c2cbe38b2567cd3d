import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { platformError } from '../../platform/http/errors.ts';
import { recordAccess, recordEvent, recordListAccess } from '../../platform/audit/audit.service.ts';
import { housingSearchError } from './housing-search.errors.ts';
import { fitsNeeds, laterDate } from './housing-search.rules.ts';
import { isoToday, seesResidents } from './housing-search.access.ts';
import * as q from './housing-search.queries.ts';
import type {
  LandlordHistoryOutput,
  LandlordInput,
  LandlordOutput,
  ListingInput,
  ListingOutput,
  ListListingsQuery,
  SuggestionOutput,
} from './housing-search.schema.ts';
import { applicationStatusOrder } from './housing-search.rules.ts';

// Listings staff found, the landlords the service works with, and which residents a listing fits.
// Listings and landlords are not personal records of residents; anything that names a resident is
// logged as a read of that person's record.

export function toListingOutput(row: q.ListingRow): ListingOutput {
  return {
    id: row.id,
    source: row.source,
    url: row.url,
    address: row.address,
    rentOre: row.rentOre,
    depositOre: row.depositOre,
    sizeM2: row.sizeM2,
    rooms: row.rooms,
    furnished: row.furnished,
    availableFrom: row.availableFromOn,
    landlordId: row.landlordId,
    landlordName: row.landlordName,
    landlordContact: row.landlordContact,
    notes: row.notes,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
  };
}

function listingValues(input: ListingInput) {
  return {
    source: input.source,
    url: input.url ?? null,
    address: input.address,
    rentOre: input.rent,
    depositOre: input.deposit ?? null,
    sizeM2: input.sizeM2 ?? null,
    rooms: input.rooms ?? null,
    furnished: input.furnished ?? null,
    availableFromOn: input.availableFrom ?? null,
    landlordId: input.landlordId ?? null,
    landlordContact: input.landlordContact ?? null,
    notes: input.notes ?? null,
    isActive: input.isActive,
  };
}

/** A landlord named in input must be one of the tenant's; the field says which one is wrong. */
export async function assertLandlord(ctx: Ctx, tenantId: string, landlordId: string | undefined | null, field = 'landlordId') {
  if (!landlordId) return;
  if (!(await q.findLandlord(ctx.db, tenantId, landlordId))) {
    throw housingSearchError('landlord.not_found', { fields: { [field]: housingSearchError.definitions['landlord.not_found'][ctx.locale] } });
  }
}

/** Registers a listing: a pasted link and the key fields. The link is stored, never fetched. */
export async function createListing(ctx: Ctx, input: ListingInput): Promise<ListingOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    await assertLandlord(tx, user.tenantId, input.landlordId);
    const id = await q.insertListing(tx.db, { tenantId: user.tenantId, ...listingValues(input), createdAt: tx.now, createdBy: user.id });
    await recordEvent(tx, {
      action: 'listing.create',
      entityType: 'listing',
      entityId: id,
      details: { source: input.source, hasLink: Boolean(input.url), hasLandlord: Boolean(input.landlordId) },
    });
    return toListingOutput((await q.findListing(tx.db, user.tenantId, id))!);
  });
}

/** Changes a listing; the audit row names the fields that changed. */
export async function updateListing(ctx: Ctx, listingId: string, input: ListingInput): Promise<ListingOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    const before = await q.findListing(tx.db, user.tenantId, listingId);
    if (!before) throw housingSearchError('listing.not_found');
    await assertLandlord(tx, user.tenantId, input.landlordId);
    const values = listingValues(input);
    const changed = Object.entries(values)
      .filter(([k, v]) => before[k as keyof typeof before] !== v)
      .map(([k]) => k);
    await q.updateListing(tx.db, user.tenantId, listingId, values);
    await recordEvent(tx, { action: 'listing.update', entityType: 'listing', entityId: listingId, details: { changed } });
    return toListingOutput((await q.findListing(tx.db, user.tenantId, listingId))!);
  });
}

/** Marks a listing as no longer available (or available again). */
export async function setListingActive(ctx: Ctx, listingId: string, isActive: boolean): Promise<ListingOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    const before = await q.findListing(tx.db, user.tenantId, listingId);
    if (!before) throw housingSearchError('listing.not_found');
    if (before.isActive !== isActive) {
      await q.updateListing(tx.db, user.tenantId, listingId, { isActive });
      await recordEvent(tx, { action: isActive ? 'listing.activate' : 'listing.deactivate', entityType: 'listing', entityId: listingId });
    }
    return toListingOutput((await q.findListing(tx.db, user.tenantId, listingId))!);
  });
}

/** Listings, newest first, filtered by active, highest rent, rooms and furnished. */
export async function listListings(ctx: Ctx, query: ListListingsQuery): Promise<ListingOutput[]> {
  const user = requirePermission(ctx, 'housing_search:read');
  const rows = await q.listListings(ctx.db, user.tenantId, {
    active: query.active === 'all' ? undefined : query.active === 'active',
    maxRentOre: query.maxRent,
    minRooms: query.minRooms,
    furnished: query.furnished === undefined ? undefined : query.furnished === 'yes',
  });
  return rows.map(toListingOutput);
}

export async function getListing(ctx: Ctx, listingId: string): Promise<ListingOutput> {
  const user = requirePermission(ctx, 'housing_search:read');
  const row = await q.findListing(ctx.db, user.tenantId, listingId);
  if (!row) throw housingSearchError('listing.not_found');
  return toListingOutput(row);
}

/**
 * The current residents (open stays in the tenant, partners included) whose recorded budget and needs
 * fit the listing, available by the later of today and the planned end of their stay — the date they
 * need a home by. Each suggestion is a read of that resident's record and is logged as one.
 */
export async function getListingSuggestions(ctx: Ctx, listingId: string): Promise<SuggestionOutput[]> {
  const user = requirePermission(ctx, 'housing_search:read');
  // Suggestions name residents: only for roles that may read people's records.
  if (!seesResidents(user)) throw platformError('auth.forbidden', { meta: { permission: 'person:read' } });
  return inTransaction(ctx, async (tx) => {
    const listing = await q.findListing(tx.db, user.tenantId, listingId);
    if (!listing) throw housingSearchError('listing.not_found');
    const today = isoToday(tx.now);
    const residents = await q.listCurrentResidents(tx.db, user.tenantId, today);
    const needs = new Map((await q.listNamesAndNeeds(tx.db, user.tenantId, residents.map((r) => r.personId))).map((n) => [n.personId, n]));
    const fitting = residents.filter((r) => {
      const n = needs.get(r.personId);
      return n?.hasNeeds && fitsNeeds(listing, n, laterDate(today, r.plannedEndOn));
    });
    const applications = new Map(
      (await q.listApplicationsForListing(tx.db, user.tenantId, listingId, fitting.map((r) => r.personId))).map((a) => [a.personId, a]),
    );
    const out: SuggestionOutput[] = [];
    for (const r of fitting) {
      const n = needs.get(r.personId)!;
      await recordAccess(tx, r.personId, 'follow_up', 'housing_search.suggestion');
      const application = applications.get(r.personId);
      out.push({
        personId: r.personId,
        name: n.name,
        roomName: r.roomName,
        plannedEndOn: r.plannedEndOn,
        maxRentOre: n.maxRentOre!,
        minRooms: n.minRooms,
        needsFurnished: n.needsFurnished,
        application: application ? { id: application.id, status: application.status } : null,
      });
    }
    return out;
  });
}

// ---- landlords ----------------------------------------------------------------------------------

type LandlordCountsRow = Awaited<ReturnType<typeof q.listLandlordsWithCounts>>[number];
const toLandlordOutput = (row: LandlordCountsRow): LandlordOutput => ({ ...row, createdAt: row.createdAt.toISOString() });

function landlordValues(input: LandlordInput) {
  return { name: input.name, phone: input.phone ?? null, email: input.email ?? null, notes: input.notes ?? null };
}

export async function createLandlord(ctx: Ctx, input: LandlordInput): Promise<LandlordOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    const row = await q.insertLandlord(tx.db, { tenantId: user.tenantId, ...landlordValues(input), createdAt: tx.now });
    await recordEvent(tx, { action: 'landlord.create', entityType: 'landlord', entityId: row.id });
    return toLandlordOutput((await q.listLandlordsWithCounts(tx.db, user.tenantId, row.id))[0]!);
  });
}

export async function updateLandlord(ctx: Ctx, landlordId: string, input: LandlordInput): Promise<LandlordOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    const before = await q.findLandlord(tx.db, user.tenantId, landlordId);
    if (!before) throw housingSearchError('landlord.not_found');
    const values = landlordValues(input);
    const changed = Object.entries(values)
      .filter(([k, v]) => before[k as keyof typeof before] !== v)
      .map(([k]) => k);
    await q.updateLandlord(tx.db, user.tenantId, landlordId, values);
    await recordEvent(tx, { action: 'landlord.update', entityType: 'landlord', entityId: landlordId, details: { changed } });
    return toLandlordOutput((await q.listLandlordsWithCounts(tx.db, user.tenantId, landlordId))[0]!);
  });
}

export async function listLandlords(ctx: Ctx): Promise<LandlordOutput[]> {
  const user = requirePermission(ctx, 'housing_search:read');
  return (await q.listLandlordsWithCounts(ctx.db, user.tenantId)).map(toLandlordOutput);
}

/**
 * A landlord with their listings and history: the applications that name them (directly or through a
 * listing) and the references given to them, with counts by outcome. The housing office gets the
 * counts without residents' names; for the others each resident named is a logged read.
 */
export async function getLandlordHistory(ctx: Ctx, landlordId: string): Promise<LandlordHistoryOutput> {
  const user = requirePermission(ctx, 'housing_search:read');
  return inTransaction(ctx, async (tx) => {
    const [landlord] = await q.listLandlordsWithCounts(tx.db, user.tenantId, landlordId);
    if (!landlord) throw housingSearchError('landlord.not_found');
    const applications = await q.listLandlordApplications(tx.db, user.tenantId, landlordId);
    const references = await q.listLandlordReferences(tx.db, user.tenantId, landlordId);
    const listings = await q.listListings(tx.db, user.tenantId, { landlordId });
    const countsByStatus = Object.fromEntries(applicationStatusOrder.map((s) => [s, applications.filter((a) => a.status === s).length])) as Record<
      (typeof applicationStatusOrder)[number],
      number
    >;
    const showsResidents = seesResidents(user);
    // Former residents whose record has closed stay in the history by name only (and in the counts).
    const closed = showsResidents
      ? await recordListAccess(tx, [...applications, ...references].map((r) => r.personId), 'follow_up', 'housing_search.landlord_history')
      : new Set<string>();
    return {
      landlord: toLandlordOutput(landlord),
      listings: listings.map(toListingOutput),
      applications: showsResidents
        ? applications.map((a) =>
            closed.has(a.personId)
              ? { id: a.id, personId: a.personId, personName: a.personName, recordClosed: true, address: null, status: null, sentOn: null, statusChangedAt: null }
              : { ...a, recordClosed: false, statusChangedAt: a.statusChangedAt.toISOString() },
          )
        : [],
      references: showsResidents
        ? references.map((r) =>
            closed.has(r.personId)
              ? { id: r.id, personId: r.personId, personName: r.personName, recordClosed: true, givenOn: null, givenByName: null, notes: null }
              : { ...r, recordClosed: false },
          )
        : [],
      countsByStatus,
      referencesCount: references.length,
      showsResidents,
    };
  });
}
