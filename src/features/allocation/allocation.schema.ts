import { z } from 'zod';
import { isoDate, optionalIsoDate, optionalText, requiredText } from '../../platform/http/shared-schemas.ts';
import { latestEndDate } from './allocation.rules.ts';

export const decisionOutcome = z.enum(['offer', 'waiting_list', 'refusal']);
export const urgency = z.enum(['tonight', 'this_week', 'later']);
export const offerStatus = z.enum(['open', 'accepted', 'declined', 'lapsed']);
export const screeningResult = z.enum(['eligible', 'needs_justification', 'excluded']);
export const complaintStatus = z.enum(['received', 'reassessed', 'sent_to_statsforvalteren', 'upheld', 'overturned', 'withdrawn']);
export const waitingListChange = z.enum(['added', 'urgency_changed', 'reason_changed', 'removed', 'offered']);

const optionalUuid = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid('validation.invalidChoice').optional());

/**
 * A decision (vedtak): offer a place, put on the waiting list, or refuse; always with reasons.
 * An offer names the room and the period, at most three calendar months (latestEndDate); the
 * waiting list needs an urgency. Fields of another outcome are refused, not silently dropped.
 */
export const decisionInput = z
  .object({
    outcome: decisionOutcome,
    reasons: requiredText(4000),
    roomId: optionalUuid,
    fromDate: optionalIsoDate,
    plannedEndDate: optionalIsoDate,
    exceptionJustification: optionalText(4000),
    urgency: z.preprocess((v) => (v === '' ? undefined : v), urgency.optional()),
    waitingListReason: optionalText(1000),
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (value.outcome === 'offer') {
      if (!value.roomId) issue('roomId', 'allocation.validation.roomRequired');
      if (!value.fromDate) issue('fromDate', 'validation.required');
      if (!value.plannedEndDate) issue('plannedEndDate', 'validation.required');
      // ISO dates compare correctly as strings.
      if (value.fromDate && value.plannedEndDate) {
        if (value.plannedEndDate <= value.fromDate) issue('plannedEndDate', 'allocation.validation.endAfterFrom');
        else if (value.plannedEndDate > latestEndDate(value.fromDate)) issue('plannedEndDate', 'allocation.validation.atMostThreeMonths');
      }
    } else {
      for (const field of ['roomId', 'fromDate', 'plannedEndDate'] as const) if (value[field]) issue(field, 'allocation.validation.onlyForOffer');
    }
    if (value.outcome === 'waiting_list') {
      if (!value.urgency) issue('urgency', 'allocation.validation.urgencyRequired');
    } else {
      if (value.urgency) issue('urgency', 'allocation.validation.onlyForWaitingList');
      if (value.waitingListReason) issue('waitingListReason', 'allocation.validation.onlyForWaitingList');
    }
  })
  .meta({
    id: 'DecisionInput',
    description:
      'offer: roomId, fromDate, plannedEndDate (at most three calendar months after fromDate); waiting_list: urgency (and a waitingListReason, else the reasons are shown); refusal: reasons only',
  });

export const declineOfferInput = z.object({ reason: requiredText(1000) }).meta({ id: 'DeclineOfferInput' });

export const updateWaitingListInput = z
  .object({
    urgency: z.preprocess((v) => (v === '' ? undefined : v), urgency.optional()),
    reason: optionalText(1000),
  })
  .refine((v) => v.urgency !== undefined || v.reason !== undefined, { message: 'allocation.validation.nothingToChange', path: ['urgency'] })
  .meta({ id: 'UpdateWaitingListInput', description: 'A new urgency, a new visible reason, or both' });

export const removeWaitingListInput = z.object({ reason: requiredText(1000) }).meta({ id: 'RemoveWaitingListInput' });

export const complaintInput = z
  .object({ receivedOn: isoDate, summary: requiredText(4000) })
  .meta({ id: 'ComplaintInput', description: 'The day the complaint was received, and what it says' });

export const complaintEventInput = z
  .object({
    status: complaintStatus.exclude(['received']),
    note: optionalText(2000),
  })
  .meta({ id: 'ComplaintEventInput', description: 'The next step of a complaint, with a note' });

// ─── Outputs ────────────────────────────────────────────────────────────────

export const screeningSummaryOutput = z
  .object({
    id: z.uuid(),
    screenedAt: z.string(),
    screenedByName: z.string().nullable(),
    result: screeningResult,
    exceptions: z.array(z.string()),
    justification: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ScreeningSummary' });

export const offerOutput = z
  .object({
    id: z.uuid(),
    decisionId: z.uuid(),
    referralId: z.uuid(),
    roomId: z.uuid(),
    roomName: z.string(),
    houseName: z.string(),
    fromDate: isoDate,
    plannedEndDate: isoDate,
    expiresAt: z.string(),
    /** 'lapsed' also for an open offer whose expiry has passed but that no job has marked yet. */
    status: offerStatus,
    respondedAt: z.string().nullable(),
    respondedByName: z.string().nullable(),
    declineReason: z.string().nullable(),
  })
  .meta({ id: 'Offer' });

export const complaintEventOutput = z
  .object({ id: z.uuid(), at: z.string(), byName: z.string().nullable(), status: complaintStatus, note: z.string().nullable() })
  .meta({ id: 'ComplaintEvent' });

export const complaintOutput = z
  .object({
    id: z.uuid(),
    decisionId: z.uuid(),
    receivedOn: isoDate,
    summary: z.string(),
    status: complaintStatus,
    registeredAt: z.string(),
    registeredByName: z.string().nullable(),
    /** The last day of the three-week deadline counted from the decision day. */
    deadline: isoDate,
    /** Received after that day: registered all the same, with a warning. */
    receivedAfterDeadline: z.boolean(),
    nextSteps: z.array(complaintStatus),
    events: z.array(complaintEventOutput),
  })
  .meta({ id: 'Complaint' });

export const decisionOutput = z
  .object({
    id: z.uuid(),
    referralId: z.uuid(),
    decidedAt: z.string(),
    decidedByName: z.string().nullable(),
    /** Decided on the day the referral came in (the law asks for a decision the same day). */
    sameDayAsReferral: z.boolean(),
    outcome: decisionOutcome,
    reasons: z.string(),
    roomId: z.uuid().nullable(),
    roomName: z.string().nullable(),
    houseName: z.string().nullable(),
    fromDate: isoDate.nullable(),
    plannedEndDate: isoDate.nullable(),
    exceptionJustification: z.string().nullable(),
    offer: offerOutput.nullable(),
    /** Empty for a user who may not read complaints. */
    complaints: z.array(complaintOutput),
  })
  .meta({ id: 'Decision' });

export const waitingListItemOutput = z
  .object({
    entryId: z.uuid(),
    referralId: z.uuid(),
    position: z.number().int(),
    householdName: z.string(),
    urgency,
    reason: z.string(),
    addedAt: z.string(),
  })
  .meta({ id: 'WaitingListItem' });

export const referralDecisionsOutput = z
  .object({
    referralId: z.uuid(),
    referralStatus: z.string(),
    householdName: z.string(),
    receivedAt: z.string(),
    nowhereToSleepTonight: z.boolean(),
    latestScreening: screeningSummaryOutput.nullable(),
    waitingListEntry: waitingListItemOutput.nullable(),
    /** Newest first. */
    decisions: z.array(decisionOutput),
  })
  .meta({ id: 'ReferralDecisions' });

export const waitingListEventOutput = z
  .object({
    id: z.uuid(),
    at: z.string(),
    byName: z.string().nullable(),
    change: waitingListChange,
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'WaitingListEvent' });

export const lapseResultOutput = z.object({ lapsedOfferIds: z.array(z.uuid()) }).meta({ id: 'LapseResult' });

export type DecisionInput = z.infer<typeof decisionInput>;
export type DeclineOfferInput = z.infer<typeof declineOfferInput>;
export type UpdateWaitingListInput = z.infer<typeof updateWaitingListInput>;
export type RemoveWaitingListInput = z.infer<typeof removeWaitingListInput>;
export type ComplaintInput = z.infer<typeof complaintInput>;
export type ComplaintEventInput = z.infer<typeof complaintEventInput>;
export type ScreeningSummaryOutput = z.infer<typeof screeningSummaryOutput>;
export type OfferOutput = z.infer<typeof offerOutput>;
export type ComplaintOutput = z.infer<typeof complaintOutput>;
export type ComplaintEventOutput = z.infer<typeof complaintEventOutput>;
export type DecisionOutput = z.infer<typeof decisionOutput>;
export type WaitingListItemOutput = z.infer<typeof waitingListItemOutput>;
export type ReferralDecisionsOutput = z.infer<typeof referralDecisionsOutput>;
export type WaitingListEventOutput = z.infer<typeof waitingListEventOutput>;
export type Urgency = z.infer<typeof urgency>;
export type DecisionOutcome = z.infer<typeof decisionOutcome>;
