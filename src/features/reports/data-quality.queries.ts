import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from './reports.sql.ts';
import type { DataQualityKind } from './reports.schema.ts';

// Data-quality checks: records the figures cannot be right about. Each row says what is wrong, when,
// and which page fixes it (ids only; no names leave this query).

export interface DataQualityRow {
  kind: DataQualityKind;
  entityId: string;
  personId: string | null;
  roomId: string | null;
  roomName: string | null;
  on: string;
}

export async function listDataQualityIssues(db: Db, tenantId: string, now: Date): Promise<DataQualityRow[]> {
  return rowsOf<DataQualityRow>(
    db,
    sql`with occupant as (
      select s.id, s.room_id, s.start_on, s.end_on, o.person_id
        from stays s cross join lateral (values (s.person_id), (s.partner_person_id)) as o(person_id)
       where s.tenant_id = ${tenantId}::uuid and o.person_id is not null
    ),
    oos as (
      select c.room_id, c.from_on,
             least(coalesce(c.to_on + 1, 'infinity'::date),
                   coalesce((select min((n.changed_at at time zone 'Europe/Oslo')::date) from room_state_changes n
                              where n.room_id = c.room_id and n.changed_at > c.changed_at), 'infinity'::date)) as until_on
        from room_state_changes c
       where c.tenant_id = ${tenantId}::uuid and c.to_state = 'out_of_service' and c.from_on is not null
    )
    -- One person in two stays on the same night (two rooms at once).
    select distinct on (b.id) 'overlapping_stays' as kind, b.id::text as "entityId", b.person_id::text as "personId",
           b.room_id::text as "roomId", r.name as "roomName", b.start_on::text as "on"
      from occupant a
      join occupant b on a.person_id = b.person_id and (a.start_on, a.id) < (b.start_on, b.id)
       and daterange(a.start_on, a.end_on, '[)') && daterange(b.start_on, b.end_on, '[)')
      join rooms r on r.id = b.room_id
    union all
    -- A stay that ended without a move-out (no destination) and not by a room move.
    select 'missing_destination', s.id::text, s.person_id::text, s.room_id::text, r.name, s.end_on::text
      from stays s join rooms r on r.id = s.room_id
     where s.tenant_id = ${tenantId}::uuid and s.end_on is not null
       and not exists (select 1 from move_outs mo where mo.stay_id = s.id)
       and not exists (select 1 from room_moves rm where rm.from_stay_id = s.id)
    union all
    -- Someone lived in a room on a night it was out of service.
    select distinct on (s.id) 'out_of_service_occupied', s.id::text, s.person_id::text, s.room_id::text, r.name,
           greatest(s.start_on, o.from_on)::text
      from stays s join oos o on o.room_id = s.room_id join rooms r on r.id = s.room_id
     where s.tenant_id = ${tenantId}::uuid
       and daterange(s.start_on, s.end_on, '[)') && daterange(o.from_on, o.until_on, '[)')
    union all
    -- Two people in a room for one.
    select 'over_capacity', s.id::text, s.person_id::text, s.room_id::text, r.name, s.start_on::text
      from stays s join rooms r on r.id = s.room_id
     where s.tenant_id = ${tenantId}::uuid and s.partner_person_id is not null and r.capacity < 2
    union all
    -- The room's state says occupied with nobody in it, or somebody lives in a room marked otherwise.
    select 'state_mismatch', r.id::text, null, r.id::text, r.name, (r.created_at at time zone 'Europe/Oslo')::date::text
      from rooms r
     where r.tenant_id = ${tenantId}::uuid
       and (r.state = 'occupied') <> exists (select 1 from stays s where s.room_id = r.id and s.end_on is null)
    union all
    -- A referral received more than a day ago with no decision.
    select 'referral_undecided', f.id::text, f.person_id::text, null, null, (f.received_at at time zone 'Europe/Oslo')::date::text
      from referrals f
     where f.tenant_id = ${tenantId}::uuid and f.status in ('received', 'screened')
       and f.received_at < ${now.toISOString()}::timestamptz - interval '1 day'
       and not exists (select 1 from decisions d where d.referral_id = f.id)
    order by 6, 1`,
  );
}
