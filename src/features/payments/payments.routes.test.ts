import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { residentPayments } from './payments.tables.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let residentId: string;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  const tenantId = (await buildTenant(database.db)).id;
  await buildUser(database.db, { tenantId, roles: ['staff'], username: 'pay_staff', password });
  await buildUser(database.db, { tenantId, roles: ['service_lead'], username: 'pay_lead', password });
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], username: 'pay_nav', password });
  await buildUser(database.db, { tenantId, roles: ['steering_group'], username: 'pay_steering', password });
  const house = await buildHouse(database.db, { tenantId });
  const resident = await buildPerson(database.db, { tenantId });
  await buildStay(database.db, { tenantId, roomId: (await buildRoom(database.db, { house })).id, personId: resident.id, startOn: '2026-10-01', plannedEndOn: '2027-01-01' });
  residentId = resident.id;
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00Z') });
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

describe('payment routes', () => {
  it('asks for login first, and refuses NAV and the steering group with 403', async () => {
    expect((await t.client().get('/api/payments/overview')).status).toBe(401);
    const nav = await loggedIn('pay_nav');
    expect((await nav.get('/api/payments/overview')).status).toBe(403);
    expect((await nav.get(`/api/people/${residentId}/payments`)).status).toBe(403);
    expect((await nav.get('/api/economics')).status).toBe(403);
    const steering = await loggedIn('pay_steering');
    expect((await steering.get('/api/payments/overview')).status).toBe(403);
    expect((await steering.get('/api/economics')).status).toBe(200);
    expect((await steering.put('/api/economics/budgets', { year: 2026, amountOre: 100 })).status).toBe(403);
  });

  it('answers a negative or absurd payment with 400 and a message on the amount, and writes nothing', async () => {
    const staff = await loggedIn('pay_staff');
    const negative = await staff.post(`/api/people/${residentId}/payments`, { paidOn: '2026-11-20', amountOre: -500, method: 'cash' });
    expect(negative.status).toBe(400);
    expect(negative.body.error.fields).toEqual({ amountOre: 'Beløpet må være større enn 0 kr.' });
    const absurd = await staff.post(`/api/people/${residentId}/payments`, { paidOn: '2026-11-20', amountOre: 50_000_000, method: 'cash' });
    expect(absurd.status).toBe(400);
    expect(absurd.body.error.fields).toEqual({ amountOre: 'Beløpet er urimelig høyt. Sjekk beløpet.' });
    expect(await database.db.select().from(residentPayments).where(eq(residentPayments.personId, residentId))).toHaveLength(0);
  });

  it('lets staff produce a statement and register a payment; the balance follows', async () => {
    const staff = await loggedIn('pay_staff');
    const produced = await staff.post('/api/payments/statements', { month: '2026-10', personId: residentId });
    expect(produced.status).toBe(200);
    expect(produced.body).toMatchObject({ charged: 1 });
    expect((await staff.post(`/api/people/${residentId}/payments`, { paidOn: '2026-11-20', amountOre: 150_000, method: 'bank_transfer', reference: 'KID 1' })).status).toBe(201);
    const view = await staff.get(`/api/people/${residentId}/payments`);
    expect(view.body.balance).toMatchObject({ chargedOre: 900_000, paidOre: 150_000, balanceOre: 750_000, arrearsSince: '2026-10' });
    const statement = await staff.get(`/api/people/${residentId}/statements/2026-10`);
    expect(statement.body).toMatchObject({ produced: true, nights: 31, capApplied: true, amountDueOre: 900_000 });
    expect((await staff.get(`/api/people/${residentId}/statements/2026-13`)).status).toBe(400);
  });

  it('keeps arrangements and rates for the service lead (403 for staff, 201/200 for the lead)', async () => {
    const staff = await loggedIn('pay_staff');
    const body = { kind: 'none', validFrom: '2026-12-01', decidedOn: '2026-11-26', navDecisionReference: 'NAV 2026/77' };
    expect((await staff.post(`/api/people/${residentId}/payment-arrangements`, body)).status).toBe(403);
    const lead = await loggedIn('pay_lead');
    expect((await lead.post(`/api/people/${residentId}/payment-arrangements`, { ...body, navDecisionReference: '' })).body.error.fields).toEqual({
      navDecisionReference: 'Skriv referansen til NAVs vedtak om sosialhjelp.',
    });
    expect((await lead.post(`/api/people/${residentId}/payment-arrangements`, body)).status).toBe(201);
    expect((await staff.put('/api/payments/settings', { rateOre: 32_000, capOre: 950_000, validFrom: '2026-12-01', reason: 'Budsjett' })).status).toBe(403);
    const rates = await lead.put('/api/payments/settings', { rateOre: 32_000, capOre: 950_000, validFrom: '2026-12-01', reason: 'Budsjett' });
    expect(rates.status).toBe(200);
    expect(rates.body.history).toHaveLength(2);
  });
});
