import { z } from 'zod';
import { isoDate, requiredText } from '../../platform/http/shared-schemas.ts';

// House rules (husordensregler): a list of rules; publishing makes a new version.
export const publishHouseRulesInput = z
  .object({
    rules: z
      .array(requiredText(1000), 'validation.required')
      .min(1, 'agreements.validation.rulesMin')
      .max(40, 'agreements.validation.rulesMax'),
  })
  .meta({ id: 'PublishHouseRulesInput', description: 'The whole list of rules, 1–40, each a non-empty text' });

export const houseRulesVersionOutput = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    rules: z.array(z.string()),
    publishedAt: z.string(),
    publishedByName: z.string().nullable(),
  })
  .meta({ id: 'HouseRulesVersion' });

// The sections of the agreement and of its template. Each list has a ceiling so one request cannot grow without bound.
export const followUpItem = z
  .object({ what: requiredText(500), who: requiredText(200), frequency: requiredText(200) })
  .meta({ id: 'FollowUpItem', description: 'One line of the follow-up plan: what, who does it, how often' });

export const serviceContact = z
  .object({ name: requiredText(200), purpose: requiredText(500) })
  .meta({ id: 'ServiceContact', description: 'A service to be contacted, and about what' });

export const consentTemplateItem = z
  .object({ party: requiredText(200), purpose: requiredText(500) })
  .meta({ id: 'ConsentTemplateItem', description: 'With whom information may be shared, and why' });

export const consentItem = z
  .object({ party: requiredText(200), purpose: requiredText(500), untilOn: isoDate })
  .meta({ id: 'ConsentItem', description: 'With whom information may be shared, why, and until when' });

const sections = {
  introduction: requiredText(4000),
  goals: z.array(requiredText(500)).max(20, 'agreements.validation.tooMany'),
  followUpPlan: z.array(followUpItem).max(20, 'agreements.validation.tooMany'),
  services: z.array(serviceContact).max(20, 'agreements.validation.tooMany'),
  paymentTerms: requiredText(4000),
  houseRulesText: requiredText(2000),
};

export const agreementTemplateContent = z
  .object({ ...sections, consents: z.array(consentTemplateItem).max(20, 'agreements.validation.tooMany') })
  .meta({ id: 'AgreementTemplateContent' });

export const agreementContent = z
  .object({
    ...sections,
    goals: sections.goals.min(1, 'agreements.validation.goalsMin'),
    consents: z.array(consentItem).max(20, 'agreements.validation.tooMany'),
  })
  .meta({ id: 'AgreementContent' });

export const agreementTemplateOutput = z
  .object({
    /** Null when the service has saved no template yet: the content is then the built-in starting point. */
    id: z.uuid().nullable(),
    version: z.number().int(),
    content: agreementTemplateContent,
    createdAt: z.string().nullable(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'AgreementTemplate' });

export const signAgreementInput = z
  .object({ signedOn: isoDate })
  .meta({ id: 'SignAgreementInput', description: 'The day both parties signed (yyyy-mm-dd; the UI takes dd.mm.yyyy)' });

export const stayForAgreementOutput = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    residentName: z.string(),
    residentBirthDate: z.string().nullable(),
    partnerName: z.string().nullable(),
    roomName: z.string(),
    houseName: z.string(),
    startOn: z.string(),
    plannedEndOn: z.string(),
    endOn: z.string().nullable(),
    latestEndOn: z.string(),
  })
  .meta({ id: 'StayForAgreement' });

export const agreementOutput = z
  .object({
    id: z.uuid(),
    stayId: z.uuid(),
    version: z.number().int(),
    fromOn: z.string(),
    toOn: z.string(),
    content: agreementContent,
    houseRules: houseRulesVersionOutput.nullable(),
    templateVersion: z.number().int().nullable(),
    signedOn: z.string().nullable(),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'Agreement' });

export const stayAgreementsOutput = z
  .object({ stay: stayForAgreementOutput, agreements: z.array(agreementOutput).meta({ description: 'Every version, newest first' }) })
  .meta({ id: 'StayAgreements' });

export const agreementOverviewRow = z
  .object({
    stayId: z.uuid(),
    residentName: z.string(),
    roomName: z.string(),
    startOn: z.string(),
    plannedEndOn: z.string(),
    agreementId: z.uuid().nullable(),
    version: z.number().int().nullable(),
    signedOn: z.string().nullable(),
  })
  .meta({ id: 'AgreementOverviewRow' });

export type PublishHouseRulesInput = z.infer<typeof publishHouseRulesInput>;
export type HouseRulesVersionOutput = z.infer<typeof houseRulesVersionOutput>;
export type AgreementTemplateContent = z.infer<typeof agreementTemplateContent>;
export type AgreementContent = z.infer<typeof agreementContent>;
export type AgreementTemplateOutput = z.infer<typeof agreementTemplateOutput>;
export type SignAgreementInput = z.infer<typeof signAgreementInput>;
export type StayForAgreement = z.infer<typeof stayForAgreementOutput>;
export type AgreementOutput = z.infer<typeof agreementOutput>;
export type StayAgreementsOutput = z.infer<typeof stayAgreementsOutput>;
export type AgreementOverviewRow = z.infer<typeof agreementOverviewRow>;
export type FollowUpItem = z.infer<typeof followUpItem>;
export type ServiceContact = z.infer<typeof serviceContact>;
export type ConsentItem = z.infer<typeof consentItem>;
