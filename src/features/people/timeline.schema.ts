import { z } from 'zod';
import { isoDate } from '../../platform/http/shared-schemas.ts';

// The resident's story from referral to aftercare, as one list of events across the features.

export const timelineSource = z
  .enum(['referrals', 'stays', 'agreements', 'journal', 'housing_search', 'aftercare'])
  .meta({ id: 'TimelineSource' });

export const timelineEventOutput = z
  .object({
    on: isoDate.meta({ description: 'The calendar day (Europe/Oslo)' }),
    at: z.string().nullable().meta({ description: 'The instant, when one is known; null for events recorded as a date' }),
    kind: z.string().meta({ example: 'stay.moved_out' }),
    source: timelineSource,
    label: z.string().meta({ description: 'Catalogue key of a short Norwegian label', example: 'timeline.stay.movedOut' }),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .meta({ description: 'Values for the label; a value that is itself a catalogue key is translated first' }),
    link: z.string().nullable().meta({ description: 'A page of the app with more, where there is one' }),
    planned: z.boolean().meta({ description: 'Not happened yet (a follow-up that is planned)' }),
  })
  .meta({ id: 'TimelineEvent' });

export const timelineOutput = z
  .object({
    personId: z.uuid(),
    events: z.array(timelineEventOutput).meta({ description: 'Oldest first' }),
    hidden: z.array(timelineSource).meta({ description: "Parts of the story the user's role may not see" }),
  })
  .meta({ id: 'Timeline' });

export type TimelineSource = z.infer<typeof timelineSource>;
export type TimelineEvent = z.infer<typeof timelineEventOutput>;
export type TimelineOutput = z.infer<typeof timelineOutput>;
