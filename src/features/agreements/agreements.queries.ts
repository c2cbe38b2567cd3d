import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { people } from '../people/people.tables.ts';
import { houses, rooms } from '../rooms/rooms.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { agreements, agreementTemplates } from './agreements.tables.ts';

// The agreement reads the stays it belongs to with its own queries (read only): the stays feature
// owns writing them.

/** Just enough to know the stay exists in this municipality. */
export async function findStayTenant(db: Db, tenantId: string, stayId: string) {
  const [row] = await db
    .select({ id: stays.id })
    .from(stays)
    .where(and(eq(stays.tenantId, tenantId), eq(stays.id, stayId)));
  return row;
}

const partner = alias(people, 'partner');

/** A stay with what the agreement shows of it: the resident (and partner), the room, the house, the municipality. */
export async function findStayForAgreement(db: Db, tenantId: string, stayId: string) {
  const [row] = await db
    .select({
      id: stays.id,
      personId: stays.personId,
      partnerPersonId: stays.partnerPersonId,
      startOn: stays.startOn,
      plannedEndOn: stays.plannedEndOn,
      endOn: stays.endOn,
      givenName: people.givenName,
      familyName: people.familyName,
      birthDateOn: people.birthDateOn,
      partnerGivenName: partner.givenName,
      partnerFamilyName: partner.familyName,
      partnerBirthDateOn: partner.birthDateOn,
      roomName: rooms.name,
      houseName: houses.name,
      houseStreetAddress: houses.streetAddress,
      housePostalCode: houses.postalCode,
      houseCity: houses.city,
      municipality: tenants.name,
    })
    .from(stays)
    .innerJoin(people, eq(people.id, stays.personId))
    .leftJoin(partner, eq(partner.id, stays.partnerPersonId))
    .innerJoin(rooms, eq(rooms.id, stays.roomId))
    .innerJoin(houses, eq(houses.id, rooms.houseId))
    .innerJoin(tenants, eq(tenants.id, stays.tenantId))
    .where(and(eq(stays.tenantId, tenantId), eq(stays.id, stayId)));
  return row;
}
export type StayForAgreementRow = NonNullable<Awaited<ReturnType<typeof findStayForAgreement>>>;

// --- templates ---

export async function findCurrentTemplate(db: Db, tenantId: string) {
  const [row] = await db
    .select({ template: agreementTemplates, createdByName: users.displayName })
    .from(agreementTemplates)
    .leftJoin(users, eq(users.id, agreementTemplates.createdBy))
    .where(eq(agreementTemplates.tenantId, tenantId))
    .orderBy(desc(agreementTemplates.version))
    .limit(1);
  return row;
}

export async function listTemplates(db: Db, tenantId: string) {
  return db
    .select({ template: agreementTemplates, createdByName: users.displayName })
    .from(agreementTemplates)
    .leftJoin(users, eq(users.id, agreementTemplates.createdBy))
    .where(eq(agreementTemplates.tenantId, tenantId))
    .orderBy(desc(agreementTemplates.version));
}
export type TemplateRow = Awaited<ReturnType<typeof listTemplates>>[number];

export async function insertTemplate(db: Db, row: typeof agreementTemplates.$inferInsert) {
  const [created] = await db.insert(agreementTemplates).values(row).returning();
  return created!;
}

export async function findTemplateVersion(db: Db, id: string) {
  const [row] = await db.select({ version: agreementTemplates.version }).from(agreementTemplates).where(eq(agreementTemplates.id, id));
  return row?.version ?? null;
}

// --- agreements ---

const agreementColumns = { agreement: agreements, createdByName: users.displayName, templateVersion: agreementTemplates.version };

export async function listAgreementsForStay(db: Db, tenantId: string, stayId: string) {
  return db
    .select(agreementColumns)
    .from(agreements)
    .leftJoin(users, eq(users.id, agreements.createdBy))
    .leftJoin(agreementTemplates, eq(agreementTemplates.id, agreements.templateId))
    .where(and(eq(agreements.tenantId, tenantId), eq(agreements.stayId, stayId)))
    .orderBy(desc(agreements.version));
}
export type AgreementRow = Awaited<ReturnType<typeof listAgreementsForStay>>[number];

export async function findAgreement(db: Db, tenantId: string, id: string): Promise<AgreementRow | undefined> {
  const [row] = await db
    .select(agreementColumns)
    .from(agreements)
    .leftJoin(users, eq(users.id, agreements.createdBy))
    .leftJoin(agreementTemplates, eq(agreementTemplates.id, agreements.templateId))
    .where(and(eq(agreements.tenantId, tenantId), eq(agreements.id, id)));
  return row;
}

export async function latestVersionForStay(db: Db, stayId: string): Promise<number> {
  const [row] = await db
    .select({ version: sql<number>`coalesce(max(${agreements.version}), 0)::int` })
    .from(agreements)
    .where(eq(agreements.stayId, stayId));
  return row?.version ?? 0;
}

export async function insertAgreement(db: Db, row: typeof agreements.$inferInsert) {
  const [created] = await db.insert(agreements).values(row).returning();
  return created!;
}

/** Sets the signed date once: a version that is already signed is left as it is. */
export async function setSignedOn(db: Db, tenantId: string, id: string, signedOn: string) {
  const [row] = await db
    .update(agreements)
    .set({ signedOn })
    .where(and(eq(agreements.tenantId, tenantId), eq(agreements.id, id), isNull(agreements.signedOn)))
    .returning({ id: agreements.id });
  return row;
}

/** The stays that are not over (no move-out day yet), each with its newest agreement version, if any. */
export async function listCurrentStaysWithLatestAgreement(db: Db, tenantId: string) {
  const latest = db
    .selectDistinctOn([agreements.stayId], {
      stayId: agreements.stayId,
      id: agreements.id,
      version: agreements.version,
      signedOn: agreements.signedOn,
    })
    .from(agreements)
    .where(eq(agreements.tenantId, tenantId))
    .orderBy(agreements.stayId, desc(agreements.version))
    .as('latest');
  return db
    .select({
      stayId: stays.id,
      givenName: people.givenName,
      familyName: people.familyName,
      roomName: rooms.name,
      roomSort: rooms.sortOrder,
      startOn: stays.startOn,
      plannedEndOn: stays.plannedEndOn,
      agreementId: latest.id,
      version: latest.version,
      signedOn: latest.signedOn,
    })
    .from(stays)
    .innerJoin(people, eq(people.id, stays.personId))
    .innerJoin(rooms, eq(rooms.id, stays.roomId))
    .leftJoin(latest, eq(latest.stayId, stays.id))
    .where(and(eq(stays.tenantId, tenantId), isNull(stays.endOn)))
    .orderBy(asc(rooms.sortOrder), asc(rooms.name), asc(stays.startOn));
}
