import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { buildMoveOut } from '../aftercare/aftercare.factory.ts';
import { buildReferral } from '../allocation/allocation.factory.ts';
import { buildDecision, buildRoomMove, buildStateChange } from './reports.factory.ts';
import { getDataQuality } from './data-quality.service.ts';

// One record of each kind the checks must find, and the near misses they must leave alone.

let database: Database;
let tenantId: string;
let leadId: string;
const ids: Record<string, string> = {};
const now = new Date('2026-11-26T10:00:00+01:00');

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  tenantId = (await buildTenant(db)).id;
  leadId = (await buildUser(db, { tenantId, roles: ['service_lead'] })).id;
  const house = await buildHouse(db, { tenantId });
  const [r1, r2, r3, r4, r5] = [await buildRoom(db, { house }), await buildRoom(db, { house }), await buildRoom(db, { house }), await buildRoom(db, { house }), await buildRoom(db, { house, state: 'occupied' })];
  ids.r3 = r3!.id;
  ids.r4 = r4!.id;
  ids.r5 = r5!.id;

  // Overlap: one person in R1 01.–10.10 and in R2 05.–12.10 (both moved out properly).
  const overlapper = await buildPerson(db, { tenantId });
  ids.overlapper = overlapper.id;
  const a = await buildStay(db, { tenantId, roomId: r1!.id, personId: overlapper.id, startOn: '2026-10-01', endOn: '2026-10-10' });
  const b = await buildStay(db, { tenantId, roomId: r2!.id, personId: overlapper.id, startOn: '2026-10-05', endOn: '2026-10-12' });
  await buildMoveOut(db, { tenantId, stayId: a.id, movedOutOn: '2026-10-10' });
  await buildMoveOut(db, { tenantId, stayId: b.id, movedOutOn: '2026-10-12' });
  // Near miss: a room move ends one row and starts the next the same day — no overlap, no missing destination.
  const mover = await buildPerson(db, { tenantId });
  const m1 = await buildStay(db, { tenantId, roomId: r1!.id, personId: mover.id, startOn: '2026-10-15', endOn: '2026-10-20' });
  const m2 = await buildStay(db, { tenantId, roomId: r2!.id, personId: mover.id, startOn: '2026-10-20', endOn: '2026-10-25' });
  await buildRoomMove(db, { tenantId, from: m1, to: m2, movedOn: '2026-10-20' });
  await buildMoveOut(db, { tenantId, stayId: m2.id, movedOutOn: '2026-10-25' });

  // Missing destination: a stay that ended with no move-out.
  const gone = await buildPerson(db, { tenantId });
  ids.gone = gone.id;
  await buildStay(db, { tenantId, roomId: r1!.id, personId: gone.id, startOn: '2026-11-01', endOn: '2026-11-05' });

  // Out of service 03.–04.11 in R3 while someone lived there 01.–10.11.
  const inBroken = await buildPerson(db, { tenantId });
  const s3 = await buildStay(db, { tenantId, roomId: r3!.id, personId: inBroken.id, startOn: '2026-11-01', endOn: '2026-11-10' });
  await buildMoveOut(db, { tenantId, stayId: s3.id, movedOutOn: '2026-11-10' });
  await buildStateChange(db, { room: r3!, changedAt: '2026-11-02T10:00:00+01:00', toState: 'out_of_service', fromOn: '2026-11-03', toOn: '2026-11-04' });
  await buildStateChange(db, { room: r3!, changedAt: '2026-11-05T10:00:00+01:00', toState: 'ready' });

  // Two people in R4, a single room (open stay; R4 is marked occupied so the state matches).
  const couple = await buildPerson(db, { tenantId });
  const partner = await buildPerson(db, { tenantId });
  await buildStay(db, { tenantId, roomId: r4!.id, personId: couple.id, partnerPersonId: partner.id, startOn: '2026-11-20' });
  await database.db.execute(`update rooms set state = 'occupied' where id = '${r4!.id}'`);
  // R5 says occupied and nobody lives there.

  // Referrals: one 2 days old with no decision (listed), one 2 hours old (not yet), one decided.
  ids.old = (await buildReferral(db, { tenantId, receivedAt: new Date('2026-11-24T10:00:00+01:00') })).id;
  await buildReferral(db, { tenantId, receivedAt: new Date('2026-11-26T08:00:00+01:00') });
  const decided = await buildReferral(db, { tenantId, receivedAt: new Date('2026-11-20T10:00:00+01:00'), status: 'screened' });
  await buildDecision(db, { tenantId, referralId: decided.id, decidedBy: leadId, decidedAt: '2026-11-20T12:00:00+01:00', outcome: 'refusal' });

  // Another municipality's broken record never shows.
  const other = (await buildTenant(db)).id;
  await buildReferral(db, { tenantId: other, receivedAt: new Date('2026-11-01T10:00:00+01:00') });
});
afterAll(() => database.close());

describe('data-quality checks', () => {
  it('lists each problem once, by date, with the page that fixes it', async () => {
    const issues = await getDataQuality(await contextFor(database, leadId, { now }));
    expect(issues.map((i) => [i.kind, i.fixPath, i.on])).toEqual([
      ['overlapping_stays', `/personer/${ids.overlapper}`, '2026-10-05'],
      ['state_mismatch', `/hybler/${ids.r5}`, '2026-11-01'],
      ['out_of_service_occupied', `/hybler/${ids.r3}`, '2026-11-03'],
      ['missing_destination', `/personer/${ids.gone}`, '2026-11-05'],
      ['over_capacity', `/hybler/${ids.r4}`, '2026-11-20'],
      ['referral_undecided', `/henvisninger/${ids.old}/vedtak`, '2026-11-24'],
    ]);
  });

  it('is the service lead’s', async () => {
    const staff = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
    await expect(getDataQuality(await contextFor(database, staff, { now }))).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
