import { and, asc, desc, eq, gte, inArray, isNull, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { reusableQuery, type Placeholders, anyOfIds } from '../../platform/db/reusable-query.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { housingApplications, housingNeeds, landlords, listings, referencesGiven, viewings } from './housing-search.tables.ts';

// SQL of the housing search. People, stays and rooms are read here (names, current residents) and
// written only by their own services.

export const personName = sql<string>`${people.givenName} || ' ' || ${people.familyName}`;

// ---- landlords ----------------------------------------------------------------------------------

export type LandlordRow = typeof landlords.$inferSelect;

export async function insertLandlord(db: Db, row: typeof landlords.$inferInsert): Promise<LandlordRow> {
  const [created] = await db.insert(landlords).values(row).returning();
  return created!;
}

export async function updateLandlord(db: Db, tenantId: string, id: string, values: Partial<typeof landlords.$inferInsert>) {
  const [row] = await db
    .update(landlords)
    .set(values)
    .where(and(eq(landlords.tenantId, tenantId), eq(landlords.id, id)))
    .returning();
  return row;
}

export async function findLandlord(db: Db, tenantId: string, id: string): Promise<LandlordRow | undefined> {
  const [row] = await db.select().from(landlords).where(and(eq(landlords.tenantId, tenantId), eq(landlords.id, id)));
  return row;
}

// The landlord an application names: its own, or the landlord of the listing it was made from.
const applicationLandlordId = sql<string | null>`coalesce(${housingApplications.landlordId}, ${listings.landlordId})`;

/** The tenant's landlords by name, with their active listings, applications and signed leases counted. */
export async function listLandlordsWithCounts(db: Db, tenantId: string, landlordId?: string) {
  // Plain SQL with aliases: in a one-table select Drizzle leaves column names unqualified, which a
  // correlated subquery would read as its own columns.
  const activeListings = sql<number>`(select count(*)::int from listings l where l.landlord_id = "landlords"."id" and l.is_active)`;
  const applicationCount = (extra: SQL) =>
    sql<number>`(select count(*)::int from housing_applications a left join listings l on l.id = a.listing_id
      where a.tenant_id = "landlords"."tenant_id" and coalesce(a.landlord_id, l.landlord_id) = "landlords"."id" ${extra})`;
  return db
    .select({
      id: landlords.id,
      name: landlords.name,
      phone: landlords.phone,
      email: landlords.email,
      notes: landlords.notes,
      createdAt: landlords.createdAt,
      activeListings,
      applications: applicationCount(sql``),
      signed: applicationCount(sql`and a.status = 'signed'`),
    })
    .from(landlords)
    .where(and(eq(landlords.tenantId, tenantId), landlordId ? eq(landlords.id, landlordId) : undefined))
    .orderBy(asc(landlords.name));
}

/** Applications that name the landlord (directly or through the listing), newest first, with the resident's name. */
export async function listLandlordApplications(db: Db, tenantId: string, landlordId: string) {
  return db
    .select({
      id: housingApplications.id,
      personId: housingApplications.personId,
      personName,
      address: sql<string | null>`coalesce(${housingApplications.address}, ${listings.address})`,
      status: housingApplications.status,
      sentOn: housingApplications.sentOn,
      statusChangedAt: housingApplications.statusChangedAt,
    })
    .from(housingApplications)
    .innerJoin(people, eq(people.id, housingApplications.personId))
    .leftJoin(listings, eq(listings.id, housingApplications.listingId))
    .where(and(eq(housingApplications.tenantId, tenantId), sql`${applicationLandlordId} = ${landlordId}`))
    .orderBy(desc(housingApplications.sentOn), desc(housingApplications.statusChangedAt));
}

/** References given to the landlord, newest first. */
export async function listLandlordReferences(db: Db, tenantId: string, landlordId: string) {
  return db
    .select({
      id: referencesGiven.id,
      personId: referencesGiven.personId,
      personName,
      givenOn: referencesGiven.givenOn,
      givenByName: users.displayName,
      notes: referencesGiven.notes,
    })
    .from(referencesGiven)
    .innerJoin(people, eq(people.id, referencesGiven.personId))
    .leftJoin(users, eq(users.id, referencesGiven.givenBy))
    .where(and(eq(referencesGiven.tenantId, tenantId), eq(referencesGiven.landlordId, landlordId)))
    .orderBy(desc(referencesGiven.givenOn));
}

// ---- listings -----------------------------------------------------------------------------------

const listingColumns = {
  id: listings.id,
  source: listings.source,
  url: listings.url,
  address: listings.address,
  rentOre: listings.rentOre,
  depositOre: listings.depositOre,
  sizeM2: listings.sizeM2,
  rooms: listings.rooms,
  furnished: listings.furnished,
  availableFromOn: listings.availableFromOn,
  landlordId: listings.landlordId,
  landlordName: landlords.name,
  landlordContact: listings.landlordContact,
  notes: listings.notes,
  isActive: listings.isActive,
  createdAt: listings.createdAt,
};
export type ListingRow = Awaited<ReturnType<typeof findListing>> & {};

export async function insertListing(db: Db, row: typeof listings.$inferInsert) {
  const [created] = await db.insert(listings).values(row).returning({ id: listings.id });
  return created!.id;
}

export async function updateListing(db: Db, tenantId: string, id: string, values: Partial<typeof listings.$inferInsert>) {
  const [row] = await db
    .update(listings)
    .set(values)
    .where(and(eq(listings.tenantId, tenantId), eq(listings.id, id)))
    .returning({ id: listings.id });
  return row?.id;
}

export async function findListing(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select(listingColumns)
    .from(listings)
    .leftJoin(landlords, eq(landlords.id, listings.landlordId))
    .where(and(eq(listings.tenantId, tenantId), eq(listings.id, id)));
  return row;
}

export interface ListingFilter {
  active?: boolean;
  maxRentOre?: number;
  minRooms?: number;
  furnished?: boolean;
  landlordId?: string;
}

/** Listings, newest first. A listing that does not say how many rooms it has passes only "1 room or more". */
export async function listListings(db: Db, tenantId: string, filter: ListingFilter) {
  return db
    .select(listingColumns)
    .from(listings)
    .leftJoin(landlords, eq(landlords.id, listings.landlordId))
    .where(
      and(
        eq(listings.tenantId, tenantId),
        filter.active === undefined ? undefined : eq(listings.isActive, filter.active),
        filter.maxRentOre === undefined ? undefined : lte(listings.rentOre, filter.maxRentOre),
        filter.minRooms === undefined || filter.minRooms <= 1 ? undefined : gte(listings.rooms, filter.minRooms),
        filter.furnished === undefined ? undefined : eq(listings.furnished, filter.furnished),
        filter.landlordId === undefined ? undefined : eq(listings.landlordId, filter.landlordId),
      ),
    )
    .orderBy(desc(listings.createdAt), asc(listings.address))
    .limit(500);
}

// ---- per resident -------------------------------------------------------------------------------

/** Built once (reusable-query.ts): every read of a resident's housing search checks the person first. */
const personIdOf = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, p.tenantId), eq(people.id, p.personId))),
);

export async function personExists(db: Db, tenantId: string, personId: string): Promise<boolean> {
  const [row] = await personIdOf(db, { tenantId, personId });
  return row !== undefined;
}

export type NeedsRow = typeof housingNeeds.$inferSelect;

/** Built once (reusable-query.ts): the resident's recorded housing needs. */
const needsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select()
    .from(housingNeeds)
    .where(and(eq(housingNeeds.tenantId, p.tenantId), eq(housingNeeds.personId, p.personId))),
);

export async function findNeeds(db: Db, tenantId: string, personId: string): Promise<NeedsRow | undefined> {
  const [row] = await needsOfPerson(db, { tenantId, personId });
  return row;
}

export async function upsertNeeds(db: Db, row: typeof housingNeeds.$inferInsert): Promise<NeedsRow> {
  const { personId: _personId, tenantId: _tenantId, ...values } = row;
  const [saved] = await db.insert(housingNeeds).values(row).onConflictDoUpdate({ target: housingNeeds.personId, set: values }).returning();
  return saved!;
}

const applicationColumns = {
  id: housingApplications.id,
  personId: housingApplications.personId,
  listingId: housingApplications.listingId,
  landlordId: applicationLandlordId,
  landlordName: landlords.name,
  address: sql<string | null>`coalesce(${housingApplications.address}, ${listings.address})`,
  status: housingApplications.status,
  sentOn: housingApplications.sentOn,
  statusChangedAt: housingApplications.statusChangedAt,
  notes: housingApplications.notes,
};

export async function insertApplication(db: Db, row: typeof housingApplications.$inferInsert) {
  const [created] = await db.insert(housingApplications).values(row).returning({ id: housingApplications.id });
  return created!.id;
}

function applicationsQuery(db: Db) {
  return db
    .select(applicationColumns)
    .from(housingApplications)
    .leftJoin(listings, eq(listings.id, housingApplications.listingId))
    .leftJoin(landlords, sql`${landlords.id} = ${applicationLandlordId}`);
}

export async function findApplication(db: Db, tenantId: string, id: string) {
  const [row] = await applicationsQuery(db).where(and(eq(housingApplications.tenantId, tenantId), eq(housingApplications.id, id)));
  return row;
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

/** Holds the application row until the transaction ends, so two status changes queue up. */
export async function lockApplication(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: housingApplications.id, personId: housingApplications.personId, status: housingApplications.status })
    .from(housingApplications)
    .where(and(eq(housingApplications.tenantId, tenantId), eq(housingApplications.id, id)))
    .for('update');
  return row;
}

/** Built once (reusable-query.ts): the resident's applications, newest first. */
const applicationsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  applicationsQuery(db)
    .where(and(eq(housingApplications.tenantId, p.tenantId), eq(housingApplications.personId, p.personId)))
    .orderBy(desc(housingApplications.sentOn), desc(housingApplications.statusChangedAt)),
);

export async function listApplicationsOfPerson(db: Db, tenantId: string, personId: string) {
  return applicationsOfPerson(db, { tenantId, personId });
}

export async function setApplicationStatus(db: Db, tenantId: string, id: string, status: ApplicationRow['status'], at: Date) {
  await db
    .update(housingApplications)
    .set({ status, statusChangedAt: at })
    .where(and(eq(housingApplications.tenantId, tenantId), eq(housingApplications.id, id)));
}

const finalStatuses = ['signed', 'refused', 'withdrawn'] as const;

/** The person's application for the listing that is still open (not signed, refused or withdrawn). */
export async function findOpenApplicationForListing(db: Db, tenantId: string, personId: string, listingId: string) {
  const [row] = await db
    .select({ id: housingApplications.id })
    .from(housingApplications)
    .where(
      and(
        eq(housingApplications.tenantId, tenantId),
        eq(housingApplications.personId, personId),
        eq(housingApplications.listingId, listingId),
        notInArray(housingApplications.status, [...finalStatuses]),
      ),
    )
    .limit(1);
  return row?.id;
}

/** The latest application of each of these people for the listing. */
export async function listApplicationsForListing(db: Db, tenantId: string, listingId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ id: housingApplications.id, personId: housingApplications.personId, status: housingApplications.status })
    .from(housingApplications)
    .where(
      and(eq(housingApplications.tenantId, tenantId), eq(housingApplications.listingId, listingId), inArray(housingApplications.personId, personIds)),
    )
    .orderBy(asc(housingApplications.statusChangedAt));
}

export async function insertViewing(db: Db, row: typeof viewings.$inferInsert) {
  const [created] = await db.insert(viewings).values(row).returning();
  return created!;
}

/** Built once (reusable-query.ts): the viewings of the applications, by time. */
const viewingsOfApplications = reusableQuery((db, p: Placeholders<{ applicationIds: string[] }>) =>
  db
    .select()
    .from(viewings)
    .where(anyOfIds(viewings.applicationId, p.applicationIds))
    .orderBy(asc(viewings.at)),
);

export async function listViewings(db: Db, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return viewingsOfApplications(db, { applicationIds });
}

export async function findViewing(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: viewings.id, applicationId: viewings.applicationId, personId: housingApplications.personId, status: housingApplications.status })
    .from(viewings)
    .innerJoin(housingApplications, eq(housingApplications.id, viewings.applicationId))
    .where(and(eq(viewings.tenantId, tenantId), eq(viewings.id, id)));
  return row;
}

export async function setViewingOutcome(db: Db, id: string, outcome: string) {
  const [row] = await db.update(viewings).set({ outcome }).where(eq(viewings.id, id)).returning();
  return row!;
}

export async function insertReference(db: Db, row: typeof referencesGiven.$inferInsert) {
  const [created] = await db.insert(referencesGiven).values(row).returning({ id: referencesGiven.id });
  return created!.id;
}

/** Built once (reusable-query.ts): the references given for the resident, newest first. */
const referencesOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({
      id: referencesGiven.id,
      landlordId: referencesGiven.landlordId,
      landlordName: landlords.name,
      applicationId: referencesGiven.applicationId,
      givenOn: referencesGiven.givenOn,
      givenByName: users.displayName,
      notes: referencesGiven.notes,
    })
    .from(referencesGiven)
    .leftJoin(landlords, eq(landlords.id, referencesGiven.landlordId))
    .leftJoin(users, eq(users.id, referencesGiven.givenBy))
    .where(and(eq(referencesGiven.tenantId, p.tenantId), eq(referencesGiven.personId, p.personId)))
    .orderBy(desc(referencesGiven.givenOn)),
);

export async function listReferencesOfPerson(db: Db, tenantId: string, personId: string) {
  return referencesOfPerson(db, { tenantId, personId });
}

// ---- suggestions --------------------------------------------------------------------------------

/** Everyone living in the house today: the resident of each open stay and a partner, with the room and the planned end. */
export async function listCurrentResidents(db: Db, tenantId: string, today: string) {
  const rows = await db
    .select({ personId: stays.personId, partnerPersonId: stays.partnerPersonId, roomName: rooms.name, plannedEndOn: stays.plannedEndOn })
    .from(stays)
    .innerJoin(rooms, eq(rooms.id, stays.roomId))
    .where(and(eq(stays.tenantId, tenantId), isNull(stays.endOn), lte(stays.startOn, today)))
    .orderBy(asc(rooms.sortOrder), asc(rooms.name));
  return rows.flatMap((r) => [
    { personId: r.personId, roomName: r.roomName, plannedEndOn: r.plannedEndOn },
    ...(r.partnerPersonId ? [{ personId: r.partnerPersonId, roomName: r.roomName, plannedEndOn: r.plannedEndOn }] : []),
  ]);
}

/** The names and recorded housing needs of these people (needs null when none are recorded). */
export async function listNamesAndNeeds(db: Db, tenantId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: people.id,
      name: personName,
      hasNeeds: sql<boolean>`${housingNeeds.personId} is not null`,
      maxRentOre: housingNeeds.maxRentOre,
      minRooms: housingNeeds.minRooms,
      needsFurnished: housingNeeds.needsFurnished,
    })
    .from(people)
    .leftJoin(housingNeeds, eq(housingNeeds.personId, people.id))
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)));
}
