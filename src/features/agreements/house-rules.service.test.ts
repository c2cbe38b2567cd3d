import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildPerson } from '../people/people.factory.ts';
import { houseRulesAcceptances, houseRulesVersions } from './agreements.tables.ts';
import { buildHouseRules, buildStay } from './agreements.factory.ts';
import { publishHouseRulesInput } from './agreements.schema.ts';
import { getCurrentHouseRules, listHouseRulesVersions, publishHouseRules, recordHouseRulesAcceptance } from './house-rules.service.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
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

/** A municipality of its own, so version numbers start from nothing in each test. */
async function service() {
  const tenantId = (await buildTenant(database.db)).id;
  const user = async (role: string, displayName?: string) => (await buildUser(database.db, { tenantId, roles: [role], ...(displayName ? { displayName } : {}) })).id;
  return {
    tenantId,
    leadId: await user('service_lead', 'Lars Leder'),
    staffId: await user('staff'),
    navId: await user('nav_caseworker'),
    steeringId: await user('steering_group'),
  };
}
const versionsOf = (tenantId: string) => database.db.select().from(houseRulesVersions).where(eq(houseRulesVersions.tenantId, tenantId));

describe('publishHouseRules', () => {
  it('publishes version 1, then version 2, and keeps version 1 as it was', async () => {
    const s = await service();
    const v1 = await publishHouseRules(await contextFor(database, s.leadId, { now: new Date('2026-10-01T08:00:00Z') }), ['Ro etter kl. 23.', 'Ingen rusmidler i huset.']);
    expect(v1).toMatchObject({ version: 1, rules: ['Ro etter kl. 23.', 'Ingen rusmidler i huset.'], publishedAt: '2026-10-01T08:00:00.000Z', publishedByName: 'Lars Leder' });

    const v2 = await publishHouseRules(await contextFor(database, s.leadId, { now: new Date('2026-11-20T08:00:00Z') }), ['Ro etter kl. 22.', 'Ingen rusmidler i huset.', '  Røyking bare ute.  ']);
    expect(v2).toMatchObject({ version: 2, rules: ['Ro etter kl. 22.', 'Ingen rusmidler i huset.', 'Røyking bare ute.'] });

    const staff = await contextFor(database, s.staffId);
    expect((await getCurrentHouseRules(staff)).version).toBe(2);
    const all = await listHouseRulesVersions(staff);
    expect(all.map((v) => [v.version, v.rules.length])).toEqual([
      [2, 3],
      [1, 2],
    ]);
    expect(all[1]).toEqual(v1);

    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, s.tenantId), eq(auditEvents.action, 'house_rules.publish')));
    expect(audit.map((a) => a.details)).toEqual(expect.arrayContaining([{ version: 1, rules: 2 }, { version: 2, rules: 3 }]));
    expect(audit.every((a) => a.actorUserId === s.leadId && a.kind === 'write')).toBe(true);
  });

  it('refuses to publish the same rules again (422) and writes nothing', async () => {
    const s = await service();
    await buildHouseRules(database.db, { tenantId: s.tenantId, version: 1, rules: ['A', 'B'] });
    const err = await rejection(publishHouseRules(await contextFor(database, s.leadId), ['A ', 'B']));
    expect(err).toMatchObject({ code: 'house_rules.unchanged', status: 422 });
    expect(await versionsOf(s.tenantId)).toHaveLength(1);
  });

  it('refuses staff, the NAV caseworker and the steering group (403), and writes nothing', async () => {
    const s = await service();
    for (const id of [s.staffId, s.navId, s.steeringId]) {
      const err = await rejection(publishHouseRules(await contextFor(database, id), ['Ny regel']));
      expect(err).toMatchObject({ code: 'auth.forbidden', status: 403 });
    }
    expect(await versionsOf(s.tenantId)).toEqual([]);
  });

  it('the schema wants 1–40 rules, each with text', () => {
    const issues = (value: unknown) => publishHouseRulesInput.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ rules: [] })).toEqual([['rules', 'agreements.validation.rulesMin']]);
    expect(issues({ rules: Array.from({ length: 41 }, (_, i) => `Regel ${i}`) })).toEqual([['rules', 'agreements.validation.rulesMax']]);
    expect(issues({ rules: ['Ok', '   '] })).toEqual([['rules.1', 'validation.required']]);
    expect(issues({ rules: Array.from({ length: 40 }, (_, i) => `Regel ${i}`) })).toBeUndefined();
  });
});

describe('reading the house rules', () => {
  it('lets staff read and refuses the NAV caseworker and the steering group', async () => {
    const s = await service();
    await buildHouseRules(database.db, { tenantId: s.tenantId, version: 1 });
    expect((await getCurrentHouseRules(await contextFor(database, s.staffId))).version).toBe(1);
    for (const id of [s.navId, s.steeringId]) {
      expect((await rejection(listHouseRulesVersions(await contextFor(database, id)))).status).toBe(403);
      expect((await rejection(getCurrentHouseRules(await contextFor(database, id)))).status).toBe(403);
    }
  });

  it('says clearly that none are published yet (422), and shows nothing of another municipality', async () => {
    const s = await service();
    const other = await service();
    await buildHouseRules(database.db, { tenantId: other.tenantId, version: 1 });
    expect((await rejection(getCurrentHouseRules(await contextFor(database, s.staffId)))).code).toBe('house_rules.none_published');
    expect(await listHouseRulesVersions(await contextFor(database, s.staffId))).toEqual([]);
  });
});

describe('recordHouseRulesAcceptance', () => {
  it('ties the acceptance to the version, with an audit row', async () => {
    const s = await service();
    const v1 = await buildHouseRules(database.db, { tenantId: s.tenantId, version: 1 });
    const room = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId: s.tenantId }) });
    const person = await buildPerson(database.db, { tenantId: s.tenantId });
    const stay = await buildStay(database.db, { room, person });
    await recordHouseRulesAcceptance(await contextFor(database, s.staffId), { stayId: stay.id, versionId: v1.id, personId: person.id });
    expect(await database.db.select().from(houseRulesAcceptances).where(eq(houseRulesAcceptances.stayId, stay.id))).toEqual([
      expect.objectContaining({ versionId: v1.id, recordedBy: s.staffId, tenantId: s.tenantId }),
    ]);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, stay.id))).toEqual([
      expect.objectContaining({ action: 'house_rules.accept', personId: person.id, details: { version: 1 } }),
    ]);
  });

  it('treats a version or a stay of another municipality as not found', async () => {
    const s = await service();
    const other = await service();
    const foreignVersion = await buildHouseRules(database.db, { tenantId: other.tenantId, version: 1 });
    const ownVersion = await buildHouseRules(database.db, { tenantId: s.tenantId, version: 1 });
    const room = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId: s.tenantId }) });
    const person = await buildPerson(database.db, { tenantId: s.tenantId });
    const stay = await buildStay(database.db, { room, person });
    const ctx = await contextFor(database, s.staffId);
    expect((await rejection(recordHouseRulesAcceptance(ctx, { stayId: stay.id, versionId: foreignVersion.id, personId: person.id }))).code).toBe(
      'house_rules.version_not_found',
    );
    const foreignRoom = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId: other.tenantId }) });
    const foreignStay = await buildStay(database.db, { room: foreignRoom, person: await buildPerson(database.db, { tenantId: other.tenantId }) });
    expect((await rejection(recordHouseRulesAcceptance(ctx, { stayId: foreignStay.id, versionId: ownVersion.id, personId: person.id }))).status).toBe(404);
    expect(await database.db.select().from(houseRulesAcceptances).where(eq(houseRulesAcceptances.tenantId, s.tenantId))).toEqual([]);
  });
});
