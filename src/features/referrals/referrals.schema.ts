import { z } from 'zod';
import { isoDate, optionalText, phoneNumber, requiredText } from '../../platform/http/shared-schemas.ts';
import { idType, personFields, refineIdentity } from '../people/people.schema.ts';

// The same lists as referrals.tables.ts (a test keeps them equal); repeated here so the browser
// bundle does not pull in the database schema.
export const referralSituation = z.enum([
  'young_adult_left_parents',
  'relationship_breakup',
  'evicted',
  'arrived_without_means',
  'after_substance_treatment',
  'lar_managing_well',
  'other',
]);
export const previousStay = z.enum([
  'friends_family',
  'temporary_accommodation',
  'institution',
  'prison',
  'rough_sleeping',
  'night_shelter',
  'crisis_centre',
  'own_home_lost',
  'other',
  'unknown',
]);
export const referralStatus = z.enum([
  'received',
  'screened',
  'offered',
  'waiting_list',
  'refused',
  'accepted',
  'declined',
  'lapsed',
  'checked_in',
  'withdrawn',
]);

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/**
 * A person named in a referral (the applicant or a partner): the people schema's own fields and
 * identity rules (fødselsnummer/D-number validated exactly as when staff register a person). The
 * birth date is required here: screening needs the age (young people are an exception).
 */
export const referralPersonInput = z
  .object({
    givenName: personFields.givenName,
    familyName: personFields.familyName,
    birthDate: isoDate,
    idType: personFields.idType,
    nationalId: personFields.nationalId,
    otherIdDescription: personFields.otherIdDescription,
    phone: personFields.phone,
  })
  .superRefine(refineIdentity)
  .meta({ id: 'ReferralPersonInput' });

export const referralChildInput = z
  .object({ name: requiredText(200), birthDate: isoDate })
  .meta({ id: 'ReferralChildInput', description: 'A child under 18 in the household' });

export const createReferralInput = z
  .object({
    applicant: referralPersonInput,
    partner: z.preprocess(emptyToUndefined, referralPersonInput.optional()),
    children: z.array(referralChildInput).max(20).default([]),
    situation: referralSituation,
    situationOther: optionalText(500),
    previousStay,
    nowhereToSleepTonight: z.boolean('referrals.validation.yesNo'),
    needs: optionalText(2000),
    consentToShare: z.boolean('referrals.validation.yesNo'),
    consentScope: optionalText(1000),
    // Empty name and e-mail default to the logged-in caseworker's own.
    caseworkerName: optionalText(200),
    caseworkerPhone: z.preprocess(emptyToUndefined, phoneNumber.optional()),
    caseworkerEmail: z.preprocess(emptyToUndefined, z.email('validation.invalidEmail').max(200).optional()),
    navOffice: optionalText(200),
  })
  .superRefine((value, ctx) => {
    if (value.situation === 'other' && !value.situationOther) {
      ctx.addIssue({ code: 'custom', path: ['situationOther'], message: 'referrals.validation.situationOther' });
    }
    if (value.consentToShare && !value.consentScope) {
      ctx.addIssue({ code: 'custom', path: ['consentScope'], message: 'referrals.validation.consentScope' });
    }
  })
  .meta({ id: 'CreateReferralInput' });

export const listReferralsQuery = z.object({
  status: z.preprocess(emptyToUndefined, referralStatus.optional()),
});

export const referralSummaryOutput = z
  .object({
    id: z.uuid(),
    receivedAt: z.string(),
    householdName: z.string(),
    status: referralStatus,
    statusChangedAt: z.string(),
    nowhereToSleepTonight: z.boolean(),
    caseworkerName: z.string(),
    navOffice: z.string().nullable(),
  })
  .meta({ id: 'ReferralSummary' });

export const referralPersonOutput = z
  .object({
    personId: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: z.string().nullable(),
    idType,
    maskedNationalId: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .meta({ id: 'ReferralPerson' });

export const referralHouseholdOutput = z
  .object({
    applicant: referralPersonOutput,
    partner: referralPersonOutput.nullable(),
    children: z.array(z.object({ name: z.string(), birthDate: z.string().nullable() })),
  })
  .meta({ id: 'ReferralHousehold' });

export const referralStatusEventOutput = z.object({ status: referralStatus, at: z.string() }).meta({ id: 'ReferralStatusEvent' });

export const referralOutput = z
  .object({
    id: z.uuid(),
    receivedAt: z.string(),
    householdName: z.string(),
    status: referralStatus,
    statusChangedAt: z.string(),
    situation: referralSituation,
    situationOther: z.string().nullable(),
    previousStay,
    nowhereToSleepTonight: z.boolean(),
    needs: z.string().nullable(),
    consentToShare: z.boolean(),
    consentScope: z.string().nullable(),
    caseworkerName: z.string(),
    caseworkerPhone: z.string().nullable(),
    caseworkerEmail: z.string().nullable(),
    navOffice: z.string().nullable(),
    history: z.array(referralStatusEventOutput),
    household: referralHouseholdOutput
      .nullable()
      .meta({ description: "The people's details; null for the referring caseworker, who sees the status of the referral only" }),
  })
  .meta({ id: 'Referral' });

export type CreateReferralInput = z.infer<typeof createReferralInput>;
export type ReferralPersonInput = z.infer<typeof referralPersonInput>;
export type ReferralStatus = z.infer<typeof referralStatus>;
export type ReferralSummary = z.infer<typeof referralSummaryOutput>;
export type ReferralOutput = z.infer<typeof referralOutput>;
export type ReferralHousehold = z.infer<typeof referralHouseholdOutput>;
