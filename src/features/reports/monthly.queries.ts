import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { destinationGroupCase, episodesCte, monthsCte, num, rowsOf, tenantFilter, type Scope } from './reports.sql.ts';

// The monthly figures, for any list of months at once (one row per month, in the order given): the
// monthly report asks for three months (the month, the month before, the same month last year), the
// year report for twelve. Definitions are in reports.sql.ts and, per figure, in reports.definitions.ts.

/** The day the report is made: nights before `today` have passed; events up to `now` have happened. */
export interface AsOf {
  today: string;
  now: Date;
}

export interface StayFigures {
  month: string;
  roomNights: number;
  outOfServiceNights: number;
  occupiedNights: number;
  residentsAtStart: number;
  residentsAtEnd: number;
  checkIns: number;
  checkOuts: number;
  pastThreeMonths: number;
}

/**
 * Rooms, nights and residents. A room is counted from the day it was created (or its first stay, for
 * history entered afterwards). Out of service: from the state change's from-date to its to-date
 * (inclusive) or to the day the room's state next changed, whichever is first; days counted once.
 * Residents are persons (the applicant and a partner) staying the night; "at the start" is the night
 * before the 1st, so it equals the end of the month before.
 */
export async function stayFigures(db: Db, scope: Scope, months: readonly string[], asOf: AsOf): Promise<StayFigures[]> {
  const today = asOf.today;
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`with recursive ${episodesCte(scope)},
    ${monthsCte(months)},
    room_from as (
      select r.id, least((r.created_at at time zone 'Europe/Oslo')::date,
                         coalesce((select min(s.start_on) from stays s where s.room_id = r.id), 'infinity'::date)) as from_on
        from rooms r where ${tenantFilter(sql`r.tenant_id`, scope)}
    ),
    oos as (
      select c.room_id, c.from_on,
             least(coalesce(c.to_on + 1, 'infinity'::date),
                   coalesce((select min((n.changed_at at time zone 'Europe/Oslo')::date) from room_state_changes n
                              where n.room_id = c.room_id and n.changed_at > c.changed_at), 'infinity'::date)) as until_on
        from room_state_changes c
       where c.to_state = 'out_of_service' and c.from_on is not null and ${tenantFilter(sql`c.tenant_id`, scope)}
    ),
    bounds as (
      select first, next, ord, least(next, ${today}::date) as stop, least(next - 1, ${today}::date) as end_day,
             first <= ${today}::date as begun
        from months
    )
    select b.ord, b.first::text as month,
      (select coalesce(sum(greatest(0, b.stop - greatest(b.first, rf.from_on))), 0) from room_from rf) as room_nights,
      (select count(*) from (
         select distinct o.room_id, d::date from oos o
           cross join lateral generate_series(greatest(o.from_on, b.first), least(o.until_on, b.stop) - 1, interval '1 day') d
      ) x) as oos_nights,
      (select coalesce(sum(greatest(0, least(coalesce(s.end_on, 'infinity'::date), b.stop) - greatest(s.start_on, b.first))), 0)
         from stays s where ${tenantFilter(sql`s.tenant_id`, scope)}) as occupied_nights,
      (select coalesce(sum(1 + (s.partner_person_id is not null)::int), 0) from stays s
        where ${tenantFilter(sql`s.tenant_id`, scope)} and b.begun
          and s.start_on < b.first and (s.end_on is null or s.end_on >= b.first)) as residents_start,
      (select coalesce(sum(1 + (s.partner_person_id is not null)::int), 0) from stays s
        where ${tenantFilter(sql`s.tenant_id`, scope)} and b.begun
          and s.start_on <= b.end_day and (s.end_on is null or s.end_on > b.end_day)) as residents_end,
      (select count(*) from episodes e where e.start_on >= b.first and e.start_on < b.next) as check_ins,
      (select count(*) from episodes e where e.end_on >= b.first and e.end_on < b.next) as check_outs,
      (select count(*) from episodes e
        where b.begun and e.start_on <= b.end_day and (e.end_on is null or e.end_on > b.end_day)
          and b.end_day >= (e.start_on + interval '3 months')::date) as past_three_months
    from bounds b order by b.ord`,
  );
  return rows.map((r) => ({
    month: String(r.month),
    roomNights: num(r.room_nights)!,
    outOfServiceNights: num(r.oos_nights)!,
    occupiedNights: num(r.occupied_nights)!,
    residentsAtStart: num(r.residents_start)!,
    residentsAtEnd: num(r.residents_end)!,
    checkIns: num(r.check_ins)!,
    checkOuts: num(r.check_outs)!,
    pastThreeMonths: num(r.past_three_months)!,
  }));
}

export interface ReferralFigures {
  month: string;
  received: number;
  screenedOut: number;
  offered: number;
  accepted: number;
  declined: number;
  refused: number;
  waitingAtEnd: number;
}

/** Referral flow by the Oslo day each event happened; the waiting list as it stood at the month's end. */
export async function referralFigures(db: Db, scope: Scope, months: readonly string[], asOf: AsOf): Promise<ReferralFigures[]> {
  const now = asOf.now.toISOString();
  const inRange = (column: ReturnType<typeof sql>) => sql`${column} >= b.from_ts and ${column} < b.next_ts`;
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`with ${monthsCte(months)},
    bounds as (
      select ord, first, (first::timestamp at time zone 'Europe/Oslo') as from_ts, (next::timestamp at time zone 'Europe/Oslo') as next_ts
        from months
    )
    select b.ord, b.first::text as month,
      (select count(*) from referrals r where ${tenantFilter(sql`r.tenant_id`, scope)} and ${inRange(sql`r.received_at`)}) as received,
      (select count(distinct sc.referral_id) from screenings sc
        where ${tenantFilter(sql`sc.tenant_id`, scope)} and sc.result = 'excluded' and ${inRange(sql`sc.screened_at`)}) as screened_out,
      (select count(*) from decisions d
        where ${tenantFilter(sql`d.tenant_id`, scope)} and d.outcome = 'offer' and ${inRange(sql`d.decided_at`)}) as offered,
      (select count(*) from offers o
        where ${tenantFilter(sql`o.tenant_id`, scope)} and o.status = 'accepted' and ${inRange(sql`o.responded_at`)}) as accepted,
      (select count(*) from offers o
        where ${tenantFilter(sql`o.tenant_id`, scope)} and o.status = 'declined' and ${inRange(sql`o.responded_at`)}) as declined,
      (select count(*) from decisions d
        where ${tenantFilter(sql`d.tenant_id`, scope)} and d.outcome = 'refusal' and ${inRange(sql`d.decided_at`)}) as refused,
      (select count(*) from waiting_list_entries w
        where ${tenantFilter(sql`w.tenant_id`, scope)} and b.from_ts <= ${now}::timestamptz
          and w.added_at < least(b.next_ts, ${now}::timestamptz)
          and (w.removed_at is null or w.removed_at >= least(b.next_ts, ${now}::timestamptz))) as waiting_end
    from bounds b order by b.ord`,
  );
  return rows.map((r) => ({
    month: String(r.month),
    received: num(r.received)!,
    screenedOut: num(r.screened_out)!,
    offered: num(r.offered)!,
    accepted: num(r.accepted)!,
    declined: num(r.declined)!,
    refused: num(r.refused)!,
    waitingAtEnd: num(r.waiting_end)!,
  }));
}

export interface MoveOutFigures {
  month: string;
  movedOut: number;
  averageNights: number | null;
  medianNights: number | null;
  buckets: [number, number, number, number, number, number, number];
  destinations: { permanent: number; temporary: number; institution: number; homeless: number; other: number };
  destinationNotRecorded: number;
}

/**
 * Residents whose stay (episode) ended in the month: length in nights (first check-in to last
 * check-out), and where they went by the move-out's destination group. A stay that ended without a
 * move-out record counts as "other" and as not recorded (the data-quality list shows it).
 */
export async function moveOutFigures(db: Db, scope: Scope, months: readonly string[]): Promise<MoveOutFigures[]> {
  const nights = sql`(e.end_on - e.start_on)`;
  const group = destinationGroupCase(sql`mo.destination`);
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`with recursive ${episodesCte(scope)},
    ${monthsCte(months)}
    select m.ord, m.first::text as month,
      count(e.first_id) as moved_out,
      round(avg(${nights}), 1) as avg_nights,
      percentile_cont(0.5) within group (order by ${nights}) as median_nights,
      count(e.first_id) filter (where ${nights} <= 7) as b1,
      count(e.first_id) filter (where ${nights} between 8 and 14) as b2,
      count(e.first_id) filter (where ${nights} between 15 and 21) as b3,
      count(e.first_id) filter (where ${nights} between 22 and 30) as b4,
      count(e.first_id) filter (where ${nights} between 31 and 60) as b5,
      count(e.first_id) filter (where ${nights} between 61 and 90) as b6,
      count(e.first_id) filter (where ${nights} > 90) as b7,
      count(e.first_id) filter (where ${group} = 'permanent') as g_permanent,
      count(e.first_id) filter (where ${group} = 'temporary') as g_temporary,
      count(e.first_id) filter (where ${group} = 'institution') as g_institution,
      count(e.first_id) filter (where ${group} = 'homeless') as g_homeless,
      count(e.first_id) filter (where ${group} = 'other') as g_other,
      count(e.first_id) filter (where mo.id is null) as not_recorded
    from months m
    left join episodes e on e.end_on >= m.first and e.end_on < m.next
    left join move_outs mo on mo.stay_id = e.last_stay_id
    group by m.ord, m.first order by m.ord`,
  );
  return rows.map((r) => ({
    month: String(r.month),
    movedOut: num(r.moved_out)!,
    averageNights: num(r.avg_nights),
    medianNights: num(r.median_nights),
    buckets: [num(r.b1)!, num(r.b2)!, num(r.b3)!, num(r.b4)!, num(r.b5)!, num(r.b6)!, num(r.b7)!],
    destinations: {
      permanent: num(r.g_permanent)!,
      temporary: num(r.g_temporary)!,
      institution: num(r.g_institution)!,
      homeless: num(r.g_homeless)!,
      other: num(r.g_other)!,
    },
    destinationNotRecorded: num(r.not_recorded)!,
  }));
}

export interface AftercareFigures {
  month: string;
  followUpsDone: number;
  stillHoused: number;
}

/** Aftercare follow-ups recorded as done in the month, and how many of them found the person still housed. */
export async function aftercareFigures(db: Db, scope: Scope, months: readonly string[]): Promise<AftercareFigures[]> {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`with ${monthsCte(months)}
    select m.ord, m.first::text as month,
      count(f.id) as done,
      count(f.id) filter (where f.still_housed) as still_housed
    from months m
    left join aftercare_follow_ups f on ${tenantFilter(sql`f.tenant_id`, scope)} and f.done_on >= m.first and f.done_on < m.next
    group by m.ord, m.first order by m.ord`,
  );
  return rows.map((r) => ({ month: String(r.month), followUpsDone: num(r.done)!, stillHoused: num(r.still_housed)! }));
}
