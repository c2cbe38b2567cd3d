import { z } from 'zod';
import { isoDate, optionalIsoDate, requiredText } from '../http/shared-schemas.ts';

// Shapes of the inbox and the clock settings; shared by the pages, the routes and the OpenAPI document.

export const inboxMessageOutput = z
  .object({
    id: z.uuid(),
    createdAt: z.string(),
    kind: z.string(),
    /** A catalogue key; the page shows it in the reader's language with the params. */
    messageKey: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    /** Where the message leads (the stay's resident, the board); the record logs its own read. */
    link: z.string().nullable(),
    /** Null: for all staff; else for this user only. */
    forUserId: z.uuid().nullable(),
    read: z.boolean(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'InboxMessage' });

export const inboxOutput = z
  .object({
    unreadCount: z.number().int(),
    messages: z.array(inboxMessageOutput),
  })
  .meta({ id: 'Inbox', description: 'Messages for me or for all staff, newest first (the latest 200)' });

export const unreadCountOutput = z.object({ unreadCount: z.number().int() }).meta({ id: 'InboxUnreadCount' });

export const warningWeeks = z
  .array(z.number('settings.validation.weeks').int('settings.validation.weeks').min(1, 'settings.validation.weeks').max(52, 'settings.validation.weeks'), 'settings.validation.weeks')
  .min(1, 'settings.validation.weeksRequired')
  .max(8, 'settings.validation.weeksTooMany')
  .refine((w) => new Set(w).size === w.length, 'settings.validation.weeksTwice');

export const clockSettingsInput = z
  .object({
    /** Weeks after check-in at which staff get a warning in the inbox, e.g. [8, 10, 12]. */
    warningWeeks,
    /** The change applies from this day (today when left out); earlier days keep the old value. */
    validFrom: optionalIsoDate,
    /** Why the service changes it: kept with the row. */
    reason: requiredText(500),
  })
  .meta({ id: 'ClockSettingsInput' });

export const clockSettingsOutput = z
  .object({
    warningWeeks: z.array(z.number().int()),
    /** True when no change has been made and the default (8, 10, 12) applies. */
    isDefault: z.boolean(),
    validFrom: isoDate.nullable(),
    history: z.array(
      z.object({
        warningWeeks: z.array(z.number().int()),
        validFrom: isoDate,
        changedAt: z.string(),
        changedByName: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ClockSettings' });

export type InboxMessageOutput = z.infer<typeof inboxMessageOutput>;
export type InboxOutput = z.infer<typeof inboxOutput>;
export type UnreadCountOutput = z.infer<typeof unreadCountOutput>;
export type ClockSettingsInput = z.infer<typeof clockSettingsInput>;
export type ClockSettingsOutput = z.infer<typeof clockSettingsOutput>;
