import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { openNationalId } from '../../platform/crypto/field-crypto.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccesses, recordEvent } from '../../platform/audit/audit.service.ts';
import { toCsv, type CellValue } from './data-exchange.csv.ts';
import { writeZip } from './data-exchange.zip.ts';
import { exchangeColumns, type ExchangeEntity } from './data-exchange.schema.ts';
import { birthYear, jsonFormatName, nightsBetween, pseudonym } from './data-exchange.rules.ts';
import { exchangeEntities } from './data-exchange.tables.ts';
import * as q from './data-exchange.queries.ts';
import { osloDate } from '../../platform/time/oslo.ts';

type Row = Record<string, CellValue>;
export type ExportSet = Record<ExchangeEntity, Row[]>;

const osloDay = (d: Date) => osloDate(d);
const byId = (a: Row, b: Row) => String(a.id).localeCompare(String(b.id));

/**
 * Every entity of the tenant in the exchange format. Ids are stable: a row that came in by an import
 * keeps the file's own id; every other row has its internal UUID (which the import also accepts, so
 * exporting and importing into the same tenant creates nothing).
 */
async function buildExportSet(ctx: Ctx, tenantId: string): Promise<{ set: ExportSet; personIds: string[] }> {
  const [rows, mappings] = await Promise.all([q.exportRows(ctx.db, tenantId), q.loadMappings(ctx.db, tenantId)]);
  const reverse = Object.fromEntries(
    exchangeEntities.map((e) => [e, new Map([...mappings[e]].map(([external, internal]) => [internal, external]))]),
  ) as Record<ExchangeEntity, Map<string, string>>;
  const ext = (entity: ExchangeEntity, id: string | null | undefined) => (id ? (reverse[entity].get(id) ?? id) : null);

  const set: ExportSet = {
    houses: rows.houseRows.map((h) => ({ id: ext('houses', h.id), name: h.name, streetAddress: h.streetAddress, postalCode: h.postalCode, city: h.city })),
    rooms: rows.roomRows.map((r) => ({
      id: ext('rooms', r.id),
      houseId: ext('houses', r.houseId),
      name: r.name,
      capacity: r.capacity,
      isCrisisRoom: r.isCrisisRoom,
      takesCouples: r.takesCouples,
    })),
    people: rows.personRows.map((p) => ({
      id: ext('people', p.id),
      givenName: p.givenName,
      familyName: p.familyName,
      birthDate: p.birthDateOn,
      idType: p.idType,
      nationalId: openNationalId(ctx.env.fieldKeys, p.nationalIdSealed),
      otherIdDescription: p.otherIdDescription,
      phone: p.phone,
      email: p.email,
      preferredLanguage: p.preferredLanguage,
      hasProtectedAddress: p.hasProtectedAddress,
    })),
    referrals: rows.referralRows.map((r) => ({
      id: ext('referrals', r.id),
      personId: ext('people', r.personId),
      partnerPersonId: ext('people', r.partnerPersonId),
      receivedAt: r.receivedAt.toISOString(),
      situation: r.situation,
      situationOther: r.situationOther,
      previousStay: r.previousStay,
      nowhereToSleepTonight: r.nowhereToSleepTonight,
      needs: r.needs,
      consentToShare: r.consentToShare,
      caseworkerName: r.caseworkerName,
      navOffice: r.navOffice,
      status: r.status,
    })),
    decisions: rows.decisionRows.map(({ decision: d, offer: o }) => ({
      id: ext('decisions', d.id),
      referralId: ext('referrals', d.referralId),
      decidedAt: d.decidedAt.toISOString(),
      outcome: d.outcome,
      reasons: d.reasons,
      roomId: ext('rooms', d.roomId),
      fromOn: d.fromOn,
      plannedEndOn: d.plannedEndOn,
      offerStatus: o?.status ?? null,
      offerRespondedAt: o?.respondedAt?.toISOString() ?? null,
      declineReason: o?.declineReason ?? null,
    })),
    stays: rows.stayRows.map(({ stay: s, moveOut: m, offerDecisionId }) => ({
      id: ext('stays', s.id),
      personId: ext('people', s.personId),
      partnerPersonId: ext('people', s.partnerPersonId),
      roomId: ext('rooms', s.roomId),
      referralId: ext('referrals', s.referralId),
      decisionId: ext('decisions', offerDecisionId),
      startOn: s.startOn,
      plannedEndOn: s.plannedEndOn,
      endOn: s.endOn,
      destination: m?.destination ?? null,
      destinationNote: m?.destinationNote ?? null,
      wasPlanned: m?.wasPlanned ?? false,
    })),
  };
  for (const e of exchangeEntities) set[e].sort(byId);
  return { set, personIds: rows.personRows.map((p) => p.id) };
}

export function exportSetToCsvFiles(set: ExportSet): { name: string; data: Buffer }[] {
  return exchangeEntities.map((e) => ({
    name: `${e}.csv`,
    data: Buffer.from(toCsv(exchangeColumns[e], set[e].map((r) => exchangeColumns[e].map((c) => r[c]))), 'utf8'),
  }));
}

// Reading every record for an export is logged per person (the person may see that their data was
// exported, and when), plus one event for the export with counts.
async function auditFullExport(ctx: Ctx, personIds: string[], set: ExportSet, format: 'csv' | 'json') {
  await recordAccesses(ctx, personIds, 'administration', 'person.export');
  await recordEvent(ctx, {
    action: 'data.export',
    entityType: 'data_export',
    purpose: 'administration',
    details: { format, ...Object.fromEntries(exchangeEntities.map((e) => [e, set[e].length])) },
  });
}

/** All data as a ZIP of one CSV file per entity (the same files the import reads). */
export async function exportCsvZip(ctx: Ctx): Promise<{ zip: Buffer; filename: string }> {
  const user = requirePermission(ctx, 'data:export');
  return inTransaction(ctx, async (tx) => {
    const { set, personIds } = await buildExportSet(tx, user.tenantId);
    await auditFullExport(tx, personIds, set, 'csv');
    return { zip: writeZip(exportSetToCsvFiles(set), tx.now), filename: `bolignu-eksport-${osloDay(tx.now)}.zip` };
  });
}

/** All data as the one JSON file of the exchange format. */
export async function exportJson(ctx: Ctx): Promise<{ json: string; filename: string }> {
  const user = requirePermission(ctx, 'data:export');
  return inTransaction(ctx, async (tx) => {
    const { set, personIds } = await buildExportSet(tx, user.tenantId);
    await auditFullExport(tx, personIds, set, 'json');
    const doc = { format: jsonFormatName, version: 1, exportedAt: tx.now.toISOString(), ...set };
    return { json: JSON.stringify(doc, null, 2), filename: `bolignu-eksport-${osloDay(tx.now)}.json` };
  });
}

export const pseudonymisedColumns = {
  rooms: ['room', 'house', 'name', 'capacity', 'isCrisisRoom', 'takesCouples'],
  people: ['person', 'birthYear', 'idType'],
  referrals: ['referral', 'person', 'partner', 'receivedOn', 'situation', 'previousStay', 'nowhereToSleepTonight', 'consentToShare', 'status'],
  decisions: ['decision', 'referral', 'decidedOn', 'outcome', 'room', 'fromOn', 'plannedEndOn', 'offerStatus'],
  stays: ['stay', 'person', 'partner', 'room', 'referral', 'startOn', 'plannedEndOn', 'endOn', 'nights', 'destination', 'wasPlanned'],
} as const;

/**
 * A data set for analysts: no names, identity numbers, contact details or free text; birth year in
 * place of birth date; every person, referral, decision and stay under a keyed pseudonym. The key is
 * random per export and thrown away, so pseudonyms join the files of one download and nothing else.
 * One audit event with counts (the file identifies nobody, so there is no per-person read to log).
 */
export async function exportPseudonymisedZip(ctx: Ctx): Promise<{ zip: Buffer; filename: string }> {
  const user = requirePermission(ctx, 'data:export:pseudonymised');
  return inTransaction(ctx, async (tx) => {
    const rows = await q.exportRows(tx.db, user.tenantId);
    const key = randomBytes(32);
    const p = (kind: string, id: string | null) => (id ? pseudonym(key, kind, id) : null);
    const houseName = new Map(rows.houseRows.map((h) => [h.id, h.name]));
    const room = (id: string | null) => (id ? `R-${rows.roomRows.findIndex((r) => r.id === id) + 1}` : null);
    const sortBy = (k: string) => (a: Row, b: Row) => String(a[k]).localeCompare(String(b[k]));
    const tables: Record<keyof typeof pseudonymisedColumns, Row[]> = {
      rooms: rows.roomRows.map((r) => ({ room: room(r.id), house: houseName.get(r.houseId) ?? null, name: r.name, capacity: r.capacity, isCrisisRoom: r.isCrisisRoom, takesCouples: r.takesCouples })),
      people: rows.personRows.map((x) => ({ person: p('person', x.id), birthYear: birthYear(x.birthDateOn), idType: x.idType })).sort(sortBy('person')),
      referrals: rows.referralRows
        .map((r) => ({
          referral: p('referral', r.id),
          person: p('person', r.personId),
          partner: p('person', r.partnerPersonId),
          receivedOn: osloDay(r.receivedAt),
          situation: r.situation,
          previousStay: r.previousStay,
          nowhereToSleepTonight: r.nowhereToSleepTonight,
          consentToShare: r.consentToShare,
          status: r.status,
        }))
        .sort(sortBy('referral')),
      decisions: rows.decisionRows
        .map(({ decision: d, offer: o }) => ({
          decision: p('decision', d.id),
          referral: p('referral', d.referralId),
          decidedOn: osloDay(d.decidedAt),
          outcome: d.outcome,
          room: room(d.roomId),
          fromOn: d.fromOn,
          plannedEndOn: d.plannedEndOn,
          offerStatus: o?.status ?? null,
        }))
        .sort(sortBy('decision')),
      stays: rows.stayRows
        .map(({ stay: s, moveOut: m }) => ({
          stay: p('stay', s.id),
          person: p('person', s.personId),
          partner: p('person', s.partnerPersonId),
          room: room(s.roomId),
          referral: p('referral', s.referralId),
          startOn: s.startOn,
          plannedEndOn: s.plannedEndOn,
          endOn: s.endOn,
          nights: s.endOn ? nightsBetween(s.startOn, s.endOn) : null,
          destination: m?.destination ?? null,
          wasPlanned: m?.wasPlanned ?? null,
        }))
        .sort(sortBy('stay')),
    };
    await recordEvent(tx, {
      action: 'data.export_pseudonymised',
      entityType: 'data_export',
      purpose: 'administration',
      details: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])),
    });
    const files = (Object.keys(pseudonymisedColumns) as (keyof typeof pseudonymisedColumns)[]).map((k) => ({
      name: `${k}.csv`,
      data: Buffer.from(toCsv(pseudonymisedColumns[k], tables[k].map((r) => pseudonymisedColumns[k].map((c) => r[c]))), 'utf8'),
    }));
    return { zip: writeZip(files, tx.now), filename: `bolignu-pseudonymisert-${osloDay(tx.now)}.zip` };
  });
}
