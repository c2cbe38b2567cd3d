import type { Db } from '../../platform/db/client.ts';
import { buildUser } from '../../platform/auth/auth.factory.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { buildMoveOut } from '../aftercare/aftercare.factory.ts';
import { buildReferral, buildScreening } from '../allocation/allocation.factory.ts';
import { buildChild, buildDecision, buildFollowUp, buildRoomMove, buildStateChange, buildWaitingEntry } from './reports.factory.ts';

/**
 * The hand-built event history the report tests check against (used by several test files; each
 * number the tests expect is worked out on paper in the test's comments). Around February 2024, a
 * leap month of 29 nights, in a house of three rooms that all exist from 1 January 2023:
 *
 *   R1 (single)  S1  P1        2024-01-20 → 2024-02-05  moved out: private rental (permanent)
 *                S2  P2+partner 2024-02-05 → 2024-02-29  moved out: prison (institution)
 *                S2b P2        2024-06-01 → 2024-09-15  moved out: municipal rental
 *                S6  P6        2024-05-05 → 2024-05-05  no nights; moved out: unknown
 *                S5  P5        2024-12-25 → 2025-01-03  moved out: private rental
 *   R2 (single)  out of service 10.–14.02.2024 (set 09.02, back to ready 20.02)
 *                S4b P4        2024-02-20 → 2024-03-05  (room move from R3) moved out: homeless
 *   R3 (couples) S4a P4        2023-11-10 → 2024-02-20  room move to R2 on 20.02
 *                S3  P3+partner 2024-02-21 → open
 *
 * Children: P2 has a child born 2010 (under 18); P4 a child born 2006-01-01 (18 on 2024-01-01, so
 * not a child in 2024); P5 a child with no birth date. Referrals, decisions, the waiting list and
 * aftercare follow-ups are dated around the month boundaries in Oslo time.
 */
export async function buildReportHistory(db: Db, tenantId: string) {
  const lead = await buildUser(db, { tenantId, roles: ['service_lead'] });
  const house = await buildHouse(db, { tenantId });
  const createdAt = new Date('2023-01-01T10:00:00+01:00');
  const r1 = await buildRoom(db, { house, createdAt });
  const r2 = await buildRoom(db, { house, createdAt });
  const r3 = await buildRoom(db, { house, createdAt, capacity: 2, takesCouples: true });
  const person = (givenName: string) => buildPerson(db, { tenantId, givenName });
  const [p1, p2, p2partner, p3, p3partner, p4, p5, p6] = [
    await person('Ellinor'),
    await person('Tobias'),
    await person('Tonje'),
    await person('Trygve'),
    await person('Trine'),
    await person('Fredrik'),
    await person('Frøydis'),
    await person('Signe'),
  ];

  const stay = (roomId: string, personId: string, startOn: string, extra: Record<string, unknown> = {}) =>
    buildStay(db, { tenantId, roomId, personId, startOn, plannedEndOn: '2099-01-01', ...extra });

  const s1 = await stay(r1.id, p1!.id, '2024-01-20', { endOn: '2024-02-05' });
  await buildMoveOut(db, { tenantId, stayId: s1.id, movedOutOn: '2024-02-05', destination: 'private_rental' });
  const s2 = await stay(r1.id, p2!.id, '2024-02-05', { partnerPersonId: p2partner!.id, endOn: '2024-02-29' });
  await buildMoveOut(db, { tenantId, stayId: s2.id, movedOutOn: '2024-02-29', destination: 'prison' });
  const s2b = await stay(r1.id, p2!.id, '2024-06-01', { endOn: '2024-09-15' });
  await buildMoveOut(db, { tenantId, stayId: s2b.id, movedOutOn: '2024-09-15', destination: 'municipal_rental' });
  const s6 = await stay(r1.id, p6!.id, '2024-05-05', { endOn: '2024-05-05' });
  await buildMoveOut(db, { tenantId, stayId: s6.id, movedOutOn: '2024-05-05', destination: 'unknown' });
  const s5 = await stay(r1.id, p5!.id, '2024-12-25', { endOn: '2025-01-03' });
  await buildMoveOut(db, { tenantId, stayId: s5.id, movedOutOn: '2025-01-03', destination: 'private_rental' });

  const s4a = await stay(r3.id, p4!.id, '2023-11-10', { endOn: '2024-02-20' });
  const s4b = await stay(r2.id, p4!.id, '2024-02-20', { endOn: '2024-03-05' });
  await buildRoomMove(db, { tenantId, from: s4a, to: s4b, movedOn: '2024-02-20' });
  await buildMoveOut(db, { tenantId, stayId: s4b.id, movedOutOn: '2024-03-05', destination: 'homeless' });
  const s3 = await stay(r3.id, p3!.id, '2024-02-21', { partnerPersonId: p3partner!.id });

  await buildStateChange(db, { room: r2, changedAt: '2024-02-09T09:00:00+01:00', toState: 'out_of_service', fromOn: '2024-02-10', toOn: '2024-02-14' });
  await buildStateChange(db, { room: r2, changedAt: '2024-02-20T09:00:00+01:00', toState: 'ready' });

  await buildChild(db, { tenantId, personId: p2!.id, birthDateOn: '2010-04-01' });
  await buildChild(db, { tenantId, personId: p4!.id, birthDateOn: '2006-01-01' });
  await buildChild(db, { tenantId, personId: p5!.id, birthDateOn: null });

  // Referrals: received 01.02 00:30 Oslo (still 31.01 in UTC), 29.02 13:00, and 01.03 00:30 Oslo.
  const ref = (receivedAt: string) => buildReferral(db, { tenantId, receivedAt: new Date(receivedAt) });
  const ra = await ref('2024-01-31T23:30:00Z');
  const rb = await ref('2024-02-29T12:00:00Z');
  const rc = await ref('2024-02-29T23:30:00Z');
  await buildScreening(db, { tenantId, referralId: ra.id, screenedBy: lead.id, screenedAt: new Date('2024-02-10T10:00:00+01:00'), result: 'excluded' });
  await buildDecision(db, { tenantId, referralId: rb.id, decidedBy: lead.id, decidedAt: '2024-02-12T10:00:00+01:00', outcome: 'offer', roomId: r2.id, answer: { status: 'accepted', at: '2024-02-13T10:00:00+01:00' } });
  await buildDecision(db, { tenantId, referralId: rc.id, decidedBy: lead.id, decidedAt: '2024-02-20T10:00:00+01:00', outcome: 'offer', roomId: r2.id, answer: { status: 'declined', at: '2024-02-21T10:00:00+01:00' } });
  await buildDecision(db, { tenantId, referralId: ra.id, decidedBy: lead.id, decidedAt: '2024-02-22T10:00:00+01:00', outcome: 'refusal' });
  await buildWaitingEntry(db, { tenantId, referralId: rb.id, addedAt: '2024-02-05T10:00:00+01:00', removedAt: '2024-03-02T10:00:00+01:00' });
  await buildWaitingEntry(db, { tenantId, referralId: rc.id, addedAt: '2024-01-10T10:00:00+01:00', removedAt: '2024-02-15T10:00:00+01:00' });

  await buildFollowUp(db, { tenantId, personId: p1!.id, stayId: s1.id, monthsAfter: 1, dueOn: '2024-03-05', doneOn: '2024-02-03', stillHoused: true });
  await buildFollowUp(db, { tenantId, personId: p1!.id, stayId: s1.id, monthsAfter: 3, dueOn: '2024-05-05', doneOn: '2024-02-29', stillHoused: false });
  await buildFollowUp(db, { tenantId, personId: p1!.id, stayId: s1.id, monthsAfter: 6, dueOn: '2024-08-05', doneOn: '2024-03-01', stillHoused: true });

  return { lead, house, rooms: { r1, r2, r3 }, stays: { s1, s2, s2b, s3, s4a, s4b, s5, s6 }, people: { p1, p2, p3, p4, p5, p6 } };
}
