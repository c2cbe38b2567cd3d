import { and, asc, count, desc, eq, gt, isNull, isNotNull, not, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { reusableQuery, type Placeholders, anyOfIds } from '../../platform/db/reusable-query.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { aftercareAgreements, aftercareFollowUps, meetingAttendance, meetingSessions } from '../aftercare/aftercare.tables.ts';
import { accessGrants, anonymisedPeople, retentionRuns } from './privacy.tables.ts';
import type { Involvement } from './privacy.rules.ts';
import type { PersonDataTable } from './person-data.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { paymentArrangements, paymentCharges, residentPayments } from '../payments/payments.tables.ts';
import { osloDate } from '../../platform/time/oslo.ts';

const day = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).slice(0, 10));

/**
 * What the access check and retention need to know about one person (null if not in the tenant).
 * One statement (the person's row with one subquery per kind of contact): every read of a person's
 * record runs it, and as six statements their round trips were most of a small read's time.
 */
export async function findInvolvement(db: Db, tenantId: string, personId: string): Promise<(Involvement & { registeredOn: string }) | null> {
  const result = await db.execute(sql`
    select (p.created_at at time zone 'Europe/Oslo')::date::text as "registeredOn",
      (select count(*) filter (where s.end_on is null) from stays s
        where s.tenant_id = p.tenant_id and (s.person_id = p.id or s.partner_person_id = p.id))::int as "openStays",
      (select max(s.end_on)::text from stays s
        where s.tenant_id = p.tenant_id and (s.person_id = p.id or s.partner_person_id = p.id)) as "lastStayEndOn",
      (select max((r.received_at at time zone 'Europe/Oslo')::date)::text from referrals r
        where r.tenant_id = p.tenant_id and (r.person_id = p.id or r.partner_person_id = p.id)) as "lastReferralOn",
      (select greatest(max(f.done_on), max(f.due_on))::text from aftercare_follow_ups f
        where f.tenant_id = p.tenant_id and f.person_id = p.id) as "lastFollowUpOn",
      (select max(a.ends_on)::text from aftercare_agreements a
        where a.tenant_id = p.tenant_id and a.person_id = p.id) as "lastAgreementOn",
      (select max(m.held_on)::text from meeting_attendance ma join meeting_sessions m on m.id = ma.session_id
        where ma.tenant_id = p.tenant_id and ma.person_id = p.id) as "lastMeetingOn"
    from people p
    where p.tenant_id = ${tenantId}::uuid and p.id = ${personId}::uuid`);
  type Row = { registeredOn: string; openStays: number; lastStayEndOn: string | null; lastReferralOn: string | null; lastFollowUpOn: string | null; lastAgreementOn: string | null; lastMeetingOn: string | null };
  const row = (result as unknown as { rows: Row[] }).rows[0];
  if (!row) return null;
  // A follow-up still to come (or done) is contact: the record stays open until six months after it.
  const aftercare = [row.lastFollowUpOn, row.lastAgreementOn, row.lastMeetingOn].filter((d): d is string => d !== null).sort();
  return {
    hasOpenStay: row.openStays > 0,
    lastStayEndOn: row.lastStayEndOn,
    lastAftercareOn: aftercare.at(-1) ?? null,
    lastReferralOn: row.lastReferralOn,
    registeredOn: row.registeredOn,
  };
}

// The list versions below are built once (reusable-query.ts): a search or a list runs them for every
// page of hits, and built per call with one parameter per person they cost more than they took to run.
type PeopleOfTenant = Placeholders<{ tenantId: string; personIds: string[] }>;

const staysOfPeople = reusableQuery((db, p: PeopleOfTenant) =>
  db
    .select({ personId: stays.personId, partnerPersonId: stays.partnerPersonId, endOn: stays.endOn })
    .from(stays)
    .where(and(eq(stays.tenantId, p.tenantId), or(anyOfIds(stays.personId, p.personIds), anyOfIds(stays.partnerPersonId, p.personIds)))),
);
const referralsOfPeople = reusableQuery((db, p: PeopleOfTenant) =>
  db
    .select({ personId: referrals.personId, partnerPersonId: referrals.partnerPersonId, receivedAt: referrals.receivedAt })
    .from(referrals)
    .where(and(eq(referrals.tenantId, p.tenantId), or(anyOfIds(referrals.personId, p.personIds), anyOfIds(referrals.partnerPersonId, p.personIds)))),
);
const followUpsOfPeople = reusableQuery((db, p: PeopleOfTenant) =>
  db
    .select({ personId: aftercareFollowUps.personId, doneOn: aftercareFollowUps.doneOn, dueOn: aftercareFollowUps.dueOn })
    .from(aftercareFollowUps)
    .where(and(eq(aftercareFollowUps.tenantId, p.tenantId), anyOfIds(aftercareFollowUps.personId, p.personIds))),
);
const aftercareAgreementsOfPeople = reusableQuery((db, p: PeopleOfTenant) =>
  db
    .select({ personId: aftercareAgreements.personId, endsOn: aftercareAgreements.endsOn })
    .from(aftercareAgreements)
    .where(and(eq(aftercareAgreements.tenantId, p.tenantId), anyOfIds(aftercareAgreements.personId, p.personIds))),
);
const meetingsOfPeople = reusableQuery((db, p: PeopleOfTenant) =>
  db
    .select({ personId: meetingAttendance.personId, heldOn: meetingSessions.heldOn })
    .from(meetingAttendance)
    .innerJoin(meetingSessions, eq(meetingSessions.id, meetingAttendance.sessionId))
    .where(and(eq(meetingAttendance.tenantId, p.tenantId), anyOfIds(meetingAttendance.personId, p.personIds))),
);
const liveGrantsOf = reusableQuery((db, p: Placeholders<{ userId: string; personIds: string[]; now: Date }>) =>
  db
    .select({ personId: accessGrants.personId })
    .from(accessGrants)
    .where(and(eq(accessGrants.userId, p.userId), anyOfIds(accessGrants.personId, p.personIds), gt(accessGrants.expiresAt, p.now))),
);

/**
 * findInvolvement for many people at once (lists): five queries whatever the number of people, and
 * the same answer per person (privacy.lists.service.test.ts compares the two).
 */
export async function findInvolvements(db: Db, tenantId: string, personIds: string[]): Promise<Map<string, Involvement>> {
  const out = new Map<string, Involvement>();
  if (personIds.length === 0) return out;
  const ids = new Set(personIds);
  const latest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
  for (const id of ids) out.set(id, { hasOpenStay: false, lastStayEndOn: null, lastAftercareOn: null, lastReferralOn: null });
  const of = (id: string | null) => (id !== null && ids.has(id) ? out.get(id)! : undefined);

  const values = { tenantId, personIds: [...ids] };
  const stayRows = await staysOfPeople(db, values);
  for (const r of stayRows) {
    for (const p of [of(r.personId), of(r.partnerPersonId)]) {
      if (!p) continue;
      if (r.endOn === null) p.hasOpenStay = true;
      p.lastStayEndOn = latest(p.lastStayEndOn, day(r.endOn));
    }
  }
  const referralRows = await referralsOfPeople(db, values);
  for (const r of referralRows) {
    const on = osloDate(r.receivedAt);
    for (const p of [of(r.personId), of(r.partnerPersonId)]) if (p) p.lastReferralOn = latest(p.lastReferralOn, on);
  }
  // Aftercare after moving out: follow-ups (done or due), agreements' ends, the meeting place.
  const contact = (personId: string, ...days: unknown[]) => {
    const p = of(personId);
    if (p) for (const d of days) p.lastAftercareOn = latest(p.lastAftercareOn, day(d));
  };
  for (const r of await followUpsOfPeople(db, values)) contact(r.personId, r.doneOn, r.dueOn);
  for (const r of await aftercareAgreementsOfPeople(db, values)) contact(r.personId, r.endsOn);
  for (const r of await meetingsOfPeople(db, values)) contact(r.personId, r.heldOn);
  return out;
}

/** Of these people, the ones this user has a break-the-glass grant for that is still running. */
export async function liveGrantsAmong(db: Db, userId: string, personIds: string[], now: Date): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await liveGrantsOf(db, { userId, personIds, now });
  return new Set(rows.map((r) => r.personId));
}

/**
 * Of these people, the ones who have stayed and have no open stay now: the only ones whose record
 * can be closed (isRecordClosed). One query for a whole list; the full rule runs only for them.
 */
export async function formerResidentsAmong(db: Db, tenantId: string, personIds: string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await staysOfPeople(db, { tenantId, personIds });
  const open = new Set<string>();
  const stayed = new Set<string>();
  for (const r of rows) {
    for (const id of [r.personId, r.partnerPersonId]) {
      if (!id) continue;
      stayed.add(id);
      if (r.endOn === null) open.add(id);
    }
  }
  return personIds.filter((id) => stayed.has(id) && !open.has(id));
}

export async function hasLiveGrant(db: Db, userId: string, personId: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: accessGrants.id })
    .from(accessGrants)
    .where(and(eq(accessGrants.userId, userId), eq(accessGrants.personId, personId), gt(accessGrants.expiresAt, now)))
    .limit(1);
  return !!row;
}

export async function insertGrant(db: Db, row: typeof accessGrants.$inferInsert) {
  const [inserted] = await db.insert(accessGrants).values(row).returning();
  return inserted!;
}

const reviewer = sql<string | null>`(select display_name from users r where r.id = ${accessGrants.reviewedBy})`;

/** Break-the-glass openings of the tenant, unreviewed first, then newest first. */
export async function listGrants(db: Db, tenantId: string, onlyUnreviewed: boolean) {
  return db
    .select({
      id: accessGrants.id,
      personId: accessGrants.personId,
      personName: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
      userName: users.displayName,
      reason: accessGrants.reason,
      grantedAt: accessGrants.grantedAt,
      expiresAt: accessGrants.expiresAt,
      reviewedAt: accessGrants.reviewedAt,
      reviewedByName: reviewer,
      reviewNote: accessGrants.reviewNote,
    })
    .from(accessGrants)
    .innerJoin(people, eq(people.id, accessGrants.personId))
    .innerJoin(users, eq(users.id, accessGrants.userId))
    .where(and(eq(accessGrants.tenantId, tenantId), onlyUnreviewed ? isNull(accessGrants.reviewedAt) : undefined))
    .orderBy(sql`${accessGrants.reviewedAt} is not null`, desc(accessGrants.grantedAt))
    .limit(500);
}

export async function markGrantReviewed(db: Db, tenantId: string, grantId: string, values: { reviewedBy: string; reviewedAt: Date; reviewNote: string | null }) {
  const [row] = await db
    .update(accessGrants)
    .set(values)
    .where(and(eq(accessGrants.tenantId, tenantId), eq(accessGrants.id, grantId), isNull(accessGrants.reviewedAt)))
    .returning({ id: accessGrants.id });
  return row;
}

export async function findGrant(db: Db, tenantId: string, grantId: string) {
  const [row] = await db.select().from(accessGrants).where(and(eq(accessGrants.tenantId, tenantId), eq(accessGrants.id, grantId)));
  return row;
}

// ---- retention ----------------------------------------------------------------------------------

/** Every person of the tenant not yet anonymised (retention looks at each). */
export async function listPeopleNotAnonymised(db: Db, tenantId: string) {
  return db
    .select({ id: people.id })
    .from(people)
    .leftJoin(anonymisedPeople, eq(anonymisedPeople.personId, people.id))
    .where(and(eq(people.tenantId, tenantId), isNull(anonymisedPeople.personId)));
}

export async function isAnonymised(db: Db, personId: string): Promise<boolean> {
  const [row] = await db.select({ id: anonymisedPeople.personId }).from(anonymisedPeople).where(eq(anonymisedPeople.personId, personId));
  return !!row;
}

export async function insertRun(db: Db, row: typeof retentionRuns.$inferInsert) {
  const [inserted] = await db.insert(retentionRuns).values(row).returning();
  return inserted!;
}

export async function listRuns(db: Db, tenantId: string) {
  return db
    .select({ id: retentionRuns.id, ranAt: retentionRuns.ranAt, kind: retentionRuns.kind, reason: retentionRuns.reason, summary: retentionRuns.summary, actorName: users.displayName })
    .from(retentionRuns)
    .leftJoin(users, eq(users.id, retentionRuns.actorUserId))
    .where(and(eq(retentionRuns.tenantId, tenantId), isNotNull(retentionRuns.ranAt)))
    .orderBy(desc(retentionRuns.ranAt))
    .limit(50);
}

export async function markAnonymised(db: Db, row: typeof anonymisedPeople.$inferInsert) {
  await db.insert(anonymisedPeople).values(row);
}

// ---- the person's access log and data export -----------------------------------------------------

/** Every event about a person, oldest first, with the actor's name and their roles (Norwegian names). */
export async function listPersonAccessEvents(db: Db, tenantId: string, personId: string) {
  return db
    .select({
      at: auditEvents.at,
      kind: auditEvents.kind,
      action: auditEvents.action,
      purpose: auditEvents.purpose,
      actorName: users.displayName,
      actorRoles: sql<string | null>`(select string_agg(r.name_nb, ', ' order by r.name_nb) from user_roles ur join roles r on r.key = ur.role_key where ur.user_id = ${auditEvents.actorUserId})`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.personId, personId)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .limit(20000);
}

export async function findPersonName(db: Db, tenantId: string, personId: string) {
  const [row] = await db
    .select({ givenName: people.givenName, familyName: people.familyName, birthDateOn: people.birthDateOn })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  return row;
}

/** The rows of one section table that concern the person, and how many of them the reader may not see. */
export async function selectPersonRows(db: Db, part: PersonDataTable, personId: string, mayReadRestricted: boolean) {
  const match = part.match(personId);
  const hide = part.restricted && !mayReadRestricted ? part.restricted.rows : undefined;
  const rows = (await db
    .select()
    .from(part.table)
    .where(hide ? and(match, not(hide)) : match)) as Record<string, unknown>[];
  let withheld = 0;
  if (hide) {
    const [c] = await db.select({ n: count() }).from(part.table).where(and(match, hide));
    withheld = c?.n ?? 0;
  }
  return { rows, withheld };
}

export async function countPersonRows(db: Db, part: PersonDataTable, personId: string): Promise<number> {
  const [c] = await db.select({ n: count() }).from(part.table).where(part.match(personId));
  return c?.n ?? 0;
}

/**
 * Applies the section's anonymisation. The transaction-local flag bolignu.anonymising is on for this
 * update only: the append-only payment tables' trigger lets exactly such an update blank their free
 * text and refuses every other change (migration `security_ops_extra`). A failed update aborts the
 * transaction, which undoes the flag with it.
 */
export async function anonymisePersonRows(db: Db, part: PersonDataTable, personId: string): Promise<number> {
  if (!part.anonymise) return 0;
  await db.execute(sql`select set_config('bolignu.anonymising', 'on', true)`);
  const updated = await db.update(part.table).set(part.anonymise).where(part.match(personId)).returning({ one: sql`1` });
  await db.execute(sql`select set_config('bolignu.anonymising', 'off', true)`);
  return updated.length;
}

export async function deletePersonRows(db: Db, part: PersonDataTable, personId: string): Promise<number> {
  const deleted = await db.delete(part.table).where(part.match(personId)).returning({ one: sql`1` });
  return deleted.length;
}

export async function referralFacts(db: Db, tenantId: string, personId: string) {
  const rows = await db
    .select({ status: referrals.status })
    .from(referrals)
    .where(and(eq(referrals.tenantId, tenantId), sql`(${referrals.personId} = ${personId} or ${referrals.partnerPersonId} = ${personId})`));
  return rows.map((r) => r.status as string);
}

/** Whether the person has any self-payment line: an arrangement, a charge or a payment. */
export async function hasPaymentRecords(db: Db, tenantId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({
      found: sql<boolean>`exists (select 1 from ${paymentArrangements} where ${paymentArrangements.tenantId} = ${tenantId} and ${paymentArrangements.personId} = ${personId})
        or exists (select 1 from ${paymentCharges} where ${paymentCharges.tenantId} = ${tenantId} and ${paymentCharges.personId} = ${personId})
        or exists (select 1 from ${residentPayments} where ${residentPayments.tenantId} = ${tenantId} and ${residentPayments.personId} = ${personId})`,
    })
    .from(people)
    .where(eq(people.id, personId));
  return row?.found === true;
}

export async function everStayed(db: Db, tenantId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(stays)
    .where(and(eq(stays.tenantId, tenantId), sql`(${stays.personId} = ${personId} or ${stays.partnerPersonId} = ${personId})`));
  return (row?.n ?? 0) > 0;
}
