import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { paymentArrangements, paymentCharges, residentPayments } from './payments.tables.ts';
import { getPaymentsOverview, getPersonPayments, registerPayment, setArrangement } from './payments.service.ts';
import { getStatement, produceStatements, statementPdf } from './payments.statements.service.ts';
import { getRateSettings, updateRateSettings } from './payments.settings.service.ts';
import { exportMonthCsv, exportMonthXlsx } from './payments.export.service.ts';
import { paymentMonthTotals } from './payments.report.queries.ts';
import { runMonthlyStatements } from '../../platform/jobs/jobs.daily.ts';
import { silentLog, testEnv } from '../../platform/http/test-context.ts';

let database: Database;
let tenantId: string;
let otherTenantId: string;
let staffId: string;
let leadId: string;
let navId: string;
let house: { id: string; tenantId: string };
const kr = (n: number) => n * 100;
const now = new Date('2026-11-26T10:00:00+01:00');

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  otherTenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  house = await buildHouse(database.db, { tenantId });
});
afterAll(() => database.close());

const staff = () => contextFor(database, staffId, { now });
const lead = () => contextFor(database, leadId, { now });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function resident(startOn: string, endOn: string | null = null, givenName = 'Rita') {
  const person = await buildPerson(database.db, { tenantId, givenName, familyName: `Beboer${Math.random().toString(36).slice(2, 6)}` });
  const room = await buildRoom(database.db, { house });
  await buildStay(database.db, { tenantId, roomId: room.id, personId: person.id, startOn, endOn, plannedEndOn: '2027-06-01' });
  return person;
}

const linesOf = (personId: string) => database.db.select().from(paymentCharges).where(eq(paymentCharges.personId, personId));
const paymentsOf = (personId: string) => database.db.select().from(residentPayments).where(eq(residentPayments.personId, personId));

describe('payment arrangements', () => {
  it('the service lead decides a reduced arrangement; its history keeps the earlier one', async () => {
    const p = await resident('2026-10-01');
    await setArrangement(await lead(), p.id, { kind: 'full', validFrom: '2026-10-01', decidedOn: '2026-10-01' });
    const reduced = await setArrangement(await lead(), p.id, {
      kind: 'reduced',
      validFrom: '2026-11-01',
      decidedOn: '2026-10-28',
      amountOre: kr(2500),
      per: 'month',
      reason: 'Uføretrygd, faste utgifter til gjeld',
      assessedBy: 'Nina NAV-veileder',
    });
    expect(reduced).toMatchObject({ kind: 'reduced', amountOre: kr(2500), per: 'month', assessedBy: 'Nina NAV-veileder' });
    const view = await getPersonPayments(await staff(), p.id);
    expect(view.current?.id).toBe(reduced.id);
    expect(view.arrangements.map((a) => a.kind)).toEqual(['reduced', 'full']);
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, reduced.id));
    expect(event?.details).toMatchObject({ kind: 'reduced' });
    expect(JSON.stringify(event?.details)).not.toContain('Uføretrygd');
  });

  it('refuses staff (payments only) and a second arrangement from the same day', async () => {
    const p = await resident('2026-10-01');
    const forbidden = await rejection(setArrangement(await staff(), p.id, { kind: 'full', validFrom: '2026-11-01', decidedOn: '2026-11-01' }));
    expect(forbidden.code).toBe('auth.forbidden');
    await setArrangement(await lead(), p.id, { kind: 'none', validFrom: '2026-11-01', decidedOn: '2026-11-01', navDecisionReference: 'NAV 2026/4411' });
    const twice = await rejection(setArrangement(await lead(), p.id, { kind: 'full', validFrom: '2026-11-01', decidedOn: '2026-11-02' }));
    expect(twice.code).toBe('payments.arrangement_exists_that_day');
  });
});

describe('statements', () => {
  it('produces October: 31 nights held to the cap, then payments and the balance', async () => {
    const p = await resident('2026-09-20');
    const result = await produceStatements(await staff(), { month: '2026-10', personId: p.id });
    expect(result).toMatchObject({ charged: 1, corrected: 0 });
    await registerPayment(await staff(), p.id, { paidOn: '2026-10-15', amountOre: kr(4000), method: 'bank_transfer', reference: 'KID 123' });
    const s = await getStatement(await staff(), p.id, '2026-10');
    expect(s).toMatchObject({ produced: true, nights: 31, grossOre: kr(9300), capApplied: true, amountDueOre: kr(9000), balanceBeforeOre: 0, balanceOre: kr(5000) });
    expect(s.paymentsInMonth).toHaveLength(1);
  });

  it('never recomputes a closed month silently: a changed arrangement adds a correction line, the first line stays', async () => {
    const p = await resident('2026-10-01', '2026-10-11'); // 10 nights: 3 000 kr
    await produceStatements(await staff(), { month: '2026-10', personId: p.id });
    await setArrangement(await lead(), p.id, { kind: 'none', validFrom: '2026-10-06', decidedOn: '2026-11-20', navDecisionReference: 'NAV 2026/991' });
    const again = await produceStatements(await staff(), { month: '2026-10', personId: p.id });
    expect(again).toMatchObject({ charged: 0, corrected: 1 });
    const lines = await linesOf(p.id);
    expect(lines.map((l) => [l.kind, l.amountOre])).toEqual([
      ['charge', kr(3000)],
      ['correction', -kr(1500)],
    ]);
    const s = await getStatement(await staff(), p.id, '2026-10');
    expect(s.amountDueOre).toBe(kr(1500));
    expect(s.lines).toHaveLength(2);
  });

  it('is reproducible: producing again with the same data adds nothing and the statement is identical', async () => {
    const p = await resident('2026-10-10', '2026-11-05');
    await produceStatements(await staff(), { month: '2026-10', personId: p.id });
    const first = await getStatement(await staff(), p.id, '2026-10');
    const again = await produceStatements(await staff(), { month: '2026-10', personId: p.id });
    expect(again).toMatchObject({ charged: 0, corrected: 0, unchanged: 1 });
    expect(await getStatement(await staff(), p.id, '2026-10')).toEqual(first);
    expect(await linesOf(p.id)).toHaveLength(1);
  });

  it('the monthly job produces the previous month for every resident as the system user', async () => {
    const p = await resident('2026-10-25', '2026-11-03');
    await runMonthlyStatements({ database, env: testEnv, log: silentLog }, new Date('2026-11-01T05:00:00+01:00'));
    const lines = await linesOf(p.id);
    expect(lines.map((l) => [l.month, l.kind, l.nights, l.amountOre])).toEqual([['2026-10', 'charge', 7, kr(2100)]]);
  });

  it('refuses a month that has not started', async () => {
    const err = await rejection(produceStatements(await staff(), { month: '2026-12' }));
    expect(err.code).toBe('payments.month_in_future');
  });

  it('renders the statement as a PDF a reader can read', async () => {
    const p = await resident('2026-10-01', '2026-10-21', 'Pål');
    await setArrangement(await lead(), p.id, { kind: 'reduced', validFrom: '2026-10-01', decidedOn: '2026-10-01', amountOre: kr(100), per: 'night', reason: 'Lav inntekt', assessedBy: 'Lars Leder' });
    await produceStatements(await staff(), { month: '2026-10', personId: p.id });
    const { pdf, filename } = await statementPdf(await staff(), p.id, '2026-10');
    expect(filename).toBe('oppgjor-egenbetaling-2026-10.pdf');
    const dir = mkdtempSync(join(tmpdir(), 'statement-'));
    writeFileSync(join(dir, 's.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 's.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Oppgjør for egenbetaling');
    expect(text).toContain('oktober 2026');
    expect(text).toContain('Redusert til 100 kr per natt');
    expect(text).toContain('Å betale for måneden: 2 000 kr. Innbetalt i måneden: 0 kr. Skyldig ved utgangen av måneden: 2 000 kr.');
    expect(text).toContain('Reduksjon etter betalingsordning −4 000 kr');
  });
});

describe('payments', () => {
  it.each([
    ['zero', 0, 'payments.amount_not_positive'],
    ['negative', -kr(500), 'payments.amount_not_positive'],
    ['absurd', kr(250_000), 'payments.amount_too_large'],
    ['fraction of an øre', 10.5, 'payments.amount_not_whole'],
  ])('refuses a %s amount with a clear message and writes nothing', async (_, amountOre, code) => {
    const p = await resident('2026-11-01');
    const before = await database.db.select().from(auditEvents);
    const err = await rejection(registerPayment(await staff(), p.id, { paidOn: '2026-11-20', amountOre, method: 'cash' }));
    expect(err.code).toBe(code);
    expect(err.fields?.amountOre).toMatch(/Ingenting er lagret/);
    expect(await paymentsOf(p.id)).toHaveLength(0);
    expect(await database.db.select().from(auditEvents)).toHaveLength(before.length);
  });

  it('refuses NAV and another municipality’s person', async () => {
    const p = await resident('2026-11-01');
    expect((await rejection(registerPayment(await contextFor(database, navId, { now }), p.id, { paidOn: '2026-11-20', amountOre: kr(100), method: 'cash' }))).code).toBe('auth.forbidden');
    const foreign = await buildPerson(database.db, { tenantId: otherTenantId });
    expect((await rejection(registerPayment(await staff(), foreign.id, { paidOn: '2026-11-20', amountOre: kr(100), method: 'cash' }))).code).toBe('payments.person_not_found');
  });

  it('shows who is in arrears for the service, oldest unpaid month first paid', async () => {
    const p = await resident('2026-09-01', '2026-10-01', 'Arne'); // September: 30 nights, 9 000 kr
    await produceStatements(await staff(), { month: '2026-09', personId: p.id });
    await registerPayment(await staff(), p.id, { paidOn: '2026-10-05', amountOre: kr(2000), method: 'card' });
    const living = await resident('2026-11-20', null, 'Bor');
    await setArrangement(await lead(), living.id, { kind: 'none', validFrom: '2026-11-20', decidedOn: '2026-11-21', navDecisionReference: 'NAV 2026/5150' });
    const overview = await getPaymentsOverview(await staff());
    // Everyone living here is listed with the arrangement in force, charged or not.
    expect(overview.residents.find((r) => r.personId === living.id)).toMatchObject({ balanceOre: 0, livesHere: true, arrangement: { kind: 'none', navDecisionReference: 'NAV 2026/5150' } });
    const row = overview.residents.find((r) => r.personId === p.id)!;
    expect(row).toMatchObject({ chargedOre: kr(9000), paidOre: kr(2000), balanceOre: kr(7000), arrearsSince: '2026-09', livesHere: false });
    expect(overview.inArrears).toBeGreaterThan(0);
  });
});

describe('append-only: lines are never changed, except that retention may blank their free text', () => {
  /** Runs statements in one transaction as the owner connection; the database's own message if refused. */
  const attempt = (statements: ReturnType<typeof sql>[]) =>
    database.db
      .transaction(async (tx) => {
        let rows = 0;
        for (const s of statements) rows = ((await tx.execute(s)) as unknown as { rows: unknown[] }).rows.length;
        return rows;
      })
      .then(
        (rows) => ({ rows }),
        (e: { cause?: { message?: string }; message: string }) => ({ refused: e.cause?.message ?? e.message }),
      );
  const anonymising = sql`select set_config('bolignu.anonymising', 'on', true)`;

  it('refuses an ordinary update or delete of a payment, an arrangement or a charge line', async () => {
    const p = await resident('2026-10-01');
    await setArrangement(await lead(), p.id, { kind: 'reduced', validFrom: '2026-10-01', decidedOn: '2026-10-01', amountOre: kr(2500), per: 'month', reason: 'Gjeld', assessedBy: 'Nina NAV-veileder' });
    await produceStatements(await staff(), { month: '2026-10', personId: p.id });
    await registerPayment(await staff(), p.id, { paidOn: '2026-11-20', amountOre: kr(1000), method: 'bank_transfer', reference: 'Rita oktober' });
    for (const statement of [
      sql`update resident_payments set reference = null where person_id = ${p.id} returning 1`,
      sql`update resident_payments set amount_ore = 1 where person_id = ${p.id} returning 1`,
      sql`update payment_arrangements set reason = '[anonymisert]' where person_id = ${p.id} returning 1`,
      sql`update payment_charges set amount_ore = 0 where person_id = ${p.id} returning 1`,
      sql`delete from resident_payments where person_id = ${p.id} returning 1`,
    ]) {
      expect(await attempt([statement])).toEqual({ refused: expect.stringMatching(/append-only/) });
    }
    expect(await paymentsOf(p.id)).toEqual([expect.objectContaining({ amountOre: kr(1000), reference: 'Rita oktober' })]);
  });

  it('while anonymising, allows blanking the free text and nothing else: amounts, dates and deletes stay refused', async () => {
    const p = await resident('2026-10-01');
    await setArrangement(await lead(), p.id, { kind: 'reduced', validFrom: '2026-10-01', decidedOn: '2026-10-01', amountOre: kr(2500), per: 'month', reason: 'Gjeld', assessedBy: 'Nina NAV-veileder' });
    await produceStatements(await staff(), { month: '2026-10', personId: p.id });
    await registerPayment(await staff(), p.id, { paidOn: '2026-11-20', amountOre: kr(1000), method: 'bank_transfer', reference: 'Rita oktober' });
    const chargesBefore = await linesOf(p.id);
    for (const statement of [
      sql`update resident_payments set reference = null, amount_ore = 1 where person_id = ${p.id} returning 1`,
      sql`update resident_payments set paid_on = '2026-01-01', reference = null where person_id = ${p.id} returning 1`,
      sql`update resident_payments set reference = 'Noe annet' where person_id = ${p.id} returning 1`,
      sql`update payment_arrangements set reason = '[anonymisert]', amount_ore = 0 where person_id = ${p.id} returning 1`,
      sql`update payment_charges set calculation = '{}' where person_id = ${p.id} returning 1`,
      sql`delete from resident_payments where person_id = ${p.id} returning 1`,
    ]) {
      expect(await attempt([anonymising, statement])).toEqual({ refused: expect.stringMatching(/append-only/) });
    }
    expect(await attempt([anonymising, sql`update resident_payments set reference = null where person_id = ${p.id} returning 1`])).toEqual({ rows: 1 });
    expect(
      await attempt([anonymising, sql`update payment_arrangements set reason = '[anonymisert]', assessed_by = '[anonymisert]' where person_id = ${p.id} returning 1`]),
    ).toEqual({ rows: 1 });
    expect(await paymentsOf(p.id)).toEqual([expect.objectContaining({ paidOn: '2026-11-20', amountOre: kr(1000), method: 'bank_transfer', reference: null })]);
    const [arrangement] = await database.db.select().from(paymentArrangements).where(eq(paymentArrangements.personId, p.id));
    expect(arrangement).toMatchObject({ kind: 'reduced', amountOre: kr(2500), per: 'month', reason: '[anonymisert]', assessedBy: '[anonymisert]' });
    expect(await linesOf(p.id)).toEqual(chargesBefore);
    // The flag lasts only for its transaction: the next ordinary update is refused again.
    expect(await attempt([sql`update resident_payments set reference = null where person_id = ${p.id} returning 1`])).toEqual({ refused: expect.stringMatching(/append-only/) });
  });
});

describe('rate and cap settings', () => {
  it('the service lead changes the rate and cap from a date with a reason; staff may not', async () => {
    expect((await rejection(updateRateSettings(await staff(), { rateOre: kr(320), capOre: kr(9500), validFrom: '2026-12-01', reason: 'Nytt budsjett' }))).code).toBe('auth.forbidden');
    const past = await rejection(updateRateSettings(await lead(), { rateOre: kr(320), capOre: kr(9500), validFrom: '2026-10-01', reason: 'For sent' }));
    expect(past.code).toBe('payments.valid_from_in_past');
    const after = await updateRateSettings(await lead(), { rateOre: kr(320), capOre: kr(9500), validFrom: '2026-12-01', reason: 'Bystyrets budsjettvedtak' });
    expect(after).toMatchObject({ rateOre: kr(300), capOre: kr(9000) }); // still the default today
    expect(after.history.map((h) => [h.key, h.valueOre, h.validFrom])).toEqual(
      expect.arrayContaining([
        ['rate', kr(320), '2026-12-01'],
        ['cap', kr(9500), '2026-12-01'],
      ]),
    );
    const later = await getRateSettings(await contextFor(database, staffId, { now: new Date('2026-12-02T10:00:00+01:00') }));
    expect(later).toMatchObject({ rateOre: kr(320), capOre: kr(9500) });
  });
});

describe('export and report totals', () => {
  it('exports the month as CSV and as XLSX that exceljs reads back with the same values', async () => {
    const ctx = await contextFor(database, staffId, { now });
    const p = await resident('2026-08-01', '2026-08-11', 'Eksport');
    await produceStatements(ctx, { month: '2026-08', personId: p.id });
    await registerPayment(ctx, p.id, { paidOn: '2026-08-20', amountOre: kr(1234) + 50, method: 'bank_transfer', reference: 'Faktura 7' });
    const csv = await exportMonthCsv(ctx, '2026-08');
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('type;maaned;dato;person_id;navn;netter;belop_kr;belop_ore;betalingsmate;referanse;linje_id');
    expect(lines.slice(1).map((l) => l.split(';').slice(0, 3).concat(l.split(';').slice(5, 9)))).toEqual([
      ['krav', '2026-08', '2026-08-31', '10', '3000,00', '300000', ''],
      ['innbetaling', '2026-08', '2026-08-20', '', '1234,50', '123450', 'bank_transfer'],
    ]);
    const xlsx = await exportMonthXlsx(ctx, '2026-08');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['type', 'maaned', 'dato', 'person_id', 'navn', 'netter', 'belop_kr', 'belop_ore', 'betalingsmate', 'referanse', 'linje_id']);
    const row2 = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row2.slice(0, 3)).toEqual(['krav', '2026-08', '2026-08-31']);
    expect(row2[4]).toBe(`Eksport ${p.familyName}`);
    expect(row2.slice(5, 8)).toEqual([10, 3000, 300000]);
    expect((sheet.getRow(3).values as unknown[]).slice(7, 10)).toEqual([1234.5, 123450, 'bank_transfer']);
  });

  it('gives the month totals for the monthly report in SQL', async () => {
    const totals = await paymentMonthTotals(database.db, tenantId, '2026-08');
    expect(totals).toEqual({ month: '2026-08', residentsCharged: 1, nights: 10, chargedOre: kr(3000), correctionsOre: 0, paidOre: kr(1234) + 50, arrearsOre: kr(3000) - kr(1234) - 50, residentsInArrears: 1 });
    expect(await paymentMonthTotals(database.db, otherTenantId, '2026-08')).toMatchObject({ residentsCharged: 0, chargedOre: 0, arrearsOre: 0 });
  });
});
