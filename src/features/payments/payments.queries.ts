import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { settings } from '../../platform/notifications/notifications.tables.ts';
import { people } from '../people/people.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { paymentArrangements, paymentCharges, residentPayments } from './payments.tables.ts';

export type ArrangementRow = typeof paymentArrangements.$inferSelect & { createdByName: string | null };
export type ChargeRow = typeof paymentCharges.$inferSelect;

const personName = sql<string>`${people.givenName} || ' ' || ${people.familyName}`;

export async function findPersonName(db: Db, tenantId: string, personId: string) {
  const [row] = await db
    .select({ id: people.id, name: personName })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  return row;
}

export async function listPersonNames(db: Db, tenantId: string, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: people.id, name: personName })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ——— Arrangements ———

export async function listArrangements(db: Db, tenantId: string, personIds: string[]): Promise<ArrangementRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: paymentArrangements.id,
      tenantId: paymentArrangements.tenantId,
      personId: paymentArrangements.personId,
      kind: paymentArrangements.kind,
      validFromOn: paymentArrangements.validFromOn,
      decidedOn: paymentArrangements.decidedOn,
      amountOre: paymentArrangements.amountOre,
      per: paymentArrangements.per,
      reason: paymentArrangements.reason,
      assessedBy: paymentArrangements.assessedBy,
      navDecisionReference: paymentArrangements.navDecisionReference,
      createdAt: paymentArrangements.createdAt,
      createdBy: paymentArrangements.createdBy,
      createdByName: users.displayName,
    })
    .from(paymentArrangements)
    .leftJoin(users, eq(users.id, paymentArrangements.createdBy))
    .where(and(eq(paymentArrangements.tenantId, tenantId), inArray(paymentArrangements.personId, personIds)))
    .orderBy(desc(paymentArrangements.validFromOn));
}

export async function insertArrangement(db: Db, row: typeof paymentArrangements.$inferInsert) {
  const [inserted] = await db.insert(paymentArrangements).values(row).returning({ id: paymentArrangements.id });
  return inserted!;
}

// ——— Stays (the nights) ———

/** Stays of the people (as the resident of the stay) that have nights before `until` and after `from`. */
export async function listStaysBetween(db: Db, tenantId: string, from: string, until: string, personIds?: string[]) {
  return db
    .select({ personId: stays.personId, startOn: stays.startOn, endOn: stays.endOn })
    .from(stays)
    .where(
      and(
        eq(stays.tenantId, tenantId),
        lt(stays.startOn, until),
        or(isNull(stays.endOn), gt(stays.endOn, from)),
        personIds ? inArray(stays.personId, personIds) : undefined,
      ),
    )
    .orderBy(asc(stays.startOn));
}

/** People with a stay today (open, or ending after today). */
export async function listCurrentResidentIds(db: Db, tenantId: string, today: string) {
  const rows = await db
    .selectDistinct({ personId: stays.personId })
    .from(stays)
    .where(and(eq(stays.tenantId, tenantId), lte(stays.startOn, today), or(isNull(stays.endOn), gt(stays.endOn, today))));
  return new Set(rows.map((r) => r.personId));
}

// ——— Dated rate and cap ———

export async function listSettingValues(db: Db, tenantId: string, key: string) {
  return db
    .select({ value: settings.value, validFromOn: settings.validFromOn })
    .from(settings)
    .where(and(eq(settings.tenantId, tenantId), eq(settings.key, key)))
    .orderBy(asc(settings.validFromOn));
}

// ——— Charge lines ———

export async function listChargeLines(db: Db, tenantId: string, personIds: string[], month?: string): Promise<ChargeRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(paymentCharges)
    .where(and(eq(paymentCharges.tenantId, tenantId), inArray(paymentCharges.personId, personIds), month ? eq(paymentCharges.month, month) : undefined))
    .orderBy(asc(paymentCharges.month), asc(paymentCharges.createdAt), asc(paymentCharges.kind));
}

/** People with charge lines for the month (a month produced before must be looked at again). */
export async function listChargedPersonIds(db: Db, tenantId: string, month: string) {
  const rows = await db
    .selectDistinct({ personId: paymentCharges.personId })
    .from(paymentCharges)
    .where(and(eq(paymentCharges.tenantId, tenantId), eq(paymentCharges.month, month)));
  return rows.map((r) => r.personId);
}

export async function insertChargeLine(db: Db, row: typeof paymentCharges.$inferInsert) {
  const [inserted] = await db.insert(paymentCharges).values(row).returning({ id: paymentCharges.id });
  return inserted!;
}

// ——— Payments ———

export async function insertPayment(db: Db, row: typeof residentPayments.$inferInsert) {
  const [inserted] = await db.insert(residentPayments).values(row).returning({ id: residentPayments.id });
  return inserted!;
}

export async function listPayments(db: Db, tenantId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: residentPayments.id,
      personId: residentPayments.personId,
      paidOn: residentPayments.paidOn,
      amountOre: residentPayments.amountOre,
      method: residentPayments.method,
      reference: residentPayments.reference,
      createdByName: users.displayName,
    })
    .from(residentPayments)
    .leftJoin(users, eq(users.id, residentPayments.createdBy))
    .where(and(eq(residentPayments.tenantId, tenantId), inArray(residentPayments.personId, personIds)))
    .orderBy(desc(residentPayments.paidOn), desc(residentPayments.createdAt));
}

export type PaymentRow = Awaited<ReturnType<typeof listPayments>>[number];

// ——— Balances for the service ———

/** Charges per person and month (all lines summed), for everyone with a charge line. */
export async function chargesPerPersonAndMonth(db: Db, tenantId: string) {
  return db
    .select({ personId: paymentCharges.personId, month: paymentCharges.month, amountOre: sql<number>`sum(${paymentCharges.amountOre})::int` })
    .from(paymentCharges)
    .where(eq(paymentCharges.tenantId, tenantId))
    .groupBy(paymentCharges.personId, paymentCharges.month);
}

/** Payments per person: the sum and the last day paid. */
export async function paymentsPerPerson(db: Db, tenantId: string) {
  return db
    .select({
      personId: residentPayments.personId,
      paidOre: sql<number>`sum(${residentPayments.amountOre})::int`,
      lastPaidOn: sql<string>`max(${residentPayments.paidOn})::text`,
    })
    .from(residentPayments)
    .where(eq(residentPayments.tenantId, tenantId))
    .groupBy(residentPayments.personId);
}

// ——— The month's export ———

export async function listMonthChargeLines(db: Db, tenantId: string, month: string): Promise<ChargeRow[]> {
  return db
    .select()
    .from(paymentCharges)
    .where(and(eq(paymentCharges.tenantId, tenantId), eq(paymentCharges.month, month)))
    .orderBy(asc(paymentCharges.createdAt), asc(paymentCharges.personId));
}

export async function listPaymentsBetween(db: Db, tenantId: string, from: string, to: string) {
  return db
    .select({
      id: residentPayments.id,
      personId: residentPayments.personId,
      paidOn: residentPayments.paidOn,
      amountOre: residentPayments.amountOre,
      method: residentPayments.method,
      reference: residentPayments.reference,
      createdByName: users.displayName,
    })
    .from(residentPayments)
    .leftJoin(users, eq(users.id, residentPayments.createdBy))
    .where(and(eq(residentPayments.tenantId, tenantId), gte(residentPayments.paidOn, from), lte(residentPayments.paidOn, to)))
    .orderBy(asc(residentPayments.paidOn), asc(residentPayments.createdAt));
}
