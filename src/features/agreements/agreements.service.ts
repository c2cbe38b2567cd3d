import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { renderPdf } from '../../platform/pdf/render.ts';
import { agreementsError } from './agreements.errors.ts';
import { changedSections, latestEndOn, osloDay, periodWithinLimit, signedDateProblem } from './agreements.rules.ts';
import type {
  AgreementContent,
  AgreementOutput,
  AgreementOverviewRow,
  AgreementTemplateContent,
  HouseRulesVersionOutput,
  StayAgreementsOutput,
  StayForAgreement,
} from './agreements.schema.ts';
import { agreementDocument } from './agreements.pdf.ts';
import { toHouseRulesOutput } from './house-rules.service.ts';
import * as hq from './house-rules.queries.ts';
import * as q from './agreements.queries.ts';

// Reading an agreement is reading the resident's record: each read goes to their access log.
const readPurpose = 'follow_up';

function stayOutput(s: q.StayForAgreementRow): StayForAgreement {
  return {
    id: s.id,
    personId: s.personId,
    residentName: `${s.givenName} ${s.familyName}`,
    residentBirthDate: s.birthDateOn,
    partnerName: s.partnerGivenName ? `${s.partnerGivenName} ${s.partnerFamilyName ?? ''}`.trim() : null,
    roomName: s.roomName,
    houseName: s.houseName,
    startOn: s.startOn,
    plannedEndOn: s.plannedEndOn,
    endOn: s.endOn,
    latestEndOn: latestEndOn(s.startOn),
  };
}

function agreementOutput(r: q.AgreementRow, houseRules: HouseRulesVersionOutput | null): AgreementOutput {
  const a = r.agreement;
  return {
    id: a.id,
    stayId: a.stayId,
    version: a.version,
    fromOn: a.fromOn,
    toOn: a.toOn,
    content: a.content as AgreementContent,
    houseRules,
    templateVersion: r.templateVersion,
    signedOn: a.signedOn,
    createdAt: a.createdAt.toISOString(),
    createdByName: r.createdByName,
  };
}

/** The house rules versions the given agreement rows point to, read once each. */
async function houseRulesFor(db: Db, tenantId: string, rows: q.AgreementRow[]) {
  const ids = [...new Set(rows.map((r) => r.agreement.houseRulesVersionId).filter((id): id is string => id !== null))];
  const found = await Promise.all(ids.map((id) => hq.findHouseRulesVersion(db, tenantId, id)));
  const byId = new Map(found.filter((r) => r !== undefined).map((r) => [r.id, toHouseRulesOutput(r)]));
  return (id: string | null) => (id ? (byId.get(id) ?? null) : null);
}

async function recordReads(ctx: Ctx, stay: q.StayForAgreementRow, action: string) {
  await recordAccess(ctx, stay.personId, readPurpose, action);
  if (stay.partnerPersonId) await recordAccess(ctx, stay.partnerPersonId, readPurpose, action);
}

async function loadStay(ctx: Ctx, tenantId: string, stayId: string) {
  const stay = await q.findStayForAgreement(ctx.db, tenantId, stayId);
  if (!stay) throw agreementsError('stay.not_found');
  return stay;
}

/** The stay and every version of its agreement, newest first (a logged read of the resident's data). */
export async function getStayAgreements(ctx: Ctx, stayId: string): Promise<StayAgreementsOutput> {
  const user = requirePermission(ctx, 'agreement:read');
  return inTransaction(ctx, async (tx) => {
    const stay = await loadStay(tx, user.tenantId, stayId);
    const rows = await q.listAgreementsForStay(tx.db, user.tenantId, stayId);
    const rules = await houseRulesFor(tx.db, user.tenantId, rows);
    await recordReads(tx, stay, 'agreement.read');
    return { stay: stayOutput(stay), agreements: rows.map((r) => agreementOutput(r, rules(r.agreement.houseRulesVersionId))) };
  });
}

/** One version of an agreement (a logged read of the resident's data). */
export async function getAgreement(ctx: Ctx, agreementId: string): Promise<AgreementOutput> {
  const user = requirePermission(ctx, 'agreement:read');
  return inTransaction(ctx, async (tx) => {
    const row = await q.findAgreement(tx.db, user.tenantId, agreementId);
    if (!row) throw agreementsError('agreement.not_found');
    const stay = await loadStay(tx, user.tenantId, row.agreement.stayId);
    await recordReads(tx, stay, 'agreement.read');
    return agreementOutput(row, (await houseRulesFor(tx.db, user.tenantId, [row]))(row.agreement.houseRulesVersionId));
  });
}

/**
 * Makes version 1 of the stay's agreement from the current template: the stay's period (at most
 * three months), the template's sections, consents until the planned move-out, and the house rules
 * version the household accepted at check-in (or, if none was recorded, the current one).
 */
export async function createAgreement(ctx: Ctx, stayId: string): Promise<AgreementOutput> {
  const user = requirePermission(ctx, 'agreement:write');
  return inTransaction(ctx, async (tx) => {
    const stay = await loadStay(tx, user.tenantId, stayId);
    if (stay.endOn) throw agreementsError('agreement.stay_ended');
    if ((await q.latestVersionForStay(tx.db, stayId)) > 0) throw agreementsError('agreement.already_exists');
    if (!periodWithinLimit(stay.startOn, stay.plannedEndOn)) {
      throw agreementsError('agreement.period_too_long', { meta: { public: { latestEndOn: latestEndOn(stay.startOn) } } });
    }
    const template = await q.findCurrentTemplate(tx.db, user.tenantId);
    if (!template) throw agreementsError('agreement.no_template');
    const houseRules = (await hq.findAcceptedHouseRules(tx.db, user.tenantId, stayId)) ?? (await hq.findCurrentHouseRules(tx.db, user.tenantId));
    if (!houseRules) throw agreementsError('agreement.no_house_rules');

    const t = template.template.content as AgreementTemplateContent;
    const content: AgreementContent = {
      introduction: t.introduction,
      goals: t.goals,
      followUpPlan: t.followUpPlan,
      services: t.services,
      consents: t.consents.map((c) => ({ party: c.party, purpose: c.purpose, untilOn: stay.plannedEndOn })),
      paymentTerms: t.paymentTerms,
      houseRulesText: t.houseRulesText,
    };
    const values = {
      tenantId: user.tenantId,
      stayId,
      version: 1,
      fromOn: stay.startOn,
      toOn: stay.plannedEndOn,
      content,
      houseRulesVersionId: houseRules.id,
      templateId: template.template.id,
      createdAt: tx.now,
      createdBy: user.id,
    };
    let row;
    try {
      // A savepoint: two staff creating the agreement at once; the unique (stay, version) index stops the second.
      row = await tx.db.transaction((savepoint) => q.insertAgreement(savepoint as unknown as Db, values));
    } catch (err) {
      if (isUniqueViolation(err, 'agreements_stay_version_unique')) throw agreementsError('agreement.already_exists');
      throw err;
    }
    await recordEvent(tx, {
      action: 'agreement.create',
      entityType: 'agreement',
      entityId: row.id,
      personId: stay.personId,
      purpose: readPurpose,
      details: { stayId, version: 1, templateVersion: template.template.version, houseRulesVersion: houseRules.version },
    });
    return agreementOutput({ agreement: row, createdByName: user.displayName, templateVersion: template.template.version }, toHouseRulesOutput(houseRules));
  });
}

/** Consents must last at least until the agreement starts; checked here because the schema does not know the period. */
function assertConsents(ctx: Ctx, content: AgreementContent, fromOn: string) {
  const fields: Record<string, string> = {};
  content.consents.forEach((c, i) => {
    if (c.untilOn < fromOn) fields[`consents.${i}.untilOn`] = agreementsError.definitions['agreement.consent_until_before_start'][ctx.locale];
  });
  if (Object.keys(fields).length) throw agreementsError('agreement.consent_until_before_start', { fields });
}

/**
 * Changes the agreement: the change is a new version (version + 1) and the version changed stays as it
 * was, signed or not. Only the newest version can be changed, so two people editing at once cannot
 * overwrite each other.
 */
export async function updateAgreement(ctx: Ctx, agreementId: string, content: AgreementContent): Promise<AgreementOutput> {
  const user = requirePermission(ctx, 'agreement:write');
  return inTransaction(ctx, async (tx) => {
    const before = await q.findAgreement(tx.db, user.tenantId, agreementId);
    if (!before) throw agreementsError('agreement.not_found');
    const b = before.agreement;
    assertConsents(tx, content, b.fromOn);
    if ((await q.latestVersionForStay(tx.db, b.stayId)) !== b.version) throw agreementsError('agreement.not_latest');
    const changed = changedSections(b.content, content);
    if (changed.length === 0) throw agreementsError('agreement.unchanged');
    const stay = await loadStay(tx, user.tenantId, b.stayId);
    const values = {
      tenantId: user.tenantId,
      stayId: b.stayId,
      version: b.version + 1,
      fromOn: b.fromOn,
      toOn: b.toOn,
      content,
      houseRulesVersionId: b.houseRulesVersionId,
      templateId: b.templateId,
      createdAt: tx.now,
      createdBy: user.id,
    };
    let row;
    try {
      row = await tx.db.transaction((savepoint) => q.insertAgreement(savepoint as unknown as Db, values));
    } catch (err) {
      if (isUniqueViolation(err, 'agreements_stay_version_unique')) throw agreementsError('agreement.not_latest');
      throw err;
    }
    await recordEvent(tx, {
      action: 'agreement.update',
      entityType: 'agreement',
      entityId: row.id,
      personId: stay.personId,
      purpose: readPurpose,
      details: { stayId: b.stayId, version: row.version, previousVersion: b.version, changed },
    });
    const rules = await houseRulesFor(tx.db, user.tenantId, [before]);
    return agreementOutput({ agreement: row, createdByName: user.displayName, templateVersion: before.templateVersion }, rules(row.houseRulesVersionId));
  });
}

/** Records the day a version was signed: not in the future, not before the version was made, once. */
export async function signAgreement(ctx: Ctx, agreementId: string, signedOn: string): Promise<AgreementOutput> {
  const user = requirePermission(ctx, 'agreement:write');
  return inTransaction(ctx, async (tx) => {
    const row = await q.findAgreement(tx.db, user.tenantId, agreementId);
    if (!row) throw agreementsError('agreement.not_found');
    if (row.agreement.signedOn) throw agreementsError('agreement.already_signed');
    const problem = signedDateProblem(signedOn, osloDay(tx.now), osloDay(row.agreement.createdAt));
    if (problem === 'in_future') throw agreementsError('agreement.signed_in_future');
    if (problem === 'before_created') throw agreementsError('agreement.signed_before_created');
    // The update only touches an unsigned row, so two staff recording at once cannot both succeed.
    if (!(await q.setSignedOn(tx.db, user.tenantId, agreementId, signedOn))) throw agreementsError('agreement.already_signed');
    const stay = await loadStay(tx, user.tenantId, row.agreement.stayId);
    await recordEvent(tx, {
      action: 'agreement.sign',
      entityType: 'agreement',
      entityId: agreementId,
      personId: stay.personId,
      purpose: readPurpose,
      details: { stayId: stay.id, version: row.agreement.version, changed: ['signedOn'] },
    });
    const rules = await houseRulesFor(tx.db, user.tenantId, [row]);
    return agreementOutput({ ...row, agreement: { ...row.agreement, signedOn } }, rules(row.agreement.houseRulesVersionId));
  });
}

/** The agreement as a PDF for signature (a logged read). The file name holds no personal data. */
export async function agreementPdf(ctx: Ctx, agreementId: string): Promise<{ pdf: Buffer; filename: string }> {
  const user = requirePermission(ctx, 'agreement:read');
  const { agreement, stay } = await inTransaction(ctx, async (tx) => {
    const row = await q.findAgreement(tx.db, user.tenantId, agreementId);
    if (!row) throw agreementsError('agreement.not_found');
    const stayRow = await loadStay(tx, user.tenantId, row.agreement.stayId);
    await recordReads(tx, stayRow, 'agreement.print');
    const rules = await houseRulesFor(tx.db, user.tenantId, [row]);
    return { agreement: agreementOutput(row, rules(row.agreement.houseRulesVersionId)), stay: stayRow };
  });
  const pdf = await renderPdf(agreementDocument(agreement, stay, agreement.houseRules), { title: `Bo- og oppfølgingsavtale, versjon ${agreement.version}` });
  return { pdf, filename: `bo-og-oppfolgingsavtale-v${agreement.version}.pdf` };
}

/**
 * Current stays (no move-out yet) with the newest version of their agreement, for the overview. It
 * shows the name and room as the room board does; the agreement itself is read (and logged) when opened.
 */
export async function listAgreementOverview(ctx: Ctx): Promise<AgreementOverviewRow[]> {
  const user = requirePermission(ctx, 'agreement:read');
  const rows = await q.listCurrentStaysWithLatestAgreement(ctx.db, user.tenantId);
  return rows.map((r) => ({
    stayId: r.stayId,
    residentName: `${r.givenName} ${r.familyName}`,
    roomName: r.roomName,
    startOn: r.startOn,
    plannedEndOn: r.plannedEndOn,
    agreementId: r.agreementId,
    version: r.version,
    signedOn: r.signedOn,
  }));
}
