import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../platform/http/shared-schemas.ts';

// The same lists as the table's enums (journal.tables.ts); repeated here so the web app does not load
// the database schema. journal.rules.test.ts checks they agree.
export const journalEntryType = z.enum(['conversation', 'phone_call', 'meeting', 'service_contact', 'note']);
export const contactedService = z.enum(['nav', 'health_care', 'mental_health_substance', 'housing_office', 'landlord', 'other']);

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** hh:mm on a 24-hour clock, as staff type it. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'journal.validation.time').meta({ example: '14:30' });

/** A new journal entry, or a correction of one (the same fields: a correction is a whole new entry). */
export const journalEntryInput = z
  .object({
    occurredOn: isoDate.meta({ description: 'The day it happened, yyyy-mm-dd in Europe/Oslo (the form takes dd.mm.yyyy)' }),
    occurredTime: clockTime.meta({ description: 'The time it happened, hh:mm in Europe/Oslo' }),
    type: journalEntryType,
    service: z.preprocess(emptyToUndefined, contactedService.optional()).meta({ description: 'Required for service_contact, not allowed otherwise' }),
    present: optionalText(500),
    body: requiredText(10_000),
    isSensitive: z.boolean().default(false).meta({ description: 'Health or substance use: shown only to roles with journal:read:sensitive' }),
  })
  .superRefine((value, ctx) => {
    if (value.type === 'service_contact' && !value.service) {
      ctx.addIssue({ code: 'custom', path: ['service'], message: 'journal.validation.serviceRequired' });
    }
    if (value.type !== 'service_contact' && value.service) {
      ctx.addIssue({ code: 'custom', path: ['service'], message: 'journal.validation.serviceOnlyForContact' });
    }
  })
  .meta({ id: 'JournalEntryInput' });

/**
 * One entry as the reader may see it. A sensitive entry read by someone without
 * journal:read:sensitive is `shielded`: only its id, its day and its links remain; the database
 * query itself returns null for everything else (see journal.queries.ts).
 */
export const journalEntryOutput = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    occurredOn: isoDate,
    occurredAt: z.string().nullable().meta({ description: 'Null when shielded' }),
    shielded: z.boolean(),
    isSensitive: z.boolean(),
    type: journalEntryType.nullable(),
    service: contactedService.nullable(),
    present: z.string().nullable(),
    body: z.string().nullable(),
    correctsEntryId: z.uuid().nullable(),
    correctedByEntryId: z.uuid().nullable().meta({ description: 'The newest entry that corrects this one' }),
    createdAt: z.string().nullable(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'JournalEntry' });

export type JournalEntryInput = z.infer<typeof journalEntryInput>;
export type JournalEntryOutput = z.infer<typeof journalEntryOutput>;
export type JournalEntryType = z.infer<typeof journalEntryType>;
export type ContactedService = z.infer<typeof contactedService>;
