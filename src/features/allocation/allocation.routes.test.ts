import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { decisions, waitingListEntries } from './allocation.tables.ts';
import { buildReferral, buildScreening } from './allocation.factory.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let tenantId: string;
let staffId: string;
let roomId: string;
let clock = new Date('2026-11-26T10:00:00+01:00');

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], username: 'alloc_staff', password: 'correct horse battery' })).id;
  await buildUser(database.db, { tenantId, roles: ['service_lead'], username: 'alloc_lead', password: 'correct horse battery' });
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], username: 'alloc_nav', password: 'correct horse battery' });
  const house = await buildHouse(database.db, { tenantId });
  roomId = (await buildRoom(database.db, { house, name: 'H1' })).id;
  t = createTestApp(database, { now: () => clock });
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, 'correct horse battery');
  return client;
}

async function screenedReferral() {
  const referral = await buildReferral(database.db, { tenantId, status: 'screened' });
  await buildScreening(database.db, { tenantId, referralId: referral.id, screenedBy: staffId });
  return referral;
}

const offer = { outcome: 'offer', reasons: 'I målgruppen, ledig hybel.', roomId: '', fromDate: '2026-11-26', plannedEndDate: '2027-02-26' };

describe('allocation routes', () => {
  it('asks for login first', async () => {
    const res = await t.client().get('/api/waiting-list');
    expect(res.status).toBe(401);
  });

  it('refuses staff a decision with 403', async () => {
    const referral = await screenedReferral();
    const res = await (await loggedIn('alloc_staff')).post(`/api/referrals/${referral.id}/decisions`, { ...offer, roomId });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/ikke tilgang/);
  });

  it('answers bad input with 400, a Norwegian message per field, and writes nothing', async () => {
    const referral = await screenedReferral();
    const res = await (await loggedIn('alloc_lead')).post(`/api/referrals/${referral.id}/decisions`, {
      outcome: 'offer',
      reasons: '',
      roomId,
      fromDate: '2026-11-30',
      plannedEndDate: '2027-03-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      reasons: 'Må fylles ut.',
      plannedEndDate: 'Perioden kan være høyst tre måneder (til og med samme dato tre måneder senere).',
    });
    expect(await database.db.select().from(decisions).where(eq(decisions.referralId, referral.id))).toHaveLength(0);
  });

  it('decides an offer (201), lists it, serves the letter as a PDF attachment, and refuses a second decision with 409', async () => {
    const lead = await loggedIn('alloc_lead');
    const referral = await screenedReferral();
    const created = await lead.post(`/api/referrals/${referral.id}/decisions`, { ...offer, roomId });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ outcome: 'offer', offer: { status: 'open' } });

    const list = await lead.get(`/api/referrals/${referral.id}/decisions`);
    expect(list.status).toBe(200);
    expect(list.body.decisions).toHaveLength(1);
    expect(list.body.latestScreening).toMatchObject({ result: 'eligible' });

    const again = await lead.post(`/api/referrals/${referral.id}/decisions`, { outcome: 'refusal', reasons: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('decision.open_offer_exists');

    const pdf = await t.app.request(`/api/decisions/${created.body.id}/letter.pdf`, { headers: { cookie: await sessionCookie('alloc_lead') } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="vedtak-${created.body.id.slice(0, 8)}.pdf"`);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses acceptance of a lapsed offer with 422 and a Norwegian message', async () => {
    const lead = await loggedIn('alloc_lead');
    const referral = await screenedReferral();
    const room = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId }) });
    const created = await lead.post(`/api/referrals/${referral.id}/decisions`, { ...offer, roomId: room.id });
    clock = new Date('2026-11-28T10:00:00+01:00');
    try {
      const res = await (await loggedIn('alloc_staff')).post(`/api/offers/${created.body.offer.id}/accept`);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'offer.lapsed', message: expect.stringMatching(/gått ut/) });
      const decline = await (await loggedIn('alloc_staff')).post(`/api/offers/${created.body.offer.id}/decline`, { reason: '' });
      expect(decline.status).toBe(400);
    } finally {
      clock = new Date('2026-11-26T10:00:00+01:00');
    }
  });

  it('gives the waiting list in exactly its documented shape, changes and removes entries (reason required)', async () => {
    const lead = await loggedIn('alloc_lead');
    const referral = await screenedReferral();
    const created = await lead.post(`/api/referrals/${referral.id}/decisions`, { outcome: 'waiting_list', reasons: 'Fullt', urgency: 'this_week' });
    expect(created.status).toBe(201);
    const list = await (await loggedIn('alloc_staff')).get('/api/waiting-list');
    expect(list.status).toBe(200);
    const item = list.body.find((i: { referralId: string }) => i.referralId === referral.id);
    expect(Object.keys(item).sort()).toEqual(['addedAt', 'entryId', 'householdName', 'position', 'reason', 'referralId', 'urgency']);

    const put = await lead.put(`/api/waiting-list/${item.entryId}`, { urgency: 'tonight' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ urgency: 'tonight', position: 1 });

    const events = await lead.get(`/api/waiting-list/${item.entryId}/events`);
    expect(events.body.map((e: { change: string }) => e.change)).toEqual(['added', 'urgency_changed']);

    const cookie = await sessionCookie('alloc_lead');
    const noReason = await t.app.request(`/api/waiting-list/${item.entryId}`, {
      method: 'DELETE',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '' }),
    });
    expect(noReason.status).toBe(400);
    const removed = await t.app.request(`/api/waiting-list/${item.entryId}`, {
      method: 'DELETE',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Fant bolig selv' }),
    });
    expect(removed.status).toBe(204);
    const [entry] = await database.db.select().from(waitingListEntries).where(eq(waitingListEntries.id, item.entryId));
    expect(entry).toMatchObject({ removalReason: 'Fant bolig selv' });
  });

  it('registers a complaint and moves it on; an impossible step is 422', async () => {
    const lead = await loggedIn('alloc_lead');
    const referral = await screenedReferral();
    const decision = await lead.post(`/api/referrals/${referral.id}/decisions`, { outcome: 'refusal', reasons: 'Ikke i målgruppen.' });
    const staff = await loggedIn('alloc_staff');
    const complaint = await staff.post(`/api/decisions/${decision.body.id}/complaints`, { receivedOn: '2026-11-26', summary: 'Uenig' });
    expect(complaint.status).toBe(201);
    expect(complaint.body).toMatchObject({ status: 'received', receivedAfterDeadline: false });
    const bad = await staff.post(`/api/complaints/${complaint.body.id}/events`, { status: 'upheld' });
    expect(bad.status).toBe(422);
    const step = await staff.post(`/api/complaints/${complaint.body.id}/events`, { status: 'reassessed', note: 'Opprettholdt' });
    expect(step.status).toBe(200);
    expect(step.body.status).toBe('reassessed');
    expect((await (await loggedIn('alloc_nav')).post(`/api/decisions/${decision.body.id}/complaints`, { receivedOn: '2026-11-26', summary: 'x' })).status).toBe(403);
  });
});

async function sessionCookie(username: string): Promise<string> {
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'correct horse battery' }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
