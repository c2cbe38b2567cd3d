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
import type { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildReferral, buildScreening } from './allocation.factory.ts';
import { decide } from './allocation.decisions.service.ts';
import { getDecisionLetter } from './allocation.letter.service.ts';
import { decisionInput } from './allocation.schema.ts';

let database: Database;
let tenantId: string;
let leadId: string;
let navId: string;
let roomId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db, { name: 'Bodø kommune' })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'], displayName: 'Åse Leder' })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  const house = await buildHouse(database.db, { tenantId, name: 'Bolig Nu', streetAddress: 'Kongens gate 60', postalCode: '8006', city: 'Bodø' });
  roomId = (await buildRoom(database.db, { house, name: 'H3' })).id;
});
afterAll(() => database.close());

/** What a real PDF reader (pdftotext from poppler-utils) finds in the letter, whitespace flattened. */
function readPdf(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bolignu-vedtak-')), 'vedtak.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function decidedReferral(givenName: string, outcome: 'offer' | 'refusal') {
  const person = await buildPerson(database.db, { tenantId, givenName, familyName: 'Sæther', birthDateOn: '1996-02-29' });
  const referral = await buildReferral(database.db, { tenantId, personId: person.id, status: 'screened', navOffice: 'Bodø' });
  await buildScreening(database.db, { tenantId, referralId: referral.id, screenedBy: leadId, result: outcome === 'offer' ? 'needs_justification' : 'excluded' });
  const input =
    outcome === 'offer'
      ? decisionInput.parse({
          outcome: 'offer',
          reasons: 'Du står uten bolig etter utkastelse og er i målgruppen for tilbudet.',
          roomId,
          fromDate: '2026-11-26',
          plannedEndDate: '2027-02-26',
          exceptionJustification: 'Ung voksen uten annet forsvarlig tilbud; tett oppfølging hver uke.',
        })
      : decisionInput.parse({ outcome: 'refusal', reasons: 'Brannsikkerheten krever at alle kan komme seg ut på egen hånd.' });
  return { person, decision: await decide(await contextFor(database, leadId), referral.id, input) };
}

describe('the decision letter', () => {
  it('states the place, the period, the legal basis and the right to complain, in Norwegian with æøå', async () => {
    const { decision } = await decidedReferral('Bjørnar', 'offer');
    const { filename, pdf } = await getDecisionLetter(await contextFor(database, leadId), decision.id);
    expect(filename).toBe(`vedtak-${decision.id.slice(0, 8)}.pdf`);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = readPdf(pdf);
    for (const expected of [
      'Bodø kommune',
      'Vedtak om midlertidig botilbud',
      'Bjørnar Sæther',
      '29.02.1996',
      'Vedtaksdato 26.11.2026',
      'Kongens gate 60, 8006 Bodø',
      'H3',
      '26.11.2026–26.02.2027',
      'Du står uten bolig etter utkastelse',
      'Særskilt begrunnelse for unntak',
      'lov om sosiale tjenester i arbeids- og velferdsforvaltningen (sosialtjenesteloven) § 27',
      'sosialtjenesteloven § 18',
      'ikke et leieforhold',
      'tre uker fra den dagen du mottok dette brevet (forvaltningsloven §§ 28 og 29)',
      'Send klagen til NAV Bodø',
      'Statsforvalteren',
      'forvaltningsloven §§ 18 og 19',
      'Åse Leder',
      'Gi oss beskjed om du tar imot tilbudet innen 27.11.2026 kl. 10:00',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('names the end of the from-date when the offer runs until midnight', async () => {
    const person = await buildPerson(database.db, { tenantId, givenName: 'Frøydis', familyName: 'Lie' });
    const referral = await buildReferral(database.db, { tenantId, personId: person.id, status: 'screened' });
    await buildScreening(database.db, { tenantId, referralId: referral.id, screenedBy: leadId });
    const room = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId }) });
    const decision = await decide(
      await contextFor(database, leadId),
      referral.id,
      decisionInput.parse({ outcome: 'offer', reasons: 'Ledig fra mandag.', roomId: room.id, fromDate: '2026-11-30', plannedEndDate: '2027-02-28' }),
    );
    const text = readPdf((await getDecisionLetter(await contextFor(database, leadId), decision.id)).pdf);
    expect(text).toContain('innen utgangen av 30.11.2026');
  });

  it('tells a refused household that NAV must still help them find a place tonight', async () => {
    const { decision } = await decidedReferral('Øystein', 'refusal');
    const text = readPdf((await getDecisionLetter(await contextFor(database, leadId), decision.id)).pdf);
    expect(text).toContain('Vedtak om avslag på plass i midlertidig botilbud');
    expect(text).toContain('Du får ikke plass i Bolig Nu.');
    expect(text).toContain('ta kontakt med NAV Bodø samme dag');
    expect(text).toContain('Du har rett til å klage');
  });

  it('is a logged read of the person, and the file name carries no personal data', async () => {
    const { person, decision } = await decidedReferral('Åsmund', 'refusal');
    const at = new Date('2026-11-26T14:00:00+01:00');
    const { filename } = await getDecisionLetter(await contextFor(database, leadId, { now: at }), decision.id);
    expect(filename).not.toMatch(/Åsmund|Sæther|1996/);
    const reads = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.personId, person.id), eq(auditEvents.kind, 'read')));
    expect(reads).toEqual([expect.objectContaining({ action: 'decision.letter', purpose: 'allocation', at })]);
  });

  it('is refused to a NAV caseworker and to another municipality', async () => {
    const { decision } = await decidedReferral('Ærlig', 'refusal');
    const forbidden = await getDecisionLetter(await contextFor(database, navId), decision.id).catch((e: AppError) => e);
    expect(forbidden).toMatchObject({ status: 403 });
    const otherTenant = await buildTenant(database.db);
    const otherLead = (await buildUser(database.db, { tenantId: otherTenant.id, roles: ['service_lead'] })).id;
    const notFound = await getDecisionLetter(await contextFor(database, otherLead), decision.id).catch((e: AppError) => e);
    expect(notFound).toMatchObject({ code: 'decision.not_found', status: 404 });
  });
});
