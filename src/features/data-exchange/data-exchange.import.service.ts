import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent, recordEvents } from '../../platform/audit/audit.service.ts';
import { translate, translateIssue } from '../../platform/i18n/i18n.ts';
import type { ImportInput, ImportIssue, ImportReport } from './data-exchange.schema.ts';
import { readUploadedFiles, validateRows, type RawIssue } from './data-exchange.rules.ts';
import { planImport, type ImportPlan, type ParsedFiles } from './data-exchange.import.plan.ts';
import { exchangeEntities } from './data-exchange.tables.ts';
import * as q from './data-exchange.queries.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { nationalIdHash, openNationalId, sealNationalId, type FieldKeys } from '../../platform/crypto/field-crypto.ts';

const sealedNationalId = (keys: FieldKeys, nationalId: string | null) => ({
  nationalIdSealed: nationalId && sealNationalId(keys, nationalId),
  nationalIdHash: nationalId && nationalIdHash(keys, nationalId),
});

const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

function toIssues(ctx: Ctx, issues: RawIssue[]): ImportIssue[] {
  return issues.map((i) => ({
    file: i.file,
    entity: i.entity,
    row: i.row,
    column: i.column,
    message: i.zodIssue ? translateIssue(ctx.locale, i.zodIssue) : translate(ctx.locale, i.key ?? 'validation.invalid', i.params),
  }));
}

/**
 * Imports historic data from the documented CSV files or the JSON format. Every row is checked and
 * every error reported; if there is one, nothing is written (one transaction). Rows imported before
 * (same file id) are left alone, so importing the same file twice changes nothing. With dryRun the
 * report says what would be created, and nothing is written either way.
 */
export async function importData(ctx: Ctx, input: ImportInput): Promise<ImportReport> {
  const user = requirePermission(ctx, 'data:import');
  const { tables, issues } = readUploadedFiles(input.files);
  const refusedIds = Object.fromEntries(exchangeEntities.map((e) => [e, new Set<string>()])) as ParsedFiles['refusedIds'];
  const files: ParsedFiles = {
    houses: validateRows('houses', tables.houses, issues, refusedIds.houses),
    rooms: validateRows('rooms', tables.rooms, issues, refusedIds.rooms),
    people: validateRows('people', tables.people, issues, refusedIds.people),
    referrals: validateRows('referrals', tables.referrals, issues, refusedIds.referrals),
    decisions: validateRows('decisions', tables.decisions, issues, refusedIds.decisions),
    stays: validateRows('stays', tables.stays, issues, refusedIds.stays),
    refusedIds,
  };
  return inTransaction(ctx, async (tx) => {
    await q.lockTenantImports(tx.db, user.tenantId);
    const [stored, mappings] = await Promise.all([q.loadExistingState(tx.db, user.tenantId), q.loadMappings(tx.db, user.tenantId)]);
    // Identity numbers are stored encrypted (ADR 006); the plan compares them in plain, in memory.
    const existing = {
      ...stored,
      personRows: stored.personRows.map((p) => ({ id: p.id, nationalId: openNationalId(tx.env.fieldKeys, p.nationalIdSealed) })),
    };
    const plan = planImport(files, existing, mappings, issues, { allowSyntheticIds: ctx.env.ALLOW_SYNTHETIC_IDS });
    const report = (outcome: ImportReport['outcome']): ImportReport => ({ outcome, dryRun: input.dryRun, errors: toIssues(ctx, issues), entities: plan.counts });
    if (issues.length > 0) return report('invalid');
    if (input.dryRun) return report('valid');
    await writePlan(tx, user, plan);
    await recordEvent(tx, {
      action: 'data.import',
      entityType: 'data_import',
      purpose: 'administration',
      // Counts only: never a value from the files.
      details: { files: input.files.length, ...Object.fromEntries(plan.counts.map((c) => [c.entity, { created: c.created, existing: c.existing }])) },
    });
    return report('imported');
  });
}

async function writePlan(ctx: Ctx, user: CurrentUser, plan: ImportPlan) {
  const tenantId = user.tenantId;
  const db = ctx.db;
  await q.insertHouses(db, plan.houses.map((h) => ({ id: h.id, tenantId, name: h.data.name, streetAddress: h.data.streetAddress, postalCode: h.data.postalCode, city: h.data.city })));
  await q.insertRooms(
    db,
    plan.rooms.map((r) => ({ id: r.id, tenantId, houseId: r.refs.houseId!, name: r.data.name, capacity: r.data.capacity, isCrisisRoom: r.data.isCrisisRoom, takesCouples: r.data.takesCouples })),
  );
  await q.insertPeople(
    db,
    plan.people.map(({ id, data: p }) => ({
      id,
      tenantId,
      givenName: p.givenName,
      familyName: p.familyName,
      birthDateOn: p.birthDate ?? null,
      idType: p.idType,
      ...sealedNationalId(ctx.env.fieldKeys, p.idType === 'fnr' || p.idType === 'dnr' ? p.nationalId! : null),
      otherIdDescription: p.idType === 'other' ? (p.otherIdDescription ?? null) : null,
      phone: p.phone ?? null,
      email: p.email ?? null,
      preferredLanguage: p.preferredLanguage,
      hasProtectedAddress: p.hasProtectedAddress,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })),
  );
  // Each person's own access log shows that the record came in by an import.
  await recordEvents(
    ctx,
    plan.people.map((p) => ({ action: 'person.import', entityType: 'person', entityId: p.id, personId: p.id, purpose: 'registration', details: { idType: p.data.idType } })),
  );

  const decidedAtByReferral = new Map(plan.decisions.map((d) => [d.refs.referralId, new Date(d.data.decidedAt)]));
  await q.insertReferrals(
    db,
    plan.referrals.map(({ id, data: r, refs, status }) => ({
      id,
      tenantId,
      personId: refs.personId!,
      partnerPersonId: refs.partnerPersonId ?? null,
      referredBy: null,
      receivedAt: new Date(r.receivedAt),
      situation: r.situation,
      situationOther: r.situationOther ?? null,
      previousStay: r.previousStay,
      nowhereToSleepTonight: r.nowhereToSleepTonight,
      needs: r.needs ?? null,
      consentToShare: r.consentToShare,
      caseworkerName: r.caseworkerName,
      navOffice: r.navOffice ?? null,
      status,
      statusChangedAt: decidedAtByReferral.get(id) ?? new Date(r.receivedAt),
    })),
  );
  await q.insertDecisions(
    db,
    plan.decisions.map(({ id, data: d, refs }) => ({
      id,
      tenantId,
      referralId: refs.referralId!,
      // A historic decision has no user here; the one who imported it stands as its recorder.
      decidedBy: user.id,
      decidedAt: new Date(d.decidedAt),
      outcome: d.outcome,
      reasons: d.reasons,
      roomId: refs.roomId ?? null,
      fromOn: d.fromOn ?? null,
      plannedEndOn: d.plannedEndOn ?? null,
    })),
  );
  await q.insertOffers(
    db,
    plan.decisions
      .filter((d) => d.offerId)
      .map(({ id, data: d, refs, offerId }) => ({
        id: offerId!,
        tenantId,
        decisionId: id,
        referralId: refs.referralId!,
        roomId: refs.roomId!,
        fromOn: d.fromOn!,
        plannedEndOn: d.plannedEndOn!,
        expiresAt: addDays(new Date(d.decidedAt), 1),
        status: d.offerStatus!,
        respondedAt: d.offerRespondedAt ? new Date(d.offerRespondedAt) : null,
        respondedBy: null,
        declineReason: d.declineReason ?? null,
      })),
  );
  await q.insertStays(
    db,
    plan.stays.map(({ id, data: s, refs, offerId }) => ({
      id,
      tenantId,
      roomId: refs.roomId!,
      personId: refs.personId!,
      partnerPersonId: refs.partnerPersonId ?? null,
      referralId: refs.referralId ?? null,
      offerId,
      startOn: s.startOn,
      plannedEndOn: s.plannedEndOn,
      endOn: s.endOn ?? null,
      checkedInAt: new Date(`${s.startOn}T12:00:00.000Z`),
      checkedInBy: null,
    })),
  );
  await q.insertMoveOuts(
    db,
    plan.stays
      .filter((s) => s.data.destination)
      .map(({ id, data: s }) => ({
        tenantId,
        stayId: id,
        movedOutOn: s.endOn!,
        destination: s.destination!,
        destinationNote: s.destinationNote ?? null,
        wasPlanned: s.wasPlanned,
        // Historic move-outs are recorded as completed: keys back and room checked.
        keysReturned: true,
        roomChecked: true,
        recordedBy: user.id,
        recordedAt: ctx.now,
      })),
  );
  await q.markRoomsOccupied(db, tenantId, [...new Set(plan.stays.filter((s) => !s.data.endOn).map((s) => s.refs.roomId!))], ctx.now, user.id);
  await q.insertMappings(
    db,
    exchangeEntities.flatMap((entity) =>
      plan[entity].map((r) => ({ tenantId, entity, externalId: r.externalId, internalId: r.id, importedAt: ctx.now })),
    ),
  );
}
