import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { listAuditEvents } from '../../platform/audit/audit.queries.ts';
import { assertRecordAccess, closedRecordsAmong } from '../privacy/privacy.access.ts';
import { peopleError } from './people.errors.ts';
import { ageOn, checkNationalId, maskNationalId } from './people.rules.ts';
import * as q from './people.queries.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { nationalIdHash, openNationalId, sealNationalId } from '../../platform/crypto/field-crypto.ts';
import type { Db } from '../../platform/db/client.ts';
import type {
  AccessPurpose,
  HouseholdMemberInput,
  PersonOutput,
  PersonSummary,
  RegisterPersonInput,
  UpdatePersonInput,
} from './people.schema.ts';
import { osloDate } from '../../platform/time/oslo.ts';

const isoDay = (d: Date) => osloDate(d);

function toOutput(ctx: Ctx, row: q.PersonRow, household: q.HouseholdRow[]): PersonOutput {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    birthDate: row.birthDateOn,
    idType: row.idType,
    nationalId: openNationalId(ctx.env.fieldKeys, row.nationalIdSealed),
    otherIdDescription: row.otherIdDescription,
    phone: row.phone,
    email: row.email,
    preferredLanguage: row.preferredLanguage,
    hasProtectedAddress: row.hasProtectedAddress,
    household: household.map((h) => ({
      id: h.id,
      relation: h.relation,
      name: h.name,
      birthDate: h.birthDateOn,
      relatedPersonId: h.relatedPersonId,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// Checks the schema cannot: synthetic numbers in production, a number already registered,
// children who are not children.
async function assertIdentityAllowed(ctx: Ctx, tenantId: string, nationalId: string | undefined, selfId?: string) {
  if (!nationalId) return;
  const check = checkNationalId(nationalId);
  if (check.ok && check.synthetic && !ctx.env.ALLOW_SYNTHETIC_IDS) {
    throw peopleError('person.synthetic_id_refused', { fields: { nationalId: peopleError.definitions['person.synthetic_id_refused'][ctx.locale] } });
  }
  const existing = await q.findPersonIdByNationalIdHash(ctx.db, tenantId, nationalIdHash(ctx.env.fieldKeys, nationalId));
  if (existing && existing !== selfId) {
    throw peopleError('person.duplicate_national_id', { meta: { public: { existingPersonId: existing } } });
  }
}

function assertChildren(ctx: Ctx, members: HouseholdMemberInput[]) {
  const today = isoDay(ctx.now);
  members.forEach((m, i) => {
    if (m.relation === 'child' && m.birthDate && ageOn(m.birthDate, today) >= 18) {
      throw peopleError('person.child_too_old', {
        fields: { [`household.${i}.birthDate`]: peopleError.definitions['person.child_too_old'][ctx.locale] },
      });
    }
  });
}

// Two registrations of the same number at the same moment both pass the check above; the unique
// index stops the second, and it gets the same clear answer instead of a 500.
// The identity number is encrypted here and stored with its keyed hash (ADR 006).
async function insertOrExplainDuplicate(
  ctx: Ctx,
  tenantId: string,
  { nationalId, ...row }: Omit<Parameters<typeof q.insertPerson>[1], 'nationalIdSealed' | 'nationalIdHash'> & { nationalId: string | null },
) {
  const keys = ctx.env.fieldKeys;
  const hash = nationalId ? nationalIdHash(keys, nationalId) : null;
  const sealed = { nationalIdSealed: nationalId ? sealNationalId(keys, nationalId) : null, nationalIdHash: hash };
  try {
    // A savepoint, so the transaction can still answer after the unique index refuses the row.
    return await ctx.db.transaction((savepoint) => q.insertPerson(savepoint as unknown as Db, { ...row, ...sealed }));
  } catch (err) {
    if (!isUniqueViolation(err, 'people_tenant_national_id_hash_unique')) throw err;
    const existing = await q.findPersonIdByNationalIdHash(ctx.db, tenantId, hash!);
    throw peopleError('person.duplicate_national_id', { meta: { public: { existingPersonId: existing } } });
  }
}

/** Registers a person and their household; refuses a national id that is already registered. */
export async function registerPerson(ctx: Ctx, input: RegisterPersonInput): Promise<PersonOutput> {
  const user = requirePermission(ctx, 'person:write');
  assertChildren(ctx, input.household);
  return inTransaction(ctx, async (tx) => {
    await assertIdentityAllowed(tx, user.tenantId, input.nationalId);
    const row = await insertOrExplainDuplicate(tx, user.tenantId, {
      tenantId: user.tenantId,
      givenName: input.givenName,
      familyName: input.familyName,
      birthDateOn: input.birthDate ?? null,
      idType: input.idType,
      nationalId: input.idType === 'fnr' || input.idType === 'dnr' ? input.nationalId! : null,
      otherIdDescription: input.idType === 'other' ? (input.otherIdDescription ?? null) : null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      preferredLanguage: input.preferredLanguage,
      hasProtectedAddress: input.hasProtectedAddress,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    const household = await q.insertHouseholdMembers(
      tx.db,
      input.household.map((m) => ({
        tenantId: user.tenantId,
        personId: row.id,
        relation: m.relation,
        name: m.name,
        birthDateOn: m.birthDate ?? null,
        relatedPersonId: m.relatedPersonId ?? null,
      })),
    );
    await recordEvent(tx, {
      action: 'person.register',
      entityType: 'person',
      entityId: row.id,
      personId: row.id,
      purpose: 'registration',
      details: { idType: row.idType, householdMembers: household.length },
    });
    return toOutput(tx, row, household);
  });
}

/** Reads a person's record; the read and its purpose go to the person's access log. */
export async function getPerson(ctx: Ctx, personId: string, purpose: AccessPurpose): Promise<PersonOutput> {
  const user = requirePermission(ctx, 'person:read');
  return inTransaction(ctx, async (tx) => {
    const row = await q.findPerson(tx.db, user.tenantId, personId);
    if (!row) throw peopleError('person.not_found');
    await recordAccess(tx, personId, purpose);
    return toOutput(tx, row, await q.listHousehold(tx.db, personId));
  });
}

/** Changes a person's details; the audit row names the fields changed, never their values. */
export async function updatePerson(ctx: Ctx, personId: string, input: UpdatePersonInput): Promise<PersonOutput> {
  const user = requirePermission(ctx, 'person:write');
  return inTransaction(ctx, async (tx) => {
    const before = await q.findPerson(tx.db, user.tenantId, personId);
    if (!before) throw peopleError('person.not_found');
    await assertIdentityAllowed(tx, user.tenantId, input.nationalId, personId);
    const values = {
      givenName: input.givenName,
      familyName: input.familyName,
      birthDateOn: input.birthDate ?? null,
      idType: input.idType,
      nationalId: input.idType === 'fnr' || input.idType === 'dnr' ? input.nationalId! : null,
      otherIdDescription: input.idType === 'other' ? (input.otherIdDescription ?? null) : null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      preferredLanguage: input.preferredLanguage,
      hasProtectedAddress: input.hasProtectedAddress,
    };
    const keys = tx.env.fieldKeys;
    const previous = { ...before, nationalId: openNationalId(keys, before.nationalIdSealed) };
    const changed = Object.entries(values)
      .filter(([k, v]) => previous[k as keyof typeof previous] !== v)
      .map(([k]) => k);
    const { nationalId, ...plain } = values;
    const row = await q.updatePersonRow(tx.db, user.tenantId, personId, {
      ...plain,
      // A new nonce on every write would look like a change; keep the stored value when the number is the same.
      nationalIdSealed: nationalId === previous.nationalId ? before.nationalIdSealed : nationalId && sealNationalId(keys, nationalId),
      nationalIdHash: nationalId && nationalIdHash(keys, nationalId),
      updatedAt: tx.now,
    });
    await recordEvent(tx, {
      action: 'person.update',
      entityType: 'person',
      entityId: personId,
      personId,
      purpose: 'registration',
      details: { changed },
    });
    return toOutput(tx, row!, await q.listHousehold(tx.db, personId));
  });
}

export async function addHouseholdMember(ctx: Ctx, personId: string, input: HouseholdMemberInput): Promise<PersonOutput> {
  const user = requirePermission(ctx, 'person:write');
  assertChildren(ctx, [input]);
  return inTransaction(ctx, async (tx) => {
    const row = await q.findPerson(tx.db, user.tenantId, personId);
    if (!row) throw peopleError('person.not_found');
    const [member] = await q.insertHouseholdMembers(tx.db, [
      {
        tenantId: user.tenantId,
        personId,
        relation: input.relation,
        name: input.name,
        birthDateOn: input.birthDate ?? null,
        relatedPersonId: input.relatedPersonId ?? null,
      },
    ]);
    await recordEvent(tx, {
      action: 'household.add',
      entityType: 'household_member',
      entityId: member!.id,
      personId,
      details: { relation: input.relation },
    });
    return toOutput(tx, row, await q.listHousehold(tx.db, personId));
  });
}

export async function removeHouseholdMember(ctx: Ctx, personId: string, memberId: string): Promise<PersonOutput> {
  const user = requirePermission(ctx, 'person:write');
  return inTransaction(ctx, async (tx) => {
    const row = await q.findPerson(tx.db, user.tenantId, personId);
    if (!row) throw peopleError('person.not_found');
    if (!(await q.deleteHouseholdMember(tx.db, personId, memberId))) throw peopleError('household.member_not_found');
    await recordEvent(tx, { action: 'household.remove', entityType: 'household_member', entityId: memberId, personId });
    return toOutput(tx, row, await q.listHousehold(tx.db, personId));
  });
}

/** Parses a search term: an 11-digit number, a dd.mm.yyyy date, or words of a name. */
export function parseSearchTerm(query: string): { nationalId?: string; birthDate?: string; words: string[] } {
  const compact = query.replace(/\s/g, '');
  if (/^\d{11}$/.test(compact)) return { nationalId: compact, words: [] };
  const date = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(query.trim());
  if (date) return { birthDate: `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}`, words: [] };
  return { words: query.split(/\s+/).filter(Boolean) };
}

/** Finds people by name, birth date or identity number. The search terms are never logged. */
export async function searchPeople(ctx: Ctx, query: string): Promise<PersonSummary[]> {
  const user = requirePermission(ctx, 'person:search');
  return inTransaction(ctx, async (tx) => {
    const { nationalId, ...term } = parseSearchTerm(query);
    const rows = await q.searchPeopleRows(tx.db, user.tenantId, { ...term, nationalIdHash: nationalId && nationalIdHash(tx.env.fieldKeys, nationalId) });
    await recordEvent(tx, { action: 'person.search', entityType: 'person', details: { results: rows.length } });
    // Finding someone is not reading their record; the hit says whether opening it needs break-the-glass.
    const closed = await closedRecordsAmong(tx, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      givenName: r.givenName,
      familyName: r.familyName,
      birthDate: r.birthDateOn,
      idType: r.idType,
      maskedNationalId: maskNationalId(openNationalId(tx.env.fieldKeys, r.nationalIdSealed)),
      hasProtectedAddress: r.hasProtectedAddress,
      recordClosed: closed.has(r.id),
    }));
  });
}

/**
 * The dates and purposes of every access to a person's record, newest first. It is part of the
 * record, so it obeys the same access check (a closed record needs break-the-glass first). Looking
 * at it is not itself logged as a read: the page that shows it has just logged its own read of the
 * person, and a log that grew each time it was looked at would bury the reads that matter.
 */
export async function getPersonAccessLog(ctx: Ctx, personId: string) {
  const user = requirePermission(ctx, 'person:read');
  return inTransaction(ctx, async (tx) => {
    const person = await q.findPerson(tx.db, user.tenantId, personId);
    if (!person) throw peopleError('person.not_found');
    await assertRecordAccess(tx, personId);
    const rows = await listAuditEvents(tx.db, { tenantId: user.tenantId, personId, limit: 200 });
    return rows.map((r) => ({ at: r.at.toISOString(), kind: r.kind, action: r.action, purpose: r.purpose, actorName: r.actorName }));
  });
}

/** A person named in a referral, with the household members the referral records for them. */
export interface ReferralPersonRegistration {
  givenName: string;
  familyName: string;
  birthDate?: string;
  idType: PersonOutput['idType'];
  nationalId?: string;
  otherIdDescription?: string;
  phone?: string;
  /** Children and the partner; members already recorded on a linked person are not added twice. */
  household?: HouseholdMemberInput[];
}

/**
 * Registers the person named in a NAV referral, or links the person already registered in the
 * tenant with the same fødselsnummer/D-number. A NAV caseworker may not search the register, so
 * nothing here tells the caller which of the two happened in a way that reaches them: no duplicate
 * error, no existing data back, only an id (the referral service keeps `linked` to itself). People
 * with another id or none cannot be matched safely and are always registered anew.
 * Runs inside the caller's transaction; audited as person.register (or person.link), purpose allocation.
 */
export async function registerOrLinkPersonForReferral(
  ctx: Ctx,
  input: ReferralPersonRegistration,
): Promise<{ personId: string; linked: boolean }> {
  const user = requirePermission(ctx, 'referral:create');
  const members = input.household ?? [];
  assertChildren(ctx, members);
  return inTransaction(ctx, async (tx) => {
    const nationalId = input.idType === 'fnr' || input.idType === 'dnr' ? input.nationalId : undefined;
    if (nationalId) {
      const check = checkNationalId(nationalId);
      if (check.ok && check.synthetic && !tx.env.ALLOW_SYNTHETIC_IDS) {
        throw peopleError('person.synthetic_id_refused', { fields: { nationalId: peopleError.definitions['person.synthetic_id_refused'][tx.locale] } });
      }
    }
    let personId = nationalId ? await q.findPersonIdByNationalIdHash(tx.db, user.tenantId, nationalIdHash(tx.env.fieldKeys, nationalId)) : undefined;
    let linked = personId !== undefined;
    if (!personId) {
      try {
        const row = await insertOrExplainDuplicate(tx, user.tenantId, {
          tenantId: user.tenantId,
          givenName: input.givenName,
          familyName: input.familyName,
          birthDateOn: input.birthDate ?? null,
          idType: input.idType,
          nationalId: nationalId ?? null,
          otherIdDescription: input.idType === 'other' ? (input.otherIdDescription ?? null) : null,
          phone: input.phone ?? null,
          email: null,
          preferredLanguage: 'nb',
          hasProtectedAddress: false,
          createdAt: tx.now,
          updatedAt: tx.now,
        });
        personId = row.id;
      } catch (err) {
        // Registered by someone else a moment ago: link that person, as if they had been there first.
        const existing = (err as { code?: string; meta?: { public?: { existingPersonId?: string } } }).meta?.public?.existingPersonId;
        if ((err as { code?: string }).code !== 'person.duplicate_national_id' || !existing) throw err;
        personId = existing;
        linked = true;
      }
    }
    const recorded = linked ? await q.listHousehold(tx.db, personId) : [];
    const toAdd = members.filter(
      (m) =>
        !recorded.some((r) =>
          m.relatedPersonId
            ? r.relatedPersonId === m.relatedPersonId
            : r.relation === m.relation && r.name === m.name && r.birthDateOn === (m.birthDate ?? null),
        ),
    );
    await q.insertHouseholdMembers(
      tx.db,
      toAdd.map((m) => ({
        tenantId: user.tenantId,
        personId: personId!,
        relation: m.relation,
        name: m.name,
        birthDateOn: m.birthDate ?? null,
        relatedPersonId: m.relatedPersonId ?? null,
      })),
    );
    await recordEvent(tx, {
      action: linked ? 'person.link' : 'person.register',
      entityType: 'person',
      entityId: personId,
      personId,
      purpose: 'allocation',
      details: { via: 'referral', idType: input.idType, householdMembersAdded: toAdd.length },
    });
    return { personId, linked };
  });
}
