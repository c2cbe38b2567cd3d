import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant } from '../../platform/auth/auth.factory.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { aftercareFigures, moveOutFigures, referralFigures, stayFigures, type AsOf } from './monthly.queries.ts';
import { kostraCounts } from './kostra.queries.ts';
import { buildMonthlyReport } from './monthly.service.ts';
import { buildNationalKostra, buildYearReport } from './year.service.ts';
import { buildReportHistory } from './reports.history.ts';

// Every figure checked against the history in reports.history.ts, worked out by hand below.

let database: Database;
let tenantId: string;
const asOf: AsOf = { today: '2026-11-26', now: new Date('2026-11-26T10:00:00+01:00') };
const FEB = '2024-02-01';
const JAN = '2024-01-01';
const FEB_2023 = '2023-02-01';
const MAR = '2024-03-01';

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  await buildReportHistory(database.db, tenantId);
  // Another municipality: one household 01.03–10.03.2024 (9 nights). Never in this tenant's figures.
  const other = (await buildTenant(database.db)).id;
  const room = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId: other }), createdAt: new Date('2023-01-01T10:00:00Z') });
  const person = await buildPerson(database.db, { tenantId: other });
  await buildStay(database.db, { tenantId: other, roomId: room.id, personId: person.id, startOn: '2024-03-01', endOn: '2024-03-10' });
});
afterAll(() => database.close());

describe('rooms, nights and residents', () => {
  it('counts February 2024 (a leap month) against January and February 2023', async () => {
    const [feb, jan, feb2023] = await stayFigures(database.db, { tenantId }, [FEB, JAN, FEB_2023], asOf);
    // February 2024 has 29 nights; three rooms → 87 room-nights. R2 out of service 10.–14.02 = 5.
    expect(feb).toMatchObject({ month: FEB, roomNights: 87, outOfServiceNights: 5 });
    // Occupied: R1 S1 1.–4.02 = 4, S2 5.–28.02 = 24 (moved out on the 29th); R3 S4a 1.–19.02 = 19,
    // S3 21.–29.02 = 9 (the leap night counts); R2 S4b 20.–29.02 = 10. 4 + 24 + 19 + 9 + 10 = 66.
    expect(feb!.occupiedNights).toBe(66);
    // At the start (night of 31.01): P1 (S1) and P4 (S4a) = 2 persons. At the end (night of 29.02):
    // S3 is a couple (2) and P4 in R2 (1) = 3; S2 moved out that day.
    expect(feb).toMatchObject({ residentsAtStart: 2, residentsAtEnd: 3 });
    // Check-ins: S2 (05.02) and S3 (21.02); P4's move to R2 on 20.02 is a room move, not a check-in.
    // Check-outs: S1 (05.02) and S2 (29.02); S4a ending on 20.02 is the room move.
    expect(feb).toMatchObject({ checkIns: 2, checkOuts: 2 });
    // P4 came 10.11.2023; three months → 10.02.2024; still there the night of 29.02 → past. S3 is not.
    expect(feb!.pastThreeMonths).toBe(1);

    // January 2024: 3 × 31 = 93 room-nights; S1 20.–31.01 = 12, S4a 31 → 43. At the start (night of
    // 31.12.2023) only P4; at the end P1 and P4. One check-in (S1), no check-out; P4 not yet past.
    expect(jan).toMatchObject({ roomNights: 93, outOfServiceNights: 0, occupiedNights: 43, residentsAtStart: 1, residentsAtEnd: 2, checkIns: 1, checkOuts: 0, pastThreeMonths: 0 });
    // February 2023: 3 × 28 = 84 room-nights, nobody lived there.
    expect(feb2023).toMatchObject({ roomNights: 84, occupiedNights: 0, residentsAtStart: 0, residentsAtEnd: 0, checkIns: 0 });
  });

  it('crosses the year: December 2023 and the start of January equal', async () => {
    const [dec] = await stayFigures(database.db, { tenantId }, ['2023-12-01'], asOf);
    // S4a all 31 nights of December; at the end of December P4 alone, which is January's start (1).
    expect(dec).toMatchObject({ occupiedNights: 31, residentsAtStart: 1, residentsAtEnd: 1, checkIns: 0 });
  });

  it('counts an unfinished month only up to last night, and nothing for a month not begun', async () => {
    // As of 15.02.2024: nights 1.–14.02 have passed. R1: S1 4 + S2 5.–14.02 = 10 → 14; R3 S4a 14; R2 0.
    // Room-nights 3 × 14 = 42, out of service 10.–14.02 = 5.
    const early: AsOf = { today: '2024-02-15', now: new Date('2024-02-15T10:00:00+01:00') };
    const [feb, mar] = await stayFigures(database.db, { tenantId }, [FEB, MAR], early);
    expect(feb).toMatchObject({ roomNights: 42, outOfServiceNights: 5, occupiedNights: 28 });
    expect(mar).toMatchObject({ roomNights: 0, occupiedNights: 0, residentsAtStart: 0, residentsAtEnd: 0 });
  });
});

describe('referrals', () => {
  it('counts by the Oslo day and the waiting list at the month end', async () => {
    const [feb, jan, mar] = await referralFigures(database.db, { tenantId }, [FEB, JAN, MAR], asOf);
    // Received 31.01 23:30 UTC = 01.02 00:30 Oslo (February), 29.02 13:00 (February), 29.02 23:30 UTC =
    // 01.03 00:30 Oslo (March). February: 2, January: 0, March: 1.
    // February: one screened out, two offers (one accepted, one declined), one refusal. Waiting at the
    // end: rb (added 05.02, removed 02.03); rc was removed 15.02. At the end of January rc waited.
    expect(feb).toMatchObject({ received: 2, screenedOut: 1, offered: 2, accepted: 1, declined: 1, refused: 1, waitingAtEnd: 1 });
    expect(jan).toMatchObject({ received: 0, offered: 0, waitingAtEnd: 1 });
    expect(mar).toMatchObject({ received: 1, offered: 0, waitingAtEnd: 0 });
  });
});

describe('move-outs: length of stay and destinations', () => {
  it('counts the stays that ended in the month from their first check-in', async () => {
    const [feb, mar, may] = await moveOutFigures(database.db, { tenantId }, [FEB, MAR, '2024-05-01']);
    // February: S1 20.01–05.02 = 12 + 4 = 16 nights (15–21); S2 05.02–29.02 = 24 nights (22–30).
    // Average (16 + 24) / 2 = 20, median 20. Private rental → permanent; prison → institution.
    expect(feb).toMatchObject({ movedOut: 2, averageNights: 20, medianNights: 20, buckets: [0, 0, 1, 1, 0, 0, 0] });
    expect(feb!.destinations).toEqual({ permanent: 1, temporary: 0, institution: 1, homeless: 0, other: 0 });
    // March: P4's stay is one episode across the room move: 10.11.2023–05.03.2024 = 21 (Nov) + 31 + 31
    // + 29 + 4 = 116 nights (> 90), homeless.
    expect(mar).toMatchObject({ movedOut: 1, averageNights: 116, medianNights: 116, buckets: [0, 0, 0, 0, 0, 0, 1] });
    expect(mar!.destinations.homeless).toBe(1);
    // May: S6 checked in and out on 05.05 — no nights (≤ 7), destination unknown → other.
    expect(may).toMatchObject({ movedOut: 1, averageNights: 0, buckets: [1, 0, 0, 0, 0, 0, 0], destinationNotRecorded: 0 });
    expect(may!.destinations.other).toBe(1);
  });
});

describe('aftercare', () => {
  it('counts follow-ups done in the month and still housed', async () => {
    const [feb, mar] = await aftercareFigures(database.db, { tenantId }, [FEB, MAR]);
    // Done 03.02 (housed) and 29.02 (not housed) in February; 01.03 (housed) in March.
    expect(feb).toMatchObject({ followUpsDone: 2, stillHoused: 1 });
    expect(mar).toMatchObject({ followUpsDone: 1, stillHoused: 1 });
  });
});

describe('the monthly report', () => {
  it('puts each figure beside last month and the same month last year', async () => {
    const report = await buildMonthlyReport(database.db, tenantId, '2024-02', asOf);
    expect(report).toMatchObject({ month: FEB, previousMonth: JAN, lastYearMonth: FEB_2023, complete: true });
    const figure = (key: string) => report.sections.flatMap((s) => s.figures).find((f) => f.key === key)!;
    // Occupancy 66 / (87 − 5) = 80.49 % → 80.5; January 43 / 93 = 46.24 % → 46.2; February 2023 0 / 84 = 0.
    expect(figure('occupancyRate')).toMatchObject({ value: 80.5, previous: 46.2, lastYear: 0 });
    expect(figure('permanentShare')).toMatchObject({ value: 50, previous: null });
    expect(figure('checkIns')).toMatchObject({ value: 2, previous: 1, lastYear: 0 });
    expect(figure('occupancyRate').definition.nb).toContain('rom-netter');
    expect(report.sections.map((s) => s.key)).toEqual(['occupancy', 'referrals', 'lengthOfStay', 'destinations', 'aftercare']);
  });
});

describe('KOSTRA form 13', () => {
  it('counts households once a year', async () => {
    // 2024: P1 (16 nights), P2 (two stays: 24 + 106 = 130 nights, child born 2010, the second stay
    // 01.06–15.09 passes its three-month date 01.09), P3 (21.02 → open, hundreds of nights), P4 (its
    // stay from 2023: 01.01–05.03 = 64 nights in 2024; its child turned 18 on 01.01.2024, so no
    // child), P5 (25.12–31.12 = 7 nights, child with no birth date), P6 (no nights). 6 households;
    // with children P2 and P5 = 2; with children over three months P2 = 1 → 50 %; 14 days or less P5
    // and P6 = 2 → 2 / 6 = 33.3 %.
    expect(await kostraCounts(database.db, { tenantId }, 2024, asOf.today)).toEqual({
      households: 6,
      householdsWithChildren: 2,
      householdsWithChildrenOverThreeMonths: 1,
      householdsUpTo14Days: 2,
    });
    // 2023: P4 alone, 10.11–31.12 = 52 nights; its child was 17 on 10.11.2023 → with children; not
    // over three months (52 nights, and 10.02.2024 is after the year).
    expect(await kostraCounts(database.db, { tenantId }, 2023, asOf.today)).toEqual({
      households: 1,
      householdsWithChildren: 1,
      householdsWithChildrenOverThreeMonths: 0,
      householdsUpTo14Days: 0,
    });
    // 2025: P3 (all year) and P5 (01.01–03.01 = 2 nights, with child) → 2 households, 1 with children,
    // 1 of 2 with 14 days or less.
    expect(await kostraCounts(database.db, { tenantId }, 2025, asOf.today)).toEqual({
      households: 2,
      householdsWithChildren: 1,
      householdsWithChildrenOverThreeMonths: 0,
      householdsUpTo14Days: 1,
    });
  });

  it('adds every municipality for the national figure, and the year report carries the shares', async () => {
    // The other municipality's household (9 nights) joins: 7 households, 3 with 14 days or less → 42.9 %.
    const national = await buildNationalKostra(database.db, 2024, asOf.today);
    expect(national).toMatchObject({ households: 7, householdsUpTo14Days: 3, shareUpTo14Days: 42.9, deadline: '2025-02-15' });
    const year = await buildYearReport(database.db, tenantId, 2024, asOf);
    expect(year.kostra).toMatchObject({ households: 6, shareWithChildrenOverThreeMonths: 50, shareUpTo14Days: 33.3 });
    const checkIns = year.sections.flatMap((s) => s.figures).find((f) => f.key === 'checkIns')!;
    // Check-ins by month 2024: Jan S1, Feb S2 + S3, May S6, Jun S2b, Dec S5.
    expect(checkIns.values).toEqual([1, 2, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1]);
  });
});
