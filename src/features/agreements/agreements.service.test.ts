import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildPerson } from '../people/people.factory.ts';
import { agreements, agreementTemplates } from './agreements.tables.ts';
import { buildAcceptance, buildHouseRules, buildStay } from './agreements.factory.ts';
import { defaultTemplateContent, seedAgreementTemplate } from './agreements.seed.ts';
import { agreementContent, type AgreementContent } from './agreements.schema.ts';
import { getAgreementTemplate, listAgreementTemplateVersions, saveAgreementTemplate } from './agreement-template.service.ts';
import {
  agreementPdf,
  createAgreement,
  getAgreement,
  getStayAgreements,
  listAgreementOverview,
  signAgreement,
  updateAgreement,
} from './agreements.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let navId: string;
let steeringId: string;
let houseRulesV1: string;
let house: Awaited<ReturnType<typeof buildHouse>>;

const now = new Date('2026-11-26T10:00:00+01:00');

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db, { name: 'Bodø kommune' })).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], displayName: 'Siri Ansatt' })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'], displayName: 'Lars Leder' })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  steeringId = (await buildUser(database.db, { tenantId, roles: ['steering_group'] })).id;
  houseRulesV1 = (await buildHouseRules(database.db, { tenantId, version: 1, rules: ['Besøk er tillatt mellom kl. 10 og 22.', 'Røyking bare ute.'] })).id;
  await buildHouseRules(database.db, { tenantId, version: 2, rules: ['Ro i huset mellom kl. 23 og 07.', 'Ingen rusmidler.', 'Røyking bare ute.'] });
  await seedAgreementTemplate(database.db, tenantId, new Date('2026-10-01T10:00:00Z'));
  house = await buildHouse(database.db, { tenantId, name: 'Bolig Nu', streetAddress: 'Kongens gate 60', postalCode: '8006', city: 'Bodø' });
});
afterAll(() => database.close());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** A stay in a room of its own, for a person of its own (so tests do not collide on room or person). */
async function stay(options: { startOn?: string; plannedEndOn?: string; endOn?: string; givenName?: string; familyName?: string; birthDateOn?: string; partner?: boolean } = {}) {
  const room = await buildRoom(database.db, { house });
  const person = await buildPerson(database.db, {
    tenantId,
    givenName: options.givenName ?? 'Kari',
    familyName: options.familyName ?? 'Nordmann',
    ...(options.birthDateOn ? { birthDateOn: options.birthDateOn } : {}),
  });
  const partner = options.partner ? await buildPerson(database.db, { tenantId, givenName: 'Åse', familyName: 'Partner' }) : null;
  const row = await buildStay(database.db, {
    room,
    person,
    startOn: options.startOn ?? '2026-11-02',
    plannedEndOn: options.plannedEndOn ?? '2027-01-02',
    endOn: options.endOn ?? null,
    partnerPersonId: partner?.id ?? null,
  });
  return { stay: row, room, person, partner };
}

const ctxFor = (userId: string, at: Date = now) => contextFor(database, userId, { now: at });
const agreementsOf = (stayId: string) => database.db.select().from(agreements).where(eq(agreements.stayId, stayId));
const auditOf = (action: string, personId: string) =>
  database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.personId, personId)));

const edited = (content: AgreementContent, change: Partial<AgreementContent>) => agreementContent.parse({ ...content, ...change });

describe('createAgreement', () => {
  it('makes version 1 from the template: the stay’s period, the sections, consents until move-out, the current house rules', async () => {
    const s = await stay();
    const created = await createAgreement(await ctxFor(staffId), s.stay.id);
    expect(created).toMatchObject({
      stayId: s.stay.id,
      version: 1,
      fromOn: '2026-11-02',
      toOn: '2027-01-02',
      templateVersion: 1,
      signedOn: null,
      createdByName: 'Siri Ansatt',
      houseRules: { version: 2 },
    });
    expect(created.content.introduction).toContain('Dette er ikke en husleiekontrakt');
    expect(created.content.goals).toEqual(defaultTemplateContent.goals);
    expect(created.content.services.map((x) => x.name)).toEqual(['NAV', 'Boligkontoret', 'Helse- og omsorgstjenesten', 'Psykisk helse- og rustjenesten']);
    expect(created.content.consents.every((c) => c.untilOn === '2027-01-02')).toBe(true);
    expect(created.content.paymentTerms).toMatch(/300 kr per døgn.*9 000 kr per kalendermåned/s);

    const [audit] = await auditOf('agreement.create', s.person.id);
    expect(audit).toMatchObject({ kind: 'write', actorUserId: staffId, entityId: created.id, details: { stayId: s.stay.id, version: 1, templateVersion: 1, houseRulesVersion: 2 } });
    expect(JSON.stringify(audit)).not.toContain('Kari');
  });

  it('uses the house rules version the household accepted at check-in, even when a newer one exists', async () => {
    const s = await stay();
    await buildAcceptance(database.db, { tenantId, stayId: s.stay.id, versionId: houseRulesV1 });
    const created = await createAgreement(await ctxFor(staffId), s.stay.id);
    expect(created.houseRules).toMatchObject({ id: houseRulesV1, version: 1, rules: ['Besøk er tillatt mellom kl. 10 og 22.', 'Røyking bare ute.'] });
  });

  it('allows exactly three months and refuses a day more (422), writing nothing', async () => {
    const ok = await stay({ startOn: '2026-11-30', plannedEndOn: '2027-02-28' });
    expect((await createAgreement(await ctxFor(staffId), ok.stay.id)).toOn).toBe('2027-02-28');

    const tooLong = await stay({ startOn: '2026-11-30', plannedEndOn: '2027-03-01' });
    const err = await rejection(createAgreement(await ctxFor(staffId), tooLong.stay.id));
    expect(err).toMatchObject({ code: 'agreement.period_too_long', status: 422, meta: { public: { latestEndOn: '2027-02-28' } } });
    expect(err.definition.nb).toMatch(/lengre enn tre måneder/);
    expect(await agreementsOf(tooLong.stay.id)).toEqual([]);
    expect(await auditOf('agreement.create', tooLong.person.id)).toEqual([]);
  });

  it('refuses a second agreement for the stay (409) and an ended stay (422)', async () => {
    const s = await stay();
    await createAgreement(await ctxFor(staffId), s.stay.id);
    expect(await rejection(createAgreement(await ctxFor(leadId), s.stay.id))).toMatchObject({ code: 'agreement.already_exists', status: 409 });
    expect(await agreementsOf(s.stay.id)).toHaveLength(1);

    const ended = await stay({ startOn: '2026-09-01', plannedEndOn: '2026-11-01', endOn: '2026-10-20' });
    expect(await rejection(createAgreement(await ctxFor(staffId), ended.stay.id))).toMatchObject({ code: 'agreement.stay_ended', status: 422 });
  });

  it('treats a stay of another municipality as not found', async () => {
    const otherTenant = (await buildTenant(database.db)).id;
    const room = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId: otherTenant }) });
    const foreign = await buildStay(database.db, { room, person: await buildPerson(database.db, { tenantId: otherTenant }) });
    expect(await rejection(createAgreement(await ctxFor(staffId), foreign.id))).toMatchObject({ code: 'stay.not_found', status: 404 });
    expect(await rejection(getStayAgreements(await ctxFor(staffId), foreign.id))).toMatchObject({ status: 404 });
    expect(await agreementsOf(foreign.id)).toEqual([]);
  });

  it('needs a saved template and published house rules (422)', async () => {
    const t2 = (await buildTenant(database.db)).id;
    const staff2 = (await buildUser(database.db, { tenantId: t2, roles: ['staff'] })).id;
    const room = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId: t2 }) });
    const s = await buildStay(database.db, { room, person: await buildPerson(database.db, { tenantId: t2 }) });
    expect((await rejection(createAgreement(await ctxFor(staff2), s.id))).code).toBe('agreement.no_template');
    await seedAgreementTemplate(database.db, t2, now);
    expect((await rejection(createAgreement(await ctxFor(staff2), s.id))).code).toBe('agreement.no_house_rules');
    expect(await agreementsOf(s.id)).toEqual([]);
  });

  it('refuses the NAV caseworker and the steering group (403) and writes nothing', async () => {
    const s = await stay();
    for (const id of [navId, steeringId]) {
      expect(await rejection(createAgreement(await ctxFor(id), s.stay.id))).toMatchObject({ code: 'auth.forbidden', status: 403 });
      expect((await rejection(getStayAgreements(await ctxFor(id), s.stay.id))).status).toBe(403);
      expect((await rejection(listAgreementOverview(await ctxFor(id)))).status).toBe(403);
    }
    expect(await agreementsOf(s.stay.id)).toEqual([]);
  });
});

describe('updateAgreement', () => {
  it('saves a change as version 2 and keeps version 1 (signed) as it was; the audit row names the sections', async () => {
    const s = await stay();
    const v1 = await createAgreement(await ctxFor(staffId, new Date('2026-11-02T13:00:00+01:00')), s.stay.id);
    await signAgreement(await ctxFor(staffId), v1.id, '2026-11-03');
    const v2 = await updateAgreement(await ctxFor(leadId), v1.id, edited(v1.content, { goals: ['Få kommunal bolig innen januar.'], paymentTerms: 'Ingen egenbetaling: sosialhjelp.' }));
    expect(v2).toMatchObject({ version: 2, fromOn: v1.fromOn, toOn: v1.toOn, signedOn: null, createdByName: 'Lars Leder', houseRules: { id: v1.houseRules!.id } });
    expect(v2.content.goals).toEqual(['Få kommunal bolig innen januar.']);

    const rows = await agreementsOf(s.stay.id);
    expect(rows.map((r) => [r.version, r.signedOn])).toEqual(expect.arrayContaining([[1, '2026-11-03'], [2, null]]));
    expect(rows.find((r) => r.version === 1)!.content).toEqual(v1.content);

    const [audit] = await auditOf('agreement.update', s.person.id);
    expect(audit!.details).toEqual({ stayId: s.stay.id, version: 2, previousVersion: 1, changed: ['goals', 'paymentTerms'] });
    expect(JSON.stringify(audit)).not.toContain('kommunal bolig');

    const all = await getStayAgreements(await ctxFor(staffId), s.stay.id);
    expect(all.agreements.map((a) => a.version)).toEqual([2, 1]);
  });

  it('refuses a change to an older version (409), and a change that changes nothing (422)', async () => {
    const s = await stay();
    const v1 = await createAgreement(await ctxFor(staffId), s.stay.id);
    await updateAgreement(await ctxFor(staffId), v1.id, edited(v1.content, { goals: ['Mål A'] }));
    expect(await rejection(updateAgreement(await ctxFor(staffId), v1.id, edited(v1.content, { goals: ['Mål B'] })))).toMatchObject({
      code: 'agreement.not_latest',
      status: 409,
    });
    const latest = (await getStayAgreements(await ctxFor(staffId), s.stay.id)).agreements[0]!;
    expect(await rejection(updateAgreement(await ctxFor(staffId), latest.id, latest.content))).toMatchObject({ code: 'agreement.unchanged', status: 422 });
    expect(await agreementsOf(s.stay.id)).toHaveLength(2);
  });

  it('refuses a consent that ends before the agreement starts (400 with the field) and writes nothing', async () => {
    const s = await stay();
    const v1 = await createAgreement(await ctxFor(staffId), s.stay.id);
    const consents = v1.content.consents.map((c, i) => (i === 1 ? { ...c, untilOn: '2026-10-01' } : c));
    const err = await rejection(updateAgreement(await ctxFor(staffId), v1.id, edited(v1.content, { consents })));
    expect(err).toMatchObject({ status: 400, fields: { 'consents.1.untilOn': 'Samtykket kan ikke gjelde til en dato før avtalen starter.' } });
    expect(await agreementsOf(s.stay.id)).toHaveLength(1);
  });

  it('the shared schema wants at least one goal and complete follow-up lines', () => {
    const base = { ...defaultTemplateContent, consents: [] };
    const issues = (value: unknown) => agreementContent.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ ...base, goals: [] })).toEqual([['goals', 'agreements.validation.goalsMin']]);
    expect(issues({ ...base, followUpPlan: [{ what: 'Samtale', who: '', frequency: 'Ukentlig' }] })).toEqual([['followUpPlan.0.who', 'validation.required']]);
    expect(issues({ ...base, consents: [{ party: 'NAV', purpose: 'Stønad', untilOn: '31.12.2026' }] })![0]).toEqual(['consents.0.untilOn', 'validation.invalidDate']);
    expect(issues(base)).toBeUndefined();
  });

  it('refuses the NAV caseworker and the steering group (403)', async () => {
    const s = await stay();
    const v1 = await createAgreement(await ctxFor(staffId), s.stay.id);
    for (const id of [navId, steeringId]) {
      expect((await rejection(updateAgreement(await ctxFor(id), v1.id, edited(v1.content, { goals: ['X'] })))).status).toBe(403);
      expect((await rejection(signAgreement(await ctxFor(id), v1.id, '2026-11-26'))).status).toBe(403);
      expect((await rejection(getAgreement(await ctxFor(id), v1.id))).status).toBe(403);
      expect((await rejection(agreementPdf(await ctxFor(id), v1.id))).status).toBe(403);
    }
    expect(await agreementsOf(s.stay.id)).toHaveLength(1);
  });
});

describe('signAgreement', () => {
  it('records the signed date once, with an audit row', async () => {
    const s = await stay();
    const v1 = await createAgreement(await ctxFor(staffId, new Date('2026-11-20T09:00:00+01:00')), s.stay.id);
    const signed = await signAgreement(await ctxFor(staffId), v1.id, '2026-11-20');
    expect(signed.signedOn).toBe('2026-11-20');
    expect((await agreementsOf(s.stay.id))[0]!.signedOn).toBe('2026-11-20');
    expect((await auditOf('agreement.sign', s.person.id))[0]).toMatchObject({ entityId: v1.id, details: { stayId: s.stay.id, version: 1, changed: ['signedOn'] } });
    expect(await rejection(signAgreement(await ctxFor(staffId), v1.id, '2026-11-21'))).toMatchObject({ code: 'agreement.already_signed', status: 409 });
    expect((await agreementsOf(s.stay.id))[0]!.signedOn).toBe('2026-11-20');
  });

  it('refuses a date in the future and a date before the version was made (422), in Oslo time', async () => {
    const s = await stay();
    // Made 20.11 at 00:30 in Oslo (still 19.11 in UTC).
    const v1 = await createAgreement(await ctxFor(staffId, new Date('2026-11-19T23:30:00Z')), s.stay.id);
    // The clock: 26.11 at 00:30 in Oslo.
    const ctx = await ctxFor(staffId, new Date('2026-11-25T23:30:00Z'));
    expect(await rejection(signAgreement(ctx, v1.id, '2026-11-27'))).toMatchObject({ code: 'agreement.signed_in_future', status: 422 });
    expect(await rejection(signAgreement(ctx, v1.id, '2026-11-19'))).toMatchObject({ code: 'agreement.signed_before_created', status: 422 });
    expect((await agreementsOf(s.stay.id))[0]!.signedOn).toBeNull();
    expect((await signAgreement(ctx, v1.id, '2026-11-26')).signedOn).toBe('2026-11-26');
  });

  it('treats an agreement of another municipality as not found', async () => {
    const s = await stay();
    const v1 = await createAgreement(await ctxFor(staffId), s.stay.id);
    const otherTenant = (await buildTenant(database.db)).id;
    const foreignStaff = (await buildUser(database.db, { tenantId: otherTenant, roles: ['staff'] })).id;
    expect(await rejection(signAgreement(await ctxFor(foreignStaff), v1.id, '2026-11-26'))).toMatchObject({ code: 'agreement.not_found', status: 404 });
    expect(await rejection(getAgreement(await ctxFor(foreignStaff), v1.id))).toMatchObject({ status: 404 });
  });
});

describe('reading agreements', () => {
  it('logs every read of the agreement and its PDF in the access log of the resident and the partner', async () => {
    const s = await stay({ partner: true });
    const v1 = await createAgreement(await ctxFor(staffId), s.stay.id);
    const read = await getStayAgreements(await ctxFor(staffId), s.stay.id);
    expect(read.stay).toMatchObject({ residentName: 'Kari Nordmann', partnerName: 'Åse Partner', startOn: '2026-11-02', plannedEndOn: '2027-01-02', latestEndOn: '2027-02-02' });
    await getAgreement(await ctxFor(leadId), v1.id);
    await agreementPdf(await ctxFor(staffId), v1.id);
    const reads = await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, s.person.id), eq(auditEvents.kind, 'read')));
    // Same clock for all three: compared as a set (their order on disk is not an order).
    expect(reads.map((r) => [r.action, r.purpose]).sort()).toEqual([
      ['agreement.print', 'follow_up'],
      ['agreement.read', 'follow_up'],
      ['agreement.read', 'follow_up'],
    ]);
    expect(await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, s.partner!.id), eq(auditEvents.kind, 'read')))).toHaveLength(3);
  });

  it('makes a PDF for signature that a PDF reader opens: not a lease, the name with æøå, the period, the house rules in full', async () => {
    const s = await stay({ givenName: 'Bjørnår', familyName: 'Ærlig-Søvå', birthDateOn: '1990-05-17', startOn: '2026-11-02', plannedEndOn: '2027-01-31' });
    await buildAcceptance(database.db, { tenantId, stayId: s.stay.id, versionId: houseRulesV1 });
    const v1 = await createAgreement(await ctxFor(staffId), s.stay.id);
    const { pdf, filename } = await agreementPdf(await ctxFor(staffId), v1.id);
    expect(filename).toBe('bo-og-oppfolgingsavtale-v1.pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'bolignu-agreement-')), filename);
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    expect(text).toContain('Individuell bo- og oppfølgingsavtale');
    expect(text).toContain('Dette er ikke en husleiekontrakt');
    expect(text).toContain('Bjørnår Ærlig-Søvå, født 17.05.1990');
    expect(text).toContain('Bodø kommune');
    expect(text).toContain(s.room.name);
    expect(text).toContain('02.11.2026–31.01.2027');
    expect(text).toContain('Husordensregler, versjon 1');
    expect(text).toContain('Besøk er tillatt mellom kl. 10 og 22.');
    expect(text).toContain('Røyking bare ute.');
    expect(text).toContain('Finne en varig bolig');
    expect(text).toContain('Boligkontoret');
    expect(text).toContain('300 kr per døgn');
    expect(text).toContain('Sted og dato');
    expect(text).toContain('For tjenesten');
  });

  it('lists current stays with the newest version of their agreement, and none of another municipality', async () => {
    const t3 = (await buildTenant(database.db)).id;
    const staff3 = (await buildUser(database.db, { tenantId: t3, roles: ['staff'] })).id;
    await buildHouseRules(database.db, { tenantId: t3, version: 1 });
    await seedAgreementTemplate(database.db, t3, now);
    const h = await buildHouse(database.db, { tenantId: t3 });
    const r1 = await buildRoom(database.db, { house: h, name: 'A1', sortOrder: 1 });
    const r2 = await buildRoom(database.db, { house: h, name: 'A2', sortOrder: 2 });
    const withAgreement = await buildStay(database.db, { room: r2, person: await buildPerson(database.db, { tenantId: t3, givenName: 'Ola', familyName: 'Hansen' }) });
    const without = await buildStay(database.db, { room: r1, person: await buildPerson(database.db, { tenantId: t3, givenName: 'Amina', familyName: 'Yusuf' }) });
    await buildStay(database.db, { room: r1, person: await buildPerson(database.db, { tenantId: t3 }), startOn: '2026-08-01', plannedEndOn: '2026-10-01', endOn: '2026-09-30' });
    const v1 = await createAgreement(await ctxFor(staff3), withAgreement.id);
    const v2 = await updateAgreement(await ctxFor(staff3), v1.id, edited(v1.content, { goals: ['Nytt mål'] }));
    await signAgreement(await ctxFor(staff3), v2.id, '2026-11-26');

    expect(await listAgreementOverview(await ctxFor(staff3))).toEqual([
      { stayId: without.id, residentName: 'Amina Yusuf', roomName: 'A1', startOn: '2026-11-02', plannedEndOn: '2027-01-02', agreementId: null, version: null, signedOn: null },
      { stayId: withAgreement.id, residentName: 'Ola Hansen', roomName: 'A2', startOn: '2026-11-02', plannedEndOn: '2027-01-02', agreementId: v2.id, version: 2, signedOn: '2026-11-26' },
    ]);
  });
});

describe('the agreement template', () => {
  it('offers the built-in text as version 0 before one is saved, then saves versions 1 and 2 and keeps both', async () => {
    const t4 = (await buildTenant(database.db)).id;
    const lead4 = (await buildUser(database.db, { tenantId: t4, roles: ['service_lead'], displayName: 'Lene Leder' })).id;
    const start = await getAgreementTemplate(await ctxFor(lead4));
    expect(start).toEqual({ id: null, version: 0, content: defaultTemplateContent, createdAt: null, createdByName: null });

    const v1 = await saveAgreementTemplate(await ctxFor(lead4), defaultTemplateContent);
    expect(v1).toMatchObject({ version: 1, createdByName: 'Lene Leder' });
    const v2 = await saveAgreementTemplate(await ctxFor(lead4), { ...defaultTemplateContent, paymentTerms: 'Egenbetaling: 250 kr per døgn.' });
    expect(v2.version).toBe(2);
    expect((await getAgreementTemplate(await ctxFor(lead4))).content.paymentTerms).toBe('Egenbetaling: 250 kr per døgn.');
    const versions = await listAgreementTemplateVersions(await ctxFor(lead4));
    expect(versions.map((v) => [v.version, v.content.paymentTerms === defaultTemplateContent.paymentTerms])).toEqual([
      [2, false],
      [1, true],
    ]);
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, t4), eq(auditEvents.action, 'agreement_template.save')));
    expect(audit.map((a) => a.details)).toEqual(expect.arrayContaining([{ version: 2, changed: ['paymentTerms'] }]));
  });

  it('refuses a save that changes nothing (422), and staff, NAV and the steering group (403)', async () => {
    const before = await database.db.select().from(agreementTemplates).where(eq(agreementTemplates.tenantId, tenantId));
    expect(await rejection(saveAgreementTemplate(await ctxFor(leadId), defaultTemplateContent))).toMatchObject({ code: 'agreement_template.unchanged', status: 422 });
    for (const id of [staffId, navId, steeringId]) {
      expect((await rejection(saveAgreementTemplate(await ctxFor(id), { ...defaultTemplateContent, goals: [] }))).status).toBe(403);
    }
    for (const id of [navId, steeringId]) expect((await rejection(getAgreementTemplate(await ctxFor(id)))).status).toBe(403);
    expect(await database.db.select().from(agreementTemplates).where(eq(agreementTemplates.tenantId, tenantId))).toHaveLength(before.length);
  });
});
