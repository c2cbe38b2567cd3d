import { z } from 'zod';

// Small shapes every feature uses. Messages are catalogue keys, translated on server and client.

/** A calendar date as ISO yyyy-mm-dd (the UI shows and accepts dd.mm.yyyy). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalidDate')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, 'validation.invalidDate')
  .meta({ format: 'date', example: '2026-11-26' });

/** Optional text: an empty string from a form means "not given". */
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional());

export const optionalIsoDate = z.preprocess((v) => (v === '' || v === null ? undefined : v), isoDate.optional());

export const requiredText = (max: number) => z.string('validation.required').trim().min(1, 'validation.required').max(max);

export const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[\d ]{8,17}$/, 'validation.invalidPhone');

export const uuid = z.uuid();
