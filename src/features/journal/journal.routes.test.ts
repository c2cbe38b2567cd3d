import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildPerson } from '../people/people.factory.ts';
import { journalEntries, tasks } from './journal.tables.ts';
import { buildTask } from './journal.factory.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let tenantId: string;
let staffId: string;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], username: 'journal_staff', password })).id;
  await buildUser(database.db, { tenantId, roles: ['service_lead'], username: 'journal_lead', password });
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], username: 'journal_nav', password });
  t = createTestApp(database, { now: () => new Date('2026-11-26T12:00:00+01:00') });
});
afterAll(() => database.close());

async function as(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

const entry = { occurredOn: '2026-11-26', occurredTime: '10:15', type: 'meeting', present: 'Beboer', body: 'Møte om bostøtte.' };

describe('journal routes', () => {
  it('asks for login first', async () => {
    const res = await t.client().get('/api/tasks/mine');
    expect(res.status).toBe(401);
  });

  it('refuses NAV the journal with 403', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const res = await (await as('journal_nav')).get(`/api/people/${person.id}/journal`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth.forbidden');
  });

  it('answers a contact without its service with 400 and a field message, and writes nothing', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const res = await (await as('journal_staff')).post(`/api/people/${person.id}/journal`, { ...entry, type: 'service_contact' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ service: 'Velg hvilken tjeneste det var kontakt med.' });
    expect(await database.db.select().from(journalEntries).where(eq(journalEntries.personId, person.id))).toHaveLength(0);
  });

  it('writes, corrects once (201) and refuses a second correction of the same entry (409)', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const staff = await as('journal_staff');
    const written = await staff.post(`/api/people/${person.id}/journal`, entry);
    expect(written.status).toBe(201);
    const corrected = await staff.post(`/api/journal-entries/${written.body.id}/corrections`, { ...entry, body: 'Møte om bostøtte og startlån.' });
    expect(corrected.status).toBe(201);
    const again = await staff.post(`/api/journal-entries/${written.body.id}/corrections`, entry);
    expect(again.status).toBe(409);
    const list = await staff.get(`/api/people/${person.id}/journal`);
    const original = list.body.find((e: { id: string }) => e.id === written.body.id);
    expect(original).toMatchObject({ body: 'Møte om bostøtte.', correctedByEntryId: corrected.body.id });
  });

  it('shows a sensitive entry to the lead and shields it from staff', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const lead = await as('journal_lead');
    await lead.post(`/api/people/${person.id}/journal`, { ...entry, body: 'Om rusbehandling.', isSensitive: true });
    expect((await lead.get(`/api/people/${person.id}/journal`)).body[0]).toMatchObject({ shielded: false, body: 'Om rusbehandling.' });
    const staffView = await (await as('journal_staff')).get(`/api/people/${person.id}/journal`);
    expect(staffView.body[0]).toMatchObject({ shielded: true, body: null, occurredOn: '2026-11-26' });
  });

  it('refuses to fetch goals from an agreement that does not exist with 422', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const res = await (await as('journal_staff')).post(`/api/people/${person.id}/goals/from-agreement`);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/ingen bo- og oppfølgingsavtale/);
  });

  it('creates a task (201), refuses bad input with 400 writing nothing, and counts overdue tasks per resident', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const staff = await as('journal_staff');
    const bad = await staff.post('/api/tasks', { title: '', personId: person.id, assigneeId: '', dueOn: '31.12.2026' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['assigneeId', 'dueOn', 'title']);
    expect(await database.db.select().from(tasks).where(eq(tasks.personId, person.id))).toHaveLength(0);

    const created = await staff.post('/api/tasks', { title: 'Søke startlån', personId: person.id, assigneeId: staffId, dueOn: '2026-12-01' });
    expect(created.status).toBe(201);
    await buildTask(database.db, { tenantId, personId: person.id, assigneeId: staffId, dueOn: '2026-11-25' });
    const counts = await staff.get('/api/tasks/overdue-by-person');
    expect(counts.status).toBe(200);
    expect(counts.body).toContainEqual({ personId: person.id, count: 1 });
    expect((await staff.get('/api/tasks/mine')).body.map((x: { title: string }) => x.title)).toContain('Søke startlån');
  });
});
