import { z } from 'zod';
import { isoDate, requiredText } from '../../platform/http/shared-schemas.ts';
import { shiftType } from '../shift-log/shift-log.schema.ts';

const count = z.number('staffing.validation.count').int('staffing.validation.count').min(0, 'staffing.validation.count').max(10, 'staffing.validation.count');
export const shiftNeeds = z.object({ day: count, evening: count, night: count }).meta({ id: 'ShiftNeeds' });

export const staffingPatternInput = z
  .object({
    weekday: shiftNeeds,
    weekend: shiftNeeds,
    validFrom: z.preprocess((v) => (v === '' || v === null ? undefined : v), isoDate.optional()),
    reason: requiredText(500),
  })
  .meta({ id: 'StaffingPatternInput' });

export const staffingPatternOutput = z
  .object({
    weekday: shiftNeeds,
    weekend: shiftNeeds,
    isDefault: z.boolean(),
    validFrom: isoDate.nullable(),
    history: z.array(z.object({ weekday: shiftNeeds, weekend: shiftNeeds, validFrom: isoDate, changedByName: z.string().nullable(), reason: z.string().nullable() })),
  })
  .meta({ id: 'StaffingPattern' });

export const rotaPeriodQuery = z
  .object({ from: isoDate, to: isoDate })
  .refine((v) => v.to >= v.from, { path: ['to'], message: 'staffing.validation.toBeforeFrom' })
  .meta({ id: 'RotaPeriod' });

export const rotaMemberOutput = z
  .object({ userId: z.uuid(), name: z.string(), weekendGroup: z.number().int().nullable().meta({ description: '0–3; null until the person is on a generated rota' }) })
  .meta({ id: 'RotaMember' });

export const rotaOutput = z
  .object({
    from: isoDate,
    to: isoDate,
    members: z.array(rotaMemberOutput),
    days: z.array(
      z.object({
        day: isoDate,
        isWeekend: z.boolean(),
        weekendGroup: z.number().int(),
        shifts: z.array(
          z.object({
            shift: shiftType,
            required: z.number().int(),
            assigned: z.array(z.object({ id: z.uuid(), userId: z.uuid(), name: z.string(), source: z.enum(['generated', 'manual']) })),
          }),
        ),
      }),
    ),
    warnings: z.array(z.object({ day: isoDate, shift: shiftType, required: z.number().int(), assigned: z.number().int() })).meta({ description: 'Under-staffed shifts' }),
  })
  .meta({ id: 'Rota' });

export const assignmentInput = z.object({ day: isoDate, shift: shiftType, userId: z.uuid('staffing.validation.person') }).meta({ id: 'RotaAssignmentInput' });

export const weekendGroupInput = z
  .object({ weekendGroup: z.number('staffing.validation.group').int('staffing.validation.group').min(0, 'staffing.validation.group').max(3, 'staffing.validation.group') })
  .meta({ id: 'WeekendGroupInput', description: '0–3 (shown as group 1–4)' });

export type WeekendGroupInput = z.infer<typeof weekendGroupInput>;
export type StaffingPatternInput = z.infer<typeof staffingPatternInput>;
export type StaffingPatternOutput = z.infer<typeof staffingPatternOutput>;
export type RotaPeriod = z.infer<typeof rotaPeriodQuery>;
export type RotaOutput = z.infer<typeof rotaOutput>;
export type RotaMemberOutput = z.infer<typeof rotaMemberOutput>;
export type AssignmentInput = z.infer<typeof assignmentInput>;
