import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccesses } from '../../platform/audit/audit.service.ts';
import { fullName } from './stays.check-in.service.ts';
import { addDays, initials, isoWeek, mondayOf, osloDate, stayClock } from './stays.rules.ts';
import * as q from './stays.queries.ts';
import { clockFlagsForStays } from './extension.service.ts';
import type { BoardOutput, CalendarOutput, CalendarSpanOutput, FireListOutput } from './stays.schema.ts';

/** dd.mm.yyyy for the calendar's text alternatives (the page shows dates the same way). */
const formatIsoDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Arrivals and departures are shown this many days ahead. */
export const BOARD_HORIZON_DAYS = 14;
/** The calendar shows six weeks from the Monday of the week asked for. */
export const CALENDAR_WEEKS = 6;

// Reading the board shows residents' names, so it is a read of each of them: one access-log row per
// person shown, with the purpose of the daily follow-up (written in one statement, not one per person).
async function recordReads(ctx: Ctx, personIds: Iterable<string | null>, purpose: string) {
  await recordAccesses(ctx, personIds, purpose);
}

/**
 * The staff's home page in one read: every room with its state and resident, the three-month clock,
 * arrivals and departures of the next 14 days, and the free rooms. Three reads (the rooms, the
 * arrivals, and the chains of room moves with their extensions), whatever the size.
 */
export async function getBoard(ctx: Ctx): Promise<BoardOutput> {
  const user = requirePermission(ctx, 'stay:read');
  return inTransaction(ctx, async (tx) => {
    const today = osloDate(tx.now);
    const horizonOn = addDays(today, BOARD_HORIZON_DAYS);
    const roomRows = await q.listBoardRooms(tx.db, user.tenantId);
    const arrivalRows = await q.listArrivals(tx.db, user.tenantId, horizonOn);
    // After a room move the resident's stay began in the first room: the clock counts from there.
    const flags = await clockFlagsForStays(tx.db, user.tenantId, roomRows.flatMap((r) => (r.stayId ? [r.stayId] : [])), today);
    const chainStarts = new Map(roomRows.flatMap((r) => (r.stayId ? [[r.stayId, flags.get(r.stayId)?.chainStartOn ?? r.startOn!] as const] : [])));

    const rooms = roomRows.map((r) => ({
      id: r.id,
      houseId: r.houseId,
      houseName: r.houseName,
      name: r.name,
      capacity: r.capacity,
      isCrisisRoom: r.isCrisisRoom,
      takesCouples: r.takesCouples,
      state: r.state,
      outOfServiceReason: r.outOfServiceReason,
      resident:
        r.stayId === null
          ? null
          : {
              stayId: r.stayId,
              personId: r.personId!,
              personName: fullName(r.personGivenName, r.personFamilyName)!,
              partnerPersonId: r.partnerPersonId,
              partnerName: fullName(r.partnerGivenName, r.partnerFamilyName),
              startOn: chainStarts.get(r.stayId)!,
              plannedEndOn: r.plannedEndOn!,
              overdueWithoutExtension: flags.get(r.stayId)?.overdueWithoutExtension ?? false,
              extendedUntil: flags.get(r.stayId)?.coveredUntil ?? null,
              clock: stayClock(chainStarts.get(r.stayId)!, today),
            },
    }));
    const departures = rooms
      .filter((r) => r.resident && r.resident.plannedEndOn <= horizonOn)
      .map((r) => ({
        stayId: r.resident!.stayId,
        roomId: r.id,
        roomName: r.name,
        personName: r.resident!.personName,
        partnerName: r.resident!.partnerName,
        plannedEndOn: r.resident!.plannedEndOn,
        overdue: r.resident!.plannedEndOn < today,
        clock: r.resident!.clock,
        overdueWithoutExtension: r.resident!.overdueWithoutExtension,
      }))
      .sort((a, b) => a.plannedEndOn.localeCompare(b.plannedEndOn));
    const arrivals = arrivalRows.map((a) => ({
      offerId: a.offerId,
      referralId: a.referralId,
      roomId: a.roomId,
      roomName: a.roomName,
      personName: fullName(a.personGivenName, a.personFamilyName)!,
      partnerName: fullName(a.partnerGivenName, a.partnerFamilyName),
      fromOn: a.fromOn,
      plannedEndOn: a.plannedEndOn,
      overdue: a.fromOn < today,
    }));
    const freeRooms = rooms.filter((r) => r.state === 'ready' && !r.resident).map((r) => ({ id: r.id, name: r.name, houseName: r.houseName }));

    await recordReads(
      tx,
      [...rooms.flatMap((r) => [r.resident?.personId ?? null, r.resident?.partnerPersonId ?? null]), ...arrivalRows.flatMap((a) => [a.personId, a.partnerPersonId])],
      'follow_up',
    );
    return { today, horizonOn, rooms, arrivals, departures, freeRooms };
  });
}

/**
 * Rooms × weeks: six weeks from the Monday of `from` (this week when left out). Each span carries
 * the resident's initials for the eye and a full text alternative for screen readers and print.
 */
export async function getBoardCalendar(ctx: Ctx, from?: string): Promise<CalendarOutput> {
  const user = requirePermission(ctx, 'stay:read');
  return inTransaction(ctx, async (tx) => {
    const today = osloDate(tx.now);
    const start = mondayOf(from ?? today);
    const end = addDays(start, CALENDAR_WEEKS * 7);
    const roomRows = await q.listBoardRooms(tx.db, user.tenantId);
    const stayRows = await q.listStaysInWindow(tx.db, user.tenantId, start, end);
    const arrivalRows = await q.listArrivals(tx.db, user.tenantId, addDays(end, -1), start);

    const spans = new Map<string, CalendarSpanOutput[]>();
    const add = (roomId: string, span: CalendarSpanOutput) => spans.set(roomId, [...(spans.get(roomId) ?? []), span]);
    const household = (r: { personGivenName: string; personFamilyName: string; partnerGivenName: string | null; partnerFamilyName: string | null }) => ({
      initials: initials(r.personGivenName, r.personFamilyName) + (r.partnerGivenName ? `+${initials(r.partnerGivenName, r.partnerFamilyName ?? '')}` : ''),
      names: [fullName(r.personGivenName, r.personFamilyName), fullName(r.partnerGivenName, r.partnerFamilyName)].filter(Boolean).join(` ${tx.locale === 'nb' ? 'og' : 'and'} `),
    });
    const period = (startOn: string, endOn: string | null) =>
      endOn ? `${formatIsoDate(startOn)}–${formatIsoDate(endOn)}` : `${formatIsoDate(startOn)}–`;

    for (const s of stayRows) {
      // An open stay shows until its planned end, or until tomorrow when it has run past it.
      const endOn = s.endOn ?? (s.plannedEndOn > today ? s.plannedEndOn : addDays(today, 1));
      const h = household(s);
      const label = s.endOn
        ? `${h.names}, ${period(s.startOn, s.endOn)}`
        : tx.locale === 'nb'
          ? `${h.names}, innflyttet ${formatIsoDate(s.startOn)}, planlagt slutt ${formatIsoDate(s.plannedEndOn)}`
          : `${h.names}, checked in ${formatIsoDate(s.startOn)}, planned end ${formatIsoDate(s.plannedEndOn)}`;
      add(s.roomId, { kind: 'stay', id: s.id, startOn: s.startOn, endOn, initials: h.initials, label });
    }
    for (const a of arrivalRows) {
      const h = household(a);
      const word = tx.locale === 'nb' ? 'ankommer' : 'arriving';
      add(a.roomId, { kind: 'arrival', id: a.offerId, startOn: a.fromOn, endOn: a.plannedEndOn, initials: h.initials, label: `${h.names} (${word}), ${period(a.fromOn, a.plannedEndOn)}` });
    }
    for (const r of roomRows) {
      if (r.state !== 'out_of_service' || !r.outOfServiceFromOn) continue;
      const endOn = r.outOfServiceToOn ? addDays(r.outOfServiceToOn, 1) : null;
      if (r.outOfServiceFromOn >= end || (endOn && endOn <= start)) continue;
      const word = tx.locale === 'nb' ? 'Ute av drift' : 'Out of service';
      add(r.id, { kind: 'out_of_service', id: null, startOn: r.outOfServiceFromOn, endOn, initials: '', label: `${word}, ${period(r.outOfServiceFromOn, r.outOfServiceToOn)}` });
    }

    await recordReads(tx, [...stayRows.flatMap((s) => [s.personId, s.partnerPersonId]), ...arrivalRows.flatMap((a) => [a.personId, a.partnerPersonId])], 'follow_up');
    return {
      from: start,
      to: end,
      today,
      weeks: Array.from({ length: CALENDAR_WEEKS }, (_, i) => ({ startOn: addDays(start, i * 7), week: isoWeek(addDays(start, i * 7)) })),
      rooms: roomRows.map((r) => ({
        id: r.id,
        name: r.name,
        houseName: r.houseName,
        spans: (spans.get(r.id) ?? []).sort((a, b) => a.startOn.localeCompare(b.startOn)),
      })),
    };
  });
}

/**
 * The fire list (brannliste): who is in the house right now — every open stay that has begun, with
 * the room and the partner — so the fire brigade and staff can count everyone out.
 */
export async function getFireList(ctx: Ctx): Promise<FireListOutput> {
  const user = requirePermission(ctx, 'stay:read');
  return inTransaction(ctx, async (tx) => {
    const today = osloDate(tx.now);
    const houseRows = await q.listHousesForFireList(tx.db, user.tenantId);
    const residentRows = await q.listPeopleInHouse(tx.db, user.tenantId, today);
    const houses = houseRows.map((h) => {
      const residents = residentRows
        .filter((r) => r.houseId === h.id)
        .map((r) => ({
          stayId: r.stayId,
          roomName: r.roomName,
          personName: fullName(r.personGivenName, r.personFamilyName)!,
          partnerName: fullName(r.partnerGivenName, r.partnerFamilyName),
        }));
      return { ...h, residents, peopleCount: residents.reduce((n, r) => n + (r.partnerName ? 2 : 1), 0) };
    });
    // Fire safety is its own purpose in the person's access log: the list is read to get everyone
    // out, not to follow anyone up, and the person has a right to see why their name was read.
    await recordReads(tx, residentRows.flatMap((r) => [r.personId, r.partnerPersonId]), 'fire_safety');
    return { printedAt: tx.now.toISOString(), today, houses, peopleCount: houses.reduce((n, h) => n + h.peopleCount, 0) };
  });
}
