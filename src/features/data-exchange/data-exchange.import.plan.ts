import { randomUUID } from 'node:crypto';
import { checkNationalId } from '../people/people.rules.ts';
import type { ExchangeEntity, DecisionRow, HouseRow, PersonRow, ReferralRow, RoomRow, StayRow } from './data-exchange.schema.ts';
import { deriveReferralStatus, findStayConflicts, type ParsedRow, type RawIssue, type StayPeriod } from './data-exchange.rules.ts';
import type { ExistingState } from './data-exchange.queries.ts';
import { exchangeEntities } from './data-exchange.tables.ts';

// Resolves the file's own ids against this import and what the tenant already has, and runs the
// checks between rows and files: unknown references, ids given twice, a national id already
// registered, overlapping stays, dates out of order. Pure: no database, no clock.

export interface ParsedFiles {
  houses: ParsedRow<HouseRow>[];
  rooms: ParsedRow<RoomRow>[];
  people: ParsedRow<PersonRow>[];
  referrals: ParsedRow<ReferralRow>[];
  decisions: ParsedRow<DecisionRow>[];
  stays: ParsedRow<StayRow>[];
  /** Ids of rows the schema refused: already reported, so a reference to one is not reported again. */
  refusedIds: Record<ExchangeEntity, Set<string>>;
}

/** A row to create: its new internal id and the internal ids of what it refers to. */
export interface NewRow<T> {
  externalId: string;
  id: string;
  data: T;
  refs: Record<string, string | undefined>;
}

export interface ImportPlan {
  houses: NewRow<HouseRow>[];
  rooms: NewRow<RoomRow>[];
  people: NewRow<PersonRow>[];
  referrals: (NewRow<ReferralRow> & { status: NonNullable<ReferralRow['status']> })[];
  decisions: (NewRow<DecisionRow> & { offerId: string | null })[];
  stays: (NewRow<StayRow> & { offerId: string | null })[];
  counts: { entity: ExchangeEntity; rows: number; created: number; existing: number }[];
}

const dayOf = (iso: string) => new Date(iso).toISOString().slice(0, 10);

export function planImport(
  files: ParsedFiles,
  existing: ExistingState,
  mappings: Record<ExchangeEntity, Map<string, string>>,
  issues: RawIssue[],
  options: { allowSyntheticIds: boolean },
): ImportPlan {
  const existingIds: Record<ExchangeEntity, Set<string>> = {
    houses: new Set(existing.houseRows.map((r) => r.id)),
    rooms: new Set(existing.roomRows.map((r) => r.id)),
    people: new Set(existing.personRows.map((r) => r.id)),
    referrals: new Set(existing.referralRows.map((r) => r.id)),
    decisions: new Set(existing.decisionRows.map((r) => r.id)),
    stays: new Set(existing.stayRows.map((r) => r.id)),
  };
  // The file's own id → internal id, for every row of this import (new or found).
  const resolved = Object.fromEntries(exchangeEntities.map((e) => [e, new Map<string, string>()])) as Record<ExchangeEntity, Map<string, string>>;
  const isNew = Object.fromEntries(exchangeEntities.map((e) => [e, new Set<string>()])) as Record<ExchangeEntity, Set<string>>;
  const counts: ImportPlan['counts'] = [];

  const findExisting = (entity: ExchangeEntity, externalId: string) =>
    mappings[entity].get(externalId) ?? (existingIds[entity].has(externalId) ? externalId : undefined);

  // Own ids first, for every entity, so references can point forwards and backwards between files.
  for (const entity of exchangeEntities) {
    const rows = files[entity] as ParsedRow<{ id: string }>[];
    const firstRow = new Map<string, number>();
    let created = 0;
    for (const r of rows) {
      const before = firstRow.get(r.data.id);
      if (before !== undefined) {
        issues.push({ file: r.file, entity, row: r.row, column: 'id', key: 'dataExchange.issue.duplicateId', params: { row: before } });
        continue;
      }
      firstRow.set(r.data.id, r.row);
      const found = findExisting(entity, r.data.id);
      if (found) resolved[entity].set(r.data.id, found);
      else {
        const id = randomUUID();
        resolved[entity].set(r.data.id, id);
        isNew[entity].add(r.data.id);
        created += 1;
      }
    }
    counts.push({ entity, rows: rows.length, created, existing: firstRow.size - created });
  }

  const ref = (r: ParsedRow<unknown>, from: ExchangeEntity, column: string, entity: ExchangeEntity, externalId: string | undefined) => {
    if (externalId === undefined) return undefined;
    const id = resolved[entity].get(externalId) ?? findExisting(entity, externalId);
    if (!id && !files.refusedIds[entity].has(externalId)) issues.push({ file: r.file, entity: from, row: r.row, column, key: 'dataExchange.issue.unknownReference', params: { file: `${entity}.csv` } });
    return id;
  };
  // Rows already imported (or already in the tenant) are left as they are: a second import of the same file changes nothing.
  const fresh = <T extends { id: string }>(entity: ExchangeEntity, rows: ParsedRow<T>[]) => {
    const seen = new Set<string>();
    return rows.filter((r) => isNew[entity].has(r.data.id) && !seen.has(r.data.id) && seen.add(r.data.id));
  };

  const plan: ImportPlan = { houses: [], rooms: [], people: [], referrals: [], decisions: [], stays: [], counts };
  const newRow = <T extends { id: string }>(entity: ExchangeEntity, r: ParsedRow<T>, refs: Record<string, string | undefined>): NewRow<T> => ({
    externalId: r.data.id,
    id: resolved[entity].get(r.data.id)!,
    data: r.data,
    refs,
  });

  for (const r of fresh('houses', files.houses)) plan.houses.push(newRow('houses', r, {}));

  const roomNames = new Set(existing.roomRows.map((x) => `${x.houseId}\u0000${x.name.toLowerCase()}`));
  for (const r of fresh('rooms', files.rooms)) {
    const houseId = ref(r, 'rooms', 'houseId', 'houses', r.data.houseId);
    const nameKey = `${houseId}\u0000${r.data.name.toLowerCase()}`;
    if (houseId && roomNames.has(nameKey)) issues.push({ file: r.file, entity: 'rooms', row: r.row, column: 'name', key: 'dataExchange.issue.roomNameTaken' });
    roomNames.add(nameKey);
    plan.rooms.push(newRow('rooms', r, { houseId }));
  }

  const nationalIds = new Map(existing.personRows.filter((p) => p.nationalId).map((p) => [p.nationalId!, p.id]));
  for (const r of fresh('people', files.people)) {
    const row = newRow('people', r, {});
    const nid = r.data.idType === 'fnr' || r.data.idType === 'dnr' ? r.data.nationalId : undefined;
    if (nid) {
      const check = checkNationalId(nid);
      if (check.ok && check.synthetic && !options.allowSyntheticIds)
        issues.push({ file: r.file, entity: 'people', row: r.row, column: 'nationalId', key: 'dataExchange.issue.syntheticId' });
      if (nationalIds.has(nid)) issues.push({ file: r.file, entity: 'people', row: r.row, column: 'nationalId', key: 'dataExchange.issue.nationalIdTaken' });
      nationalIds.set(nid, row.id);
    }
    plan.people.push(row);
  }

  // Decisions and stays by referral, for the referral status when the file leaves it out.
  const decisionByReferral = new Map<string, DecisionRow>();
  for (const d of [...files.decisions].sort((a, b) => a.data.decidedAt.localeCompare(b.data.decidedAt))) decisionByReferral.set(d.data.referralId, d.data);
  const referralsWithStay = new Set(files.stays.map((s) => s.data.referralId).filter(Boolean));
  const referralInFile = new Map(files.referrals.map((r) => [r.data.id, r.data]));

  for (const r of fresh('referrals', files.referrals)) {
    const refs = {
      personId: ref(r, 'referrals', 'personId', 'people', r.data.personId),
      partnerPersonId: ref(r, 'referrals', 'partnerPersonId', 'people', r.data.partnerPersonId),
    };
    const status = r.data.status ?? deriveReferralStatus(decisionByReferral.get(r.data.id), referralsWithStay.has(r.data.id));
    plan.referrals.push({ ...newRow('referrals', r, refs), status });
  }

  for (const r of fresh('decisions', files.decisions)) {
    const refs = {
      referralId: ref(r, 'decisions', 'referralId', 'referrals', r.data.referralId),
      roomId: ref(r, 'decisions', 'roomId', 'rooms', r.data.roomId),
    };
    const referral = referralInFile.get(r.data.referralId);
    if (referral && r.data.decidedAt < referral.receivedAt)
      issues.push({ file: r.file, entity: 'decisions', row: r.row, column: 'decidedAt', key: 'dataExchange.issue.decidedBeforeReceived' });
    if (r.data.offerRespondedAt && r.data.offerRespondedAt < r.data.decidedAt)
      issues.push({ file: r.file, entity: 'decisions', row: r.row, column: 'offerRespondedAt', key: 'dataExchange.issue.respondedBeforeDecided' });
    plan.decisions.push({ ...newRow('decisions', r, refs), offerId: r.data.outcome === 'offer' ? randomUUID() : null });
  }

  const offerOfDecision = new Map(existing.offerRows.map((o) => [o.decisionId, o.id]));
  for (const d of plan.decisions) if (d.offerId) offerOfDecision.set(d.id, d.offerId);
  const referralPerson = new Map(existing.referralRows.map((x) => [x.id, x.personId]));
  for (const x of plan.referrals) if (x.refs.personId) referralPerson.set(x.id, x.refs.personId);

  const periods: StayPeriod[] = existing.stayRows.map((s) => ({
    key: s.id,
    roomId: s.roomId,
    personIds: [s.personId, ...(s.partnerPersonId ? [s.partnerPersonId] : [])],
    startOn: s.startOn,
    endOn: s.endOn,
    isNew: false,
  }));
  const stayRowByKey = new Map<string, ParsedRow<StayRow>>();
  const roomTakesCouples = new Map(existing.roomRows.map((x) => [x.id, x.takesCouples]));
  for (const x of plan.rooms) roomTakesCouples.set(x.id, x.data.takesCouples);
  for (const r of fresh('stays', files.stays)) {
    const refs = {
      personId: ref(r, 'stays', 'personId', 'people', r.data.personId),
      partnerPersonId: ref(r, 'stays', 'partnerPersonId', 'people', r.data.partnerPersonId),
      roomId: ref(r, 'stays', 'roomId', 'rooms', r.data.roomId),
      referralId: ref(r, 'stays', 'referralId', 'referrals', r.data.referralId),
    };
    const decisionId = ref(r, 'stays', 'decisionId', 'decisions', r.data.decisionId);
    let offerId: string | null = null;
    if (decisionId) {
      offerId = offerOfDecision.get(decisionId) ?? null;
      if (!offerId) issues.push({ file: r.file, entity: 'stays', row: r.row, column: 'decisionId', key: 'dataExchange.issue.decisionNotOffer' });
    }
    if (refs.referralId && refs.personId) {
      const owner = referralPerson.get(refs.referralId);
      if (owner && owner !== refs.personId && owner !== refs.partnerPersonId)
        issues.push({ file: r.file, entity: 'stays', row: r.row, column: 'referralId', key: 'dataExchange.issue.referralOfOther' });
    }
    if (refs.partnerPersonId && refs.roomId && roomTakesCouples.get(refs.roomId) === false)
      issues.push({ file: r.file, entity: 'stays', row: r.row, column: 'partnerPersonId', key: 'dataExchange.issue.roomNotForCouples' });
    const referral = r.data.referralId ? referralInFile.get(r.data.referralId) : undefined;
    if (referral && r.data.startOn < dayOf(referral.receivedAt))
      issues.push({ file: r.file, entity: 'stays', row: r.row, column: 'startOn', key: 'dataExchange.issue.stayBeforeReferral' });
    const row = { ...newRow('stays', r, refs), offerId };
    plan.stays.push(row);
    if (refs.roomId && refs.personId) {
      periods.push({
        key: row.id,
        roomId: refs.roomId,
        personIds: [refs.personId, ...(refs.partnerPersonId ? [refs.partnerPersonId] : [])],
        startOn: r.data.startOn,
        endOn: r.data.endOn ?? null,
        isNew: true,
      });
      stayRowByKey.set(row.id, r);
    }
  }

  for (const c of findStayConflicts(periods)) {
    // Reported on the new stay that starts later (or the new one, against a stay already registered).
    const [reported, other] = c.b.isNew ? [c.b, c.a] : [c.a, c.b];
    const r = stayRowByKey.get(reported.key)!;
    const otherRow = other.isNew ? stayRowByKey.get(other.key) : undefined;
    issues.push({
      file: r.file,
      entity: 'stays',
      row: r.row,
      column: 'startOn',
      key: c.kind === 'room' ? (otherRow ? 'dataExchange.issue.overlapRoom' : 'dataExchange.issue.overlapRoomExisting') : otherRow ? 'dataExchange.issue.overlapPerson' : 'dataExchange.issue.overlapPersonExisting',
      params: otherRow ? { row: otherRow.row } : {},
    });
  }
  return plan;
}
