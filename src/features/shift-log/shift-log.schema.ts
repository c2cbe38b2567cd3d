import { z } from 'zod';
import { isoDate, requiredText } from '../../platform/http/shared-schemas.ts';
import { clockTime } from '../journal/journal.schema.ts';

// The same list as the table's enum (shift-log.tables.ts); repeated so the web app does not load the
// database schema. shift-log.rules.test.ts checks they agree.
export const shiftType = z.enum(['day', 'evening', 'night']).meta({ id: 'ShiftType' });

/** A new shift-log entry, or a correction of one (a correction is a whole new entry). */
export const shiftLogEntryInput = z
  .object({
    shiftDate: isoDate.meta({ description: 'The day the shift started (a night shift belongs to the evening it began)' }),
    shift: shiftType,
    occurredTime: clockTime.meta({ description: 'hh:mm Oslo time; on a night shift a time before 07:30 is after midnight' }),
    body: requiredText(5_000),
    personIds: z
      .array(z.uuid('shiftLog.validation.person'))
      .max(20, 'shiftLog.validation.tooManyPeople')
      .default([])
      .meta({ description: 'Residents the entry is about (optional); reading the entry is then logged in their access log' }),
    incidentId: z
      .preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid('shiftLog.validation.incident').optional())
      .meta({ description: 'The incident (avvik) the entry is about (optional)' }),
  })
  .meta({ id: 'ShiftLogEntryInput' });

/** recordClosed: the person's record is closed to this user (access by need): named, not read. */
export const shiftLogPerson = z.object({ id: z.uuid(), name: z.string(), recordClosed: z.boolean() }).meta({ id: 'ShiftLogPerson' });

export const shiftLogEntryOutput = z
  .object({
    id: z.uuid(),
    shiftDate: isoDate,
    shift: shiftType,
    occurredAt: z.string(),
    body: z.string(),
    people: z.array(shiftLogPerson),
    incidentId: z.uuid().nullable().meta({ description: 'The incident (avvik) the entry is about, once incidents exist' }),
    correctsEntryId: z.uuid().nullable(),
    correctedByEntryId: z.uuid().nullable(),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'ShiftLogEntry' });

export const handoverOutput = z
  .object({
    from: z.string().meta({ description: 'Start of the window (24 hours before now)' }),
    to: z.string(),
    current: z.object({ shiftDate: isoDate, shift: shiftType }).meta({ description: 'The shift running now' }),
    shifts: z.array(z.object({ shiftDate: isoDate, shift: shiftType, entries: z.array(shiftLogEntryOutput) })),
  })
  .meta({ id: 'ShiftLogHandover' });

export const shiftLogDayQuery = z.object({ day: isoDate }).meta({ id: 'ShiftLogDayQuery' });

export const shiftLogDayOutput = z
  .object({
    day: isoDate,
    shifts: z.array(z.object({ shiftDate: isoDate, shift: shiftType, entries: z.array(shiftLogEntryOutput) })),
  })
  .meta({ id: 'ShiftLogDay' });

export const shiftLogResidentOutput = z.object({ id: z.uuid(), name: z.string(), roomName: z.string() }).meta({ id: 'ShiftLogResident' });

export type ShiftLogEntryInput = z.infer<typeof shiftLogEntryInput>;
export type ShiftLogEntryOutput = z.infer<typeof shiftLogEntryOutput>;
export type HandoverOutput = z.infer<typeof handoverOutput>;
export type ShiftLogDayOutput = z.infer<typeof shiftLogDayOutput>;
export type ShiftLogResidentOutput = z.infer<typeof shiftLogResidentOutput>;
export type ShiftTypeValue = z.infer<typeof shiftType>;
