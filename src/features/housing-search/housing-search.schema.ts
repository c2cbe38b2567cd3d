import { z } from 'zod';
import { isoDate, optionalIsoDate, optionalText, phoneNumber, requiredText } from '../../platform/http/shared-schemas.ts';
import { MAX_KRONER, applicationStatusOrder, parseKroner } from './housing-search.rules.ts';

// The same lists as housing-search.tables.ts (a test keeps them equal); repeated here so the browser
// bundle does not pull in the database schema.
export const listingSource = z.enum(['finn', 'zett', 'avisa_nordland', 'facebook_group', 'private_landlord', 'housing_office', 'other']);
export const applicationStatus = z.enum(applicationStatusOrder);
export const helpApplicationKind = z.enum([
  'municipal_housing',
  'deposit_guarantee',
  'startup_grant',
  'financial_assistance',
  'housing_allowance',
  'startup_loan',
]);
export const helpApplicationStatus = z.enum(['planned', 'sent', 'granted', 'partly_granted', 'refused', 'withdrawn']);

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const kronerMessages = {
  invalid: 'housingSearch.validation.money',
  negative: 'housingSearch.validation.moneyNegative',
  too_large: 'housingSearch.validation.moneyTooLarge',
} as const;

/** An amount typed in kroner ("8 500", "8500,50"); the parsed value is whole øre. */
function kronerToOre(max: number) {
  return z
    .string('validation.required')
    .trim()
    .min(1, 'validation.required')
    .transform((text, ctx) => {
      const parsed = parseKroner(text, max);
      if (parsed.ok) return parsed.ore;
      ctx.addIssue({ code: 'custom', message: kronerMessages[parsed.reason], params: { max: max.toLocaleString('nb-NO') } });
      return z.NEVER;
    })
    .meta({ description: 'Kroner as typed, e.g. "8 500" or "8500,50"; stored as whole øre', example: '8 500' });
}
export const requiredKroner = (max: number = MAX_KRONER) => kronerToOre(max);
export const optionalKroner = (max: number = MAX_KRONER) => z.preprocess(emptyToUndefined, kronerToOre(max).optional());

/** Rents above 100 000 kr a month are a typing mistake in this service. */
export const MAX_RENT_KRONER = 100_000;

/** A whole number typed in a form field ("45"); empty means not given. */
const optionalWholeNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === '' || v === null ? undefined : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z.number('housingSearch.validation.wholeNumber').int('housingSearch.validation.wholeNumber').min(min, 'housingSearch.validation.range').max(max, 'housingSearch.validation.range').optional(),
  );

/** A link to the advert: http or https only (it is shown as a link, never fetched). */
const optionalUrl = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v),
  z.url({ protocol: /^https?$/, hostname: z.regexes.domain, message: 'housingSearch.validation.url' }).max(1000).optional(),
);

const optionalBoolean = z.preprocess((v) => (v === '' || v === null ? undefined : v === 'true' ? true : v === 'false' ? false : v), z.boolean().optional());

// ---- listings -----------------------------------------------------------------------------------

export const listingInput = z
  .object({
    source: listingSource,
    url: optionalUrl,
    address: requiredText(200),
    rent: requiredKroner(MAX_RENT_KRONER),
    deposit: optionalKroner(MAX_RENT_KRONER * 6),
    sizeM2: optionalWholeNumber(1, 1000),
    rooms: optionalWholeNumber(1, 20),
    furnished: optionalBoolean,
    availableFrom: optionalIsoDate,
    landlordId: z.preprocess(emptyToUndefined, z.uuid().optional()),
    landlordContact: optionalText(300),
    notes: optionalText(2000),
    isActive: z.boolean().default(true),
  })
  .meta({ id: 'ListingInput', description: 'A listing found by staff: a pasted link plus the key fields (never fetched)' });

export const listingActiveInput = z.object({ isActive: z.boolean() }).meta({ id: 'ListingActiveInput' });

export const listListingsQuery = z.object({
  active: z.preprocess(emptyToUndefined, z.enum(['active', 'inactive', 'all']).default('active')),
  maxRent: optionalKroner(MAX_RENT_KRONER),
  minRooms: optionalWholeNumber(1, 20),
  furnished: z.preprocess(emptyToUndefined, z.enum(['yes', 'no']).optional()),
});

export const listingOutput = z
  .object({
    id: z.uuid(),
    source: listingSource,
    url: z.string().nullable(),
    address: z.string(),
    rentOre: z.number().int(),
    depositOre: z.number().int().nullable(),
    sizeM2: z.number().int().nullable(),
    rooms: z.number().int().nullable(),
    furnished: z.boolean().nullable(),
    availableFrom: isoDate.nullable(),
    landlordId: z.uuid().nullable(),
    landlordName: z.string().nullable(),
    landlordContact: z.string().nullable(),
    notes: z.string().nullable(),
    isActive: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Listing' });

export const suggestionOutput = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    roomName: z.string(),
    plannedEndOn: isoDate,
    maxRentOre: z.number().int(),
    minRooms: z.number().int().nullable(),
    needsFurnished: z.boolean().nullable(),
    application: z.object({ id: z.uuid(), status: applicationStatus }).nullable(),
  })
  .meta({ id: 'ListingSuggestion', description: 'A current resident whose budget and needs fit the listing' });

// ---- landlords ----------------------------------------------------------------------------------

export const landlordInput = z
  .object({
    name: requiredText(200),
    phone: z.preprocess((v) => (v === '' ? undefined : v), phoneNumber.optional()),
    email: z.preprocess((v) => (v === '' ? undefined : v), z.email('validation.invalidEmail').max(200).optional()),
    notes: optionalText(2000),
  })
  .meta({ id: 'LandlordInput' });

export const landlordOutput = z
  .object({
    id: z.uuid(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    activeListings: z.number().int(),
    applications: z.number().int(),
    signed: z.number().int(),
  })
  .meta({ id: 'Landlord' });

export const landlordHistoryOutput = z
  .object({
    landlord: landlordOutput,
    listings: z.array(listingOutput),
    /**
     * Applications and references name residents: only for roles that may read people. A row whose
     * person has a closed record for this user (access by need) has the name only (recordClosed).
     */
    applications: z.array(
      z.object({
        id: z.uuid(),
        personId: z.uuid(),
        personName: z.string(),
        recordClosed: z.boolean(),
        address: z.string().nullable(),
        status: applicationStatus.nullable(),
        sentOn: isoDate.nullable(),
        statusChangedAt: z.string().nullable(),
      }),
    ),
    references: z.array(
      z.object({
        id: z.uuid(),
        personId: z.uuid(),
        personName: z.string(),
        recordClosed: z.boolean(),
        givenOn: isoDate.nullable(),
        givenByName: z.string().nullable(),
        notes: z.string().nullable(),
      }),
    ),
    countsByStatus: z.record(applicationStatus, z.number().int()),
    referencesCount: z.number().int(),
    showsResidents: z.boolean(),
  })
  .meta({ id: 'LandlordHistory' });

// ---- per resident -------------------------------------------------------------------------------

export const housingNeedsInput = z
  .object({
    maxRent: optionalKroner(MAX_RENT_KRONER),
    minRooms: optionalWholeNumber(1, 20),
    needsFurnished: z.boolean().default(false),
    notes: optionalText(2000),
  })
  .meta({ id: 'HousingNeedsInput' });

export const housingNeedsOutput = z
  .object({
    maxRentOre: z.number().int().nullable(),
    minRooms: z.number().int().nullable(),
    needsFurnished: z.boolean().nullable(),
    notes: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'HousingNeeds' });

export const housingApplicationInput = z
  .object({
    listingId: z.preprocess(emptyToUndefined, z.uuid().optional()),
    landlordId: z.preprocess(emptyToUndefined, z.uuid().optional()),
    address: optionalText(200),
    sentOn: isoDate,
    notes: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (!v.listingId && !v.landlordId && !v.address) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'housingSearch.validation.applicationTarget' });
    }
  })
  .meta({ id: 'HousingApplicationInput', description: 'From a listing, or directly to a landlord or an address' });

export const applicationStatusInput = z.object({ status: applicationStatus }).meta({ id: 'ApplicationStatusInput' });

const time = z.string().trim().regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, 'housingSearch.validation.time');

export const viewingInput = z
  .object({
    date: isoDate,
    time,
    staffAccompanies: z.boolean().default(false),
    outcome: optionalText(1000),
  })
  .meta({ id: 'ViewingInput', description: 'Date and time in Oslo' });

export const viewingOutcomeInput = z.object({ outcome: requiredText(1000) }).meta({ id: 'ViewingOutcomeInput' });

export const viewingOutput = z
  .object({ id: z.uuid(), at: z.string(), staffAccompanies: z.boolean(), outcome: z.string().nullable() })
  .meta({ id: 'Viewing' });

export const housingApplicationOutput = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    listingId: z.uuid().nullable(),
    landlordId: z.uuid().nullable(),
    landlordName: z.string().nullable(),
    address: z.string().nullable(),
    status: applicationStatus,
    sentOn: isoDate,
    statusChangedAt: z.string(),
    notes: z.string().nullable(),
    viewings: z.array(viewingOutput),
  })
  .meta({ id: 'HousingApplication' });

export const referenceInput = z
  .object({
    landlordId: z.preprocess(emptyToUndefined, z.uuid().optional()),
    applicationId: z.preprocess(emptyToUndefined, z.uuid().optional()),
    givenOn: isoDate,
    notes: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (!v.landlordId && !v.applicationId) ctx.addIssue({ code: 'custom', path: ['landlordId'], message: 'housingSearch.validation.referenceLandlord' });
  })
  .meta({ id: 'ReferenceInput', description: 'A reference given to a landlord (directly, or for an application)' });

export const referenceOutput = z
  .object({
    id: z.uuid(),
    landlordId: z.uuid().nullable(),
    landlordName: z.string().nullable(),
    applicationId: z.uuid().nullable(),
    givenOn: isoDate,
    givenByName: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'ReferenceGiven' });

// ---- applications for help ----------------------------------------------------------------------

const decided = new Set(['granted', 'partly_granted', 'refused']);

export const helpApplicationFields = {
  status: helpApplicationStatus,
  appliedOn: optionalIsoDate,
  decidedOn: optionalIsoDate,
  amount: optionalKroner(MAX_KRONER),
  notes: optionalText(2000),
};

type HelpDates = { status: string; appliedOn?: string; decidedOn?: string };

// A sent application has a date; a decision has a date, not before the application's.
function refineHelpDates(v: HelpDates, ctx: z.RefinementCtx) {
  if (v.status !== 'planned' && !v.appliedOn) ctx.addIssue({ code: 'custom', path: ['appliedOn'], message: 'housingSearch.validation.appliedOnRequired' });
  if (decided.has(v.status) && !v.decidedOn) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'housingSearch.validation.decidedOnRequired' });
  if (!decided.has(v.status) && v.status !== 'withdrawn' && v.decidedOn)
    ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'housingSearch.validation.decidedOnNotDecided' });
  if (v.appliedOn && v.decidedOn && v.decidedOn < v.appliedOn)
    ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'housingSearch.validation.decidedBeforeApplied' });
}

export const helpApplicationInput = z
  .object({ kind: helpApplicationKind, ...helpApplicationFields })
  .superRefine(refineHelpDates)
  .meta({ id: 'HelpApplicationInput' });

export const updateHelpApplicationInput = z.object(helpApplicationFields).superRefine(refineHelpDates).meta({ id: 'UpdateHelpApplicationInput' });

export const listHelpApplicationsQuery = z.object({
  kind: z.preprocess(emptyToUndefined, helpApplicationKind.optional()),
  status: z.preprocess(emptyToUndefined, helpApplicationStatus.optional()),
});

export const helpApplicationOutput = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    kind: helpApplicationKind,
    status: helpApplicationStatus,
    appliedOn: isoDate.nullable(),
    decidedOn: isoDate.nullable(),
    amountOre: z.number().int().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'HelpApplication' });

export const housingSearchOutput = z
  .object({
    personId: z.uuid(),
    /** False for the housing office: it sees the person's municipal-housing applications only. */
    complete: z.boolean(),
    needs: housingNeedsOutput.nullable(),
    applications: z.array(housingApplicationOutput),
    references: z.array(referenceOutput),
    helpApplications: z.array(helpApplicationOutput),
  })
  .meta({ id: 'HousingSearch', description: "A resident's housing search: needs, applications with viewings, references, applications for help" });

export type ListingInput = z.infer<typeof listingInput>;
export type ListingOutput = z.infer<typeof listingOutput>;
export type ListListingsQuery = z.infer<typeof listListingsQuery>;
export type SuggestionOutput = z.infer<typeof suggestionOutput>;
export type LandlordInput = z.infer<typeof landlordInput>;
export type LandlordOutput = z.infer<typeof landlordOutput>;
export type LandlordHistoryOutput = z.infer<typeof landlordHistoryOutput>;
export type HousingNeedsInput = z.infer<typeof housingNeedsInput>;
export type HousingNeedsOutput = z.infer<typeof housingNeedsOutput>;
export type HousingApplicationInput = z.infer<typeof housingApplicationInput>;
export type HousingApplicationOutput = z.infer<typeof housingApplicationOutput>;
export type ViewingInput = z.infer<typeof viewingInput>;
export type ViewingOutput = z.infer<typeof viewingOutput>;
export type ReferenceInput = z.infer<typeof referenceInput>;
export type ReferenceOutput = z.infer<typeof referenceOutput>;
export type HelpApplicationInput = z.infer<typeof helpApplicationInput>;
export type UpdateHelpApplicationInput = z.infer<typeof updateHelpApplicationInput>;
export type HelpApplicationOutput = z.infer<typeof helpApplicationOutput>;
export type HousingSearchOutput = z.infer<typeof housingSearchOutput>;
export type ListingSource = z.infer<typeof listingSource>;
export type HelpApplicationKind = z.infer<typeof helpApplicationKind>;
export type HelpApplicationStatus = z.infer<typeof helpApplicationStatus>;
export type ApplicationStatusValue = z.infer<typeof applicationStatus>;
