import { afterAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { seedDemo } from '../db/seed/demo.ts';
import { tenants } from '../db/tenants.tables.ts';
import { users } from '../auth/auth.tables.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { buildHouse, buildRoom } from '../../features/rooms/rooms.factory.ts';
import { buildPerson } from '../../features/people/people.factory.ts';
import { buildOffer } from '../../features/stays/stays.factory.ts';
import { houseRulesVersions, houseRulesAcceptances } from '../../features/agreements/agreements.tables.ts';
import { keyIssues, roomKeys, stays } from '../../features/stays/stays.tables.ts';
import { referrals } from '../../features/referrals/referrals.tables.ts';
import { startServer } from './server-process.ts';
import { logIn } from './http-client.ts';
import { testTargets } from './test-targets.ts';

// The server killed (SIGKILL, no shutdown) while check-ins are in flight: every check-in is one
// transaction, so afterwards each stay is whole (its keys, key issues, house-rules acceptance, the
// referral marked checked in, the audit event) or absent — never half — and the server starts again
// on the same data (PGlite reopens its directory past the dead process's lock) and checks people in.

const targets = testTargets('crash');
afterAll(() => targets.cleanUp());

const OFFERS = 24;
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
const inDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('a crash in the middle of check-ins', () => {
  it('leaves only whole check-ins behind, and the server starts again and checks people in', { timeout: 180_000 }, async () => {
    const target = await targets.create('data');
    // The demo service, plus a house of 24 rooms each with an accepted offer for today.
    const prep = await target.open(true);
    await seedDemo(prep.db);
    const [tenant] = await prep.db.select().from(tenants).limit(1);
    const [lead] = await prep.db.select().from(users).where(eq(users.username, 'leder'));
    const [rules] = await prep.db.select().from(houseRulesVersions).where(eq(houseRulesVersions.tenantId, tenant!.id));
    const house = await buildHouse(prep.db, { tenantId: tenant!.id, name: 'Krasjhuset' });
    const offers: { offerId: string; referralId: string; personId: string }[] = [];
    for (let i = 0; i < OFFERS; i++) {
      const room = await buildRoom(prep.db, { house, name: `K${i + 1}` });
      const person = await buildPerson(prep.db, { tenantId: tenant!.id });
      const built = await buildOffer(prep.db, { tenantId: tenant!.id, roomId: room.id, personId: person.id, decidedBy: lead!.id, fromOn: today(), plannedEndOn: inDays(today(), 30) });
      offers.push({ offerId: built.offer.id, referralId: built.referral.id, personId: person.id });
    }
    await prep.close();

    const server = await startServer({ ...target.env, WEB_DIR: 'does-not-matter', JOBS: 'false', DEMO: 'false' }, 'crash');
    const staff = await logIn(server.baseUrl, 'ansatt');
    const checkIn = (o: (typeof offers)[number], i: number) =>
      staff.post(`/api/offers/${o.offerId}/check-in`, {
        newKeys: [
          { keyNumber: `KR-${i}`, door: 'room' },
          { keyNumber: `KY-${i}`, door: 'front_door' },
        ],
        houseRulesVersionId: rules!.id,
        houseRulesAccepted: true,
      });

    // All at once; the process is killed the moment the first one is answered.
    let answered = 0;
    let firstAnswer!: () => void;
    const first = new Promise<void>((resolve) => (firstAnswer = resolve));
    const inFlight = offers.slice(0, OFFERS - 1).map((o, i) =>
      checkIn(o, i).then(
        (res) => {
          if (res.status === 201) answered++;
          firstAnswer();
        },
        () => firstAnswer(),
      ),
    );
    await first;
    await server.kill();
    await Promise.allSettled(inFlight);
    const answeredBeforeKill = answered;
    expect(answeredBeforeKill).toBeGreaterThanOrEqual(1);

    // Restart on the same data: it comes up, and the last offer checks in.
    const again = await startServer({ ...target.env, WEB_DIR: 'does-not-matter', JOBS: 'false', DEMO: 'false' }, 'crash-restart');
    const staffAgain = await logIn(again.baseUrl, 'ansatt');
    const last = await staffAgain.post(`/api/offers/${offers[OFFERS - 1]!.offerId}/check-in`, {
      newKeys: [{ keyNumber: `KR-${OFFERS - 1}`, door: 'room' }],
      houseRulesVersionId: rules!.id,
      houseRulesAccepted: true,
    });
    expect(last.status).toBe(201);
    await again.stop();

    const after = await target.open(false);
    const db = after.db;
    const offerIds = offers.map((o) => o.offerId);
    const made = await db.select().from(stays).where(inArray(stays.offerId, offerIds));
    // Some of the interrupted check-ins landed, the last one did, and none that was answered is lost.
    expect(made.length).toBeGreaterThanOrEqual(answeredBeforeKill + 1);
    // ...and the kill really did interrupt check-ins (else this test proves nothing about a crash).
    expect(made.length).toBeLessThan(OFFERS);

    for (const stay of made) {
      const i = offerIds.indexOf(stay.offerId!);
      const issued = await db.select({ keyNumber: roomKeys.keyNumber }).from(keyIssues).innerJoin(roomKeys, eq(roomKeys.id, keyIssues.keyId)).where(eq(keyIssues.stayId, stay.id));
      expect(issued.map((k) => k.keyNumber).sort()).toEqual(i === OFFERS - 1 ? [`KR-${i}`] : [`KR-${i}`, `KY-${i}`]);
      expect(await db.select().from(houseRulesAcceptances).where(eq(houseRulesAcceptances.stayId, stay.id))).toHaveLength(1);
      const [referral] = await db.select().from(referrals).where(eq(referrals.id, offers[i]!.referralId));
      expect(referral!.status).toBe('checked_in');
      const events = await db.select().from(auditEvents).where(sql`${auditEvents.action} = 'stay.check_in' and ${auditEvents.entityId} = ${stay.id}`);
      expect(events).toHaveLength(1);
    }
    // Nothing of a check-in that did not land: no keys registered, no referral marked checked in.
    const landed = new Set(made.map((s) => offerIds.indexOf(s.offerId!)));
    const missing = offers.map((_, i) => i).filter((i) => !landed.has(i));
    for (const i of missing) {
      expect(await db.select().from(roomKeys).where(inArray(roomKeys.keyNumber, [`KR-${i}`, `KY-${i}`]))).toHaveLength(0);
      const [referral] = await db.select().from(referrals).where(eq(referrals.id, offers[i]!.referralId));
      expect(referral!.status).not.toBe('checked_in');
    }
    await after.close();
  });
});
