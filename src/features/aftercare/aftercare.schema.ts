import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../platform/http/shared-schemas.ts';

// The same list as moving-on.tables.ts (a test keeps them equal); repeated here so the browser
// bundle does not pull in the database tables.
export const moveOutDestinationValues = [
  'private_rental',
  'municipal_rental',
  'owned_home',
  'permanent_with_family',
  'temporary_with_family_friends',
  'other_temporary_accommodation',
  'institution_treatment',
  'prison',
  'homeless',
  'deceased',
  'other',
  'unknown',
] as const;
export const moveOutDestination = z.enum(moveOutDestinationValues).meta({ id: 'AftercareMoveOutDestination' });

// ——— Aftercare agreement (oppfølgingsavtale etter innflytting i egen bolig) ———

const agreementFields = {
  startsOn: isoDate,
  endsOn: isoDate,
  contactFrequency: requiredText(300),
  contactPersonId: z.uuid('validation.required'),
};

// Same check in the form and the API: the period ends after it starts.
function refinePeriod(value: { startsOn: string; endsOn: string }, ctx: z.RefinementCtx) {
  if (value.endsOn <= value.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'aftercare.validation.endAfterStart' });
}

export const aftercareAgreementInput = z
  .object({ personId: z.uuid(), ...agreementFields })
  .superRefine(refinePeriod)
  .meta({ id: 'AftercareAgreementInput' });

export const updateAftercareAgreementInput = z.object(agreementFields).superRefine(refinePeriod).meta({ id: 'UpdateAftercareAgreementInput' });

export const aftercareAgreementOutput = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    stayId: z.uuid().nullable(),
    startsOn: isoDate,
    endsOn: isoDate,
    contactFrequency: z.string(),
    contactPersonId: z.uuid().nullable(),
    contactPersonName: z.string().nullable(),
    isCurrent: z.boolean().meta({ description: 'Today is within the period' }),
    createdAt: z.string(),
  })
  .meta({ id: 'AftercareAgreement' });

export const contactPersonOutput = z.object({ id: z.uuid(), displayName: z.string() }).meta({ id: 'AftercareContactPerson' });

// ——— Follow-ups 1, 3 and 6 months after moving out ("still housed?") ———

export const followUpState = z.enum(['done', 'overdue', 'due', 'planned']).meta({ id: 'FollowUpState' });

export const recordFollowUpInput = z
  .object({
    doneOn: isoDate,
    stillHoused: z.boolean('aftercare.validation.stillHoused'),
    notes: optionalText(2000),
  })
  .meta({ id: 'RecordFollowUpInput' });

export const followUpOutput = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    stayId: z.uuid().nullable(),
    monthsAfter: z.number().int(),
    dueOn: isoDate,
    state: followUpState,
    movedOutOn: isoDate.nullable(),
    destination: moveOutDestination.nullable(),
    doneOn: isoDate.nullable(),
    stillHoused: z.boolean().nullable(),
    notes: z.string().nullable(),
    doneByName: z.string().nullable(),
  })
  .meta({ id: 'AftercareFollowUp' });

/**
 * A row of the list of follow-ups due. For a person whose record is closed to the user (access by
 * need: overdue for longer than the closing time) only the name: the follow-up's details stay behind
 * break-the-glass on the person page.
 */
export const dueFollowUpOutput = followUpOutput
  .extend({ recordClosed: z.boolean(), monthsAfter: z.number().int().nullable(), dueOn: isoDate.nullable(), state: followUpState.nullable() })
  .meta({ id: 'AftercareDueFollowUp' });

// ——— The meeting place (felles treffsted) ———

export const meetingSessionInput = z.object({ heldOn: isoDate, notes: optionalText(2000) }).meta({ id: 'MeetingSessionInput' });

export const attendanceInput = z.object({ personId: z.uuid('aftercare.validation.choosePerson') }).meta({ id: 'AttendanceInput' });

// No message key on min(): the default too_small message fills in the minimum ("Må ha minst 2 tegn").
export const formerResidentSearchInput = z
  .object({ query: z.string().trim().min(2).max(100) })
  .meta({ id: 'FormerResidentSearchInput', description: 'Part of a name' });

export const formerResidentOutput = z
  .object({ personId: z.uuid(), name: z.string(), lastMovedOutOn: isoDate })
  .meta({ id: 'FormerResident' });

export const meetingSessionSummaryOutput = z
  .object({ id: z.uuid(), heldOn: isoDate, notes: z.string().nullable(), attendeeCount: z.number().int() })
  .meta({ id: 'MeetingSessionSummary' });

export const meetingSessionOutput = z
  .object({
    id: z.uuid(),
    heldOn: isoDate,
    notes: z.string().nullable(),
    attendeeCount: z.number().int(),
    /** recordClosed: the attendee's record is closed to this user (access by need); the register shows the name only. */
    attendees: z.array(z.object({ personId: z.uuid(), name: z.string(), recordClosed: z.boolean() })),
  })
  .meta({ id: 'MeetingSession' });

// ——— A person's aftercare, and a former resident referred again ———

export const moveOutSummaryOutput = z
  .object({ stayId: z.uuid(), startOn: isoDate, movedOutOn: isoDate, destination: moveOutDestination })
  .meta({ id: 'MoveOutSummary' });

export const personAftercareOutput = z
  .object({
    personId: z.uuid(),
    moveOuts: z.array(moveOutSummaryOutput),
    agreements: z.array(aftercareAgreementOutput),
    followUps: z.array(followUpOutput),
    meetings: z.array(z.object({ sessionId: z.uuid(), heldOn: isoDate })),
  })
  .meta({ id: 'PersonAftercare' });

export const previousStaysOutput = z
  .object({
    personId: z.uuid(),
    moveOuts: z.array(moveOutSummaryOutput).meta({ description: 'Earlier move-outs, newest first' }),
    referrals: z.array(
      z.object({
        referralId: z.uuid(),
        receivedOn: isoDate,
        previousMoveOut: moveOutSummaryOutput.nullable(),
        within6Months: z.boolean(),
        within12Months: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'PreviousStays', description: 'A former resident referred again: the move-out before each referral and whether it came within 6 and 12 months' });

export const returnsQuery = z.object({ from: isoDate, to: isoDate }).superRefine((v, ctx) => {
  if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'aftercare.validation.endAfterStart' });
});

export const returnsOutput = z
  .object({
    from: isoDate,
    to: isoDate,
    moveOuts: z.number().int().meta({ description: 'Move-outs in the period' }),
    returnedWithin6Months: z.number().int(),
    returnedWithin12Months: z.number().int(),
    complete6Months: z.boolean().meta({ description: 'Six months have passed since the end of the period, so the 6-month count is final' }),
    complete12Months: z.boolean(),
  })
  .meta({ id: 'ReturnsToHomelessness' });

export type AftercareAgreementInput = z.infer<typeof aftercareAgreementInput>;
export type UpdateAftercareAgreementInput = z.infer<typeof updateAftercareAgreementInput>;
export type AftercareAgreementOutput = z.infer<typeof aftercareAgreementOutput>;
export type ContactPersonOutput = z.infer<typeof contactPersonOutput>;
export type RecordFollowUpInput = z.infer<typeof recordFollowUpInput>;
export type FollowUpOutput = z.infer<typeof followUpOutput>;
export type DueFollowUpOutput = z.infer<typeof dueFollowUpOutput>;
export type MeetingSessionInput = z.infer<typeof meetingSessionInput>;
export type MeetingSessionOutput = z.infer<typeof meetingSessionOutput>;
export type MeetingSessionSummaryOutput = z.infer<typeof meetingSessionSummaryOutput>;
export type FormerResidentOutput = z.infer<typeof formerResidentOutput>;
export type MoveOutSummaryOutput = z.infer<typeof moveOutSummaryOutput>;
export type PersonAftercareOutput = z.infer<typeof personAftercareOutput>;
export type PreviousStaysOutput = z.infer<typeof previousStaysOutput>;
export type ReturnsOutput = z.infer<typeof returnsOutput>;
export type MoveOutDestination = z.infer<typeof moveOutDestination>;
