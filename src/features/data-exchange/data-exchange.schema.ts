import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../platform/http/shared-schemas.ts';
import { personFields, refineIdentity } from '../people/people.schema.ts';
import { previousStays, referralSituations, referralStatuses } from '../referrals/referrals.tables.ts';
import { decisionOutcomes, offerStatuses } from '../allocation/allocation.tables.ts';
import { moveOutDestinations } from '../stays/moving-on.tables.ts';
import { exchangeEntities } from './data-exchange.tables.ts';

// One row schema per entity, shared by the CSV files and the JSON format (same column names). CSV
// cells are strings, JSON values may be typed; both go through the same preprocessing. Messages are
// catalogue keys.

export const exchangeEntity = z.enum(exchangeEntities);
export type ExchangeEntity = z.infer<typeof exchangeEntity>;

/** yyyy-mm-dd or dd.mm.yyyy → yyyy-mm-dd (anything else is left for the date check to refuse). */
export function normaliseDate(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : v.trim();
}

const exDate = z.preprocess(normaliseDate, isoDate);
const exOptionalDate = z.preprocess(normaliseDate, isoDate.optional());

/** A point in time: a full ISO timestamp with offset, or a date alone (stored as 12:00 UTC that day). */
const exTimestamp = z.preprocess(
  (v) => {
    const d = normaliseDate(v);
    return typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T12:00:00.000Z` : d;
  },
  z.iso.datetime({ offset: true, message: 'dataExchange.validation.timestamp' }),
);

const exBool = (fallback?: boolean) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v ?? fallback;
    const s = v.trim().toLowerCase();
    if (['true', 'ja', 'yes', '1', 'j', 'y'].includes(s)) return true;
    if (['false', 'nei', 'no', '0', 'n'].includes(s)) return false;
    return s === '' ? fallback : v;
  }, z.boolean('dataExchange.validation.boolean'));

const exInt = z.preprocess((v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v), z.number('validation.invalid').int());

/** The file's own id of a row (any text up to 100 characters; UUIDs from an export are fine). */
const externalId = z.string('validation.required').trim().min(1, 'validation.required').max(100);
const optionalRef = externalId.optional();

export const houseRow = z.object({
  id: externalId,
  name: requiredText(100),
  streetAddress: requiredText(200),
  postalCode: z.string('validation.required').trim().regex(/^\d{4}$/, 'dataExchange.validation.postalCode'),
  city: requiredText(100),
});

export const roomRow = z
  .object({
    id: externalId,
    houseId: externalId,
    name: requiredText(100),
    capacity: exInt.pipe(z.number().min(1, 'dataExchange.validation.capacity').max(2, 'dataExchange.validation.capacity')),
    isCrisisRoom: exBool(false),
    takesCouples: exBool(false),
  })
  .superRefine((r, ctx) => {
    if (r.takesCouples && r.capacity !== 2) ctx.addIssue({ code: 'custom', path: ['takesCouples'], message: 'dataExchange.validation.couplesNeedTwo' });
  });

// The people feature's own fields and identity rules (fødselsnummer / D-number with the 2032 rules).
export const personRow = z
  .object({
    ...personFields,
    id: externalId,
    birthDate: exOptionalDate,
    hasProtectedAddress: exBool(false),
  })
  .superRefine(refineIdentity);

export const referralRow = z.object({
  id: externalId,
  personId: externalId,
  partnerPersonId: optionalRef,
  receivedAt: exTimestamp,
  situation: z.enum(referralSituations, 'validation.invalidChoice'),
  situationOther: optionalText(500),
  previousStay: z.enum(previousStays, 'validation.invalidChoice'),
  nowhereToSleepTonight: exBool(false),
  needs: optionalText(2000),
  consentToShare: exBool(false),
  caseworkerName: requiredText(200),
  navOffice: optionalText(200),
  status: z.enum(referralStatuses, 'validation.invalidChoice').optional(),
});

export const decisionRow = z
  .object({
    id: externalId,
    referralId: externalId,
    decidedAt: exTimestamp,
    outcome: z.enum(decisionOutcomes, 'validation.invalidChoice'),
    reasons: requiredText(4000),
    roomId: optionalRef,
    fromOn: exOptionalDate,
    plannedEndOn: exOptionalDate,
    offerStatus: z.enum(offerStatuses, 'validation.invalidChoice').optional(),
    offerRespondedAt: exTimestamp.optional(),
    declineReason: optionalText(2000),
  })
  .superRefine((d, ctx) => {
    if (d.outcome === 'offer') {
      for (const key of ['roomId', 'fromOn', 'plannedEndOn', 'offerStatus'] as const)
        if (!d[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'dataExchange.validation.offerNeeds' });
    } else if (d.offerStatus || d.roomId) {
      ctx.addIssue({ code: 'custom', path: [d.offerStatus ? 'offerStatus' : 'roomId'], message: 'dataExchange.validation.onlyForOffer' });
    }
    if (d.fromOn && d.plannedEndOn && d.plannedEndOn <= d.fromOn)
      ctx.addIssue({ code: 'custom', path: ['plannedEndOn'], message: 'dataExchange.validation.endAfterStart' });
  });

export const stayRow = z
  .object({
    id: externalId,
    personId: externalId,
    partnerPersonId: optionalRef,
    roomId: externalId,
    referralId: optionalRef,
    decisionId: optionalRef,
    startOn: exDate,
    plannedEndOn: exDate,
    endOn: exOptionalDate,
    destination: z.enum(moveOutDestinations, 'validation.invalidChoice').optional(),
    destinationNote: optionalText(500),
    wasPlanned: exBool(false),
  })
  .superRefine((s, ctx) => {
    if (s.plannedEndOn <= s.startOn) ctx.addIssue({ code: 'custom', path: ['plannedEndOn'], message: 'dataExchange.validation.endAfterStart' });
    if (s.endOn && s.endOn < s.startOn) ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'dataExchange.validation.endNotBeforeStart' });
    if (s.destination && !s.endOn) ctx.addIssue({ code: 'custom', path: ['destination'], message: 'dataExchange.validation.destinationNeedsEnd' });
    if (s.partnerPersonId && s.partnerPersonId === s.personId)
      ctx.addIssue({ code: 'custom', path: ['partnerPersonId'], message: 'dataExchange.validation.partnerIsPerson' });
  });

export const rowSchemas = {
  houses: houseRow,
  rooms: roomRow,
  people: personRow,
  referrals: referralRow,
  decisions: decisionRow,
  stays: stayRow,
} as const;

export type HouseRow = z.infer<typeof houseRow>;
export type RoomRow = z.infer<typeof roomRow>;
export type PersonRow = z.infer<typeof personRow>;
export type ReferralRow = z.infer<typeof referralRow>;
export type DecisionRow = z.infer<typeof decisionRow>;
export type StayRow = z.infer<typeof stayRow>;

/** The columns of each CSV file, in the order the export writes them (the import takes any order). */
export const exchangeColumns = {
  houses: ['id', 'name', 'streetAddress', 'postalCode', 'city'],
  rooms: ['id', 'houseId', 'name', 'capacity', 'isCrisisRoom', 'takesCouples'],
  people: ['id', 'givenName', 'familyName', 'birthDate', 'idType', 'nationalId', 'otherIdDescription', 'phone', 'email', 'preferredLanguage', 'hasProtectedAddress'],
  referrals: ['id', 'personId', 'partnerPersonId', 'receivedAt', 'situation', 'situationOther', 'previousStay', 'nowhereToSleepTonight', 'needs', 'consentToShare', 'caseworkerName', 'navOffice', 'status'],
  decisions: ['id', 'referralId', 'decidedAt', 'outcome', 'reasons', 'roomId', 'fromOn', 'plannedEndOn', 'offerStatus', 'offerRespondedAt', 'declineReason'],
  stays: ['id', 'personId', 'partnerPersonId', 'roomId', 'referralId', 'decisionId', 'startOn', 'plannedEndOn', 'endOn', 'destination', 'destinationNote', 'wasPlanned'],
} as const satisfies Record<ExchangeEntity, readonly string[]>;

// ---- the API ----

export const uploadedFile = z
  .object({
    name: z.string().trim().min(1).max(200).meta({ example: 'people.csv' }),
    content: z.string().max(1_400_000),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
  })
  .meta({ id: 'UploadedFile', description: 'A CSV file (people.csv, …), the JSON file, or the export ZIP (base64)' });

export const importInput = z
  .object({
    dryRun: z.boolean().default(true),
    files: z.array(uploadedFile).min(1, 'dataExchange.validation.noFiles').max(20),
  })
  .meta({ id: 'DataImportInput' });

export const importIssue = z
  .object({
    file: z.string(),
    entity: exchangeEntity.nullable(),
    row: z.number().int().nullable().meta({ description: 'Spreadsheet row (header = 1) or JSON array position (first = 1)' }),
    column: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: 'DataImportIssue' });

export const importReport = z
  .object({
    outcome: z.enum(['invalid', 'valid', 'imported']),
    dryRun: z.boolean(),
    errors: z.array(importIssue),
    entities: z.array(z.object({ entity: exchangeEntity, rows: z.number().int(), created: z.number().int(), existing: z.number().int() })),
  })
  .meta({ id: 'DataImportReport' });

export type ImportInput = z.infer<typeof importInput>;
export type ImportIssue = z.infer<typeof importIssue>;
export type ImportReport = z.infer<typeof importReport>;
