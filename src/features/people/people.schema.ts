import { z } from 'zod';
import { isoDate, optionalIsoDate, optionalText, phoneNumber, requiredText } from '../../platform/http/shared-schemas.ts';
import { checkNationalId, normaliseNationalId } from './people.rules.ts';

export const idType = z.enum(['fnr', 'dnr', 'other', 'none']);
export const householdRelation = z.enum(['partner', 'child']);
export const accessPurpose = z.enum(['follow_up', 'registration', 'allocation', 'payment', 'administration', 'fire_safety', 'other']);

export const householdMemberInput = z
  .object({
    relation: householdRelation,
    name: requiredText(200),
    birthDate: optionalIsoDate,
    relatedPersonId: z.uuid().optional(),
  })
  .meta({ id: 'HouseholdMemberInput' });

// Exported so the referral form can register people with the same fields and identity rules.
export const personFields = {
  givenName: requiredText(100),
  familyName: requiredText(100),
  birthDate: optionalIsoDate,
  idType,
  nationalId: z.preprocess(
    (v) => (typeof v === 'string' ? (normaliseNationalId(v) === '' ? undefined : normaliseNationalId(v)) : v),
    z.string().optional(),
  ),
  otherIdDescription: optionalText(200),
  phone: z.preprocess((v) => (v === '' ? undefined : v), phoneNumber.optional()),
  email: z.preprocess((v) => (v === '' ? undefined : v), z.email('validation.invalidEmail').max(200).optional()),
  preferredLanguage: z.string().trim().min(2).max(40).default('nb'),
  hasProtectedAddress: z.boolean().default(false),
};

export type IdFields = { idType: z.infer<typeof idType>; nationalId?: string; otherIdDescription?: string };

// The identity rules, shared by the form and the API: a fødselsnummer or D-number must be valid and
// of the chosen type; "other id" needs a description; "none" is allowed (many residents have no number).
export function refineIdentity(value: IdFields, ctx: z.RefinementCtx) {
  if (value.idType === 'fnr' || value.idType === 'dnr') {
    if (!value.nationalId) {
      ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'validation.nationalId.missing' });
      return;
    }
    const check = checkNationalId(value.nationalId);
    if (!check.ok) ctx.addIssue({ code: 'custom', path: ['nationalId'], message: check.reason });
    else if (check.type !== value.idType)
      ctx.addIssue({
        code: 'custom',
        path: ['nationalId'],
        message: 'validation.nationalId.typeMismatch',
        params: { actual: check.type, expected: value.idType },
      });
  }
  if (value.idType === 'other' && !value.otherIdDescription) {
    ctx.addIssue({ code: 'custom', path: ['otherIdDescription'], message: 'validation.otherId.missing' });
  }
}

export const registerPersonInput = z
  .object({ ...personFields, household: z.array(householdMemberInput).max(20).default([]) })
  .superRefine(refineIdentity)
  .meta({ id: 'RegisterPersonInput' });

export const updatePersonInput = z.object(personFields).superRefine(refineIdentity).meta({ id: 'UpdatePersonInput' });

export const searchPeopleInput = z
  .object({ query: z.string().trim().min(2, 'validation.tooShort').max(100) })
  .meta({ id: 'SearchPeopleInput', description: 'Name, birth date (dd.mm.yyyy) or identity number' });

export const householdMemberOutput = z
  .object({
    id: z.uuid(),
    relation: householdRelation,
    name: z.string(),
    birthDate: z.string().nullable(),
    relatedPersonId: z.string().nullable(),
  })
  .meta({ id: 'HouseholdMember' });

export const personOutput = z
  .object({
    id: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: isoDate.nullable(),
    idType,
    nationalId: z.string().nullable(),
    otherIdDescription: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    preferredLanguage: z.string(),
    hasProtectedAddress: z.boolean(),
    household: z.array(householdMemberOutput),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' });

export const personSummaryOutput = z
  .object({
    id: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: z.string().nullable(),
    idType,
    maskedNationalId: z.string().nullable(),
    hasProtectedAddress: z.boolean(),
    /** The record is closed to this user (access by need): opening it needs break-the-glass. */
    recordClosed: z.boolean(),
  })
  .meta({ id: 'PersonSummary' });

export const accessLogEntryOutput = z
  .object({ at: z.string(), kind: z.enum(['read', 'write']), action: z.string(), purpose: z.string().nullable(), actorName: z.string().nullable() })
  .meta({ id: 'AccessLogEntry' });

export type RegisterPersonInput = z.infer<typeof registerPersonInput>;
export type UpdatePersonInput = z.infer<typeof updatePersonInput>;
export type HouseholdMemberInput = z.infer<typeof householdMemberInput>;
export type PersonOutput = z.infer<typeof personOutput>;
export type PersonSummary = z.infer<typeof personSummaryOutput>;
export type AccessPurpose = z.infer<typeof accessPurpose>;
