import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../platform/http/shared-schemas.ts';

// Repeated from incidents.tables.ts (a test keeps them equal) so the browser bundle needs no tables.
export const incidentTypeValues = ['house_rule_breach', 'threat_violence', 'fire_alarm', 'damage', 'drugs', 'health_emergency', 'theft', 'patrol_finding', 'other'] as const;
export const incidentSeverityValues = ['low', 'medium', 'high', 'critical'] as const;
export const incidentStatusValues = ['open', 'follow_up', 'closed'] as const;
export const incidentLocationValues = ['room', 'common_area', 'outside'] as const;

export const incidentType = z.enum(incidentTypeValues, 'incidents.validation.type').meta({ id: 'IncidentType' });
export const incidentSeverity = z.enum(incidentSeverityValues, 'incidents.validation.severity').meta({ id: 'IncidentSeverity' });
export const incidentStatus = z.enum(incidentStatusValues).meta({ id: 'IncidentStatus' });
export const incidentLocation = z.enum(incidentLocationValues, 'incidents.validation.location').meta({ id: 'IncidentLocation' });

/** An instant as ISO 8601 with offset (the form sends the local time it shows). */
const instant = z.iso.datetime({ offset: true, message: 'validation.invalidDate' });

const optionalUuid = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid().optional());

export const incidentInput = z
  .object({
    occurredAt: instant.optional().meta({ description: 'When it happened; now when left out' }),
    location: incidentLocation,
    roomId: optionalUuid,
    locationNote: optionalText(200),
    type: incidentType,
    severity: incidentSeverity,
    description: requiredText(2000),
    immediateAction: optionalText(2000),
    residentIds: z.array(z.uuid()).max(10).default([]),
    staffUserIds: z.array(z.uuid()).max(10).default([]),
    others: z.array(requiredText(200)).max(10).default([]).meta({ description: 'Others involved, as free text (e.g. "visitor", "neighbour")' }),
    hazardId: optionalUuid,
  })
  .superRefine((v, ctx) => {
    if (v.location === 'room' && !v.roomId) ctx.addIssue({ code: 'custom', path: ['roomId'], message: 'incidents.validation.room' });
  })
  .meta({ id: 'IncidentInput' });

export const incidentListQuery = z
  .object({
    status: incidentStatus.optional(),
    type: incidentType.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'incidents.validation.toAfterFrom' });
  });

export const followUpInput = z
  .object({ assignedTo: z.uuid('incidents.validation.assignee'), dueOn: isoDate })
  .meta({ id: 'IncidentFollowUpInput' });

export const measureInput = z.object({ description: requiredText(2000) }).meta({ id: 'IncidentMeasureInput' });

export const closeInput = z.object({ closingNote: requiredText(2000) }).meta({ id: 'IncidentCloseInput' });

export const linksInput = z
  .object({ agreementId: z.uuid().nullable(), hazardId: z.uuid().nullable() })
  .meta({ id: 'IncidentLinksInput', description: 'Null removes the link' });

export const incidentSummaryOutput = z
  .object({
    id: z.uuid(),
    occurredAt: z.string(),
    location: incidentLocation,
    roomName: z.string().nullable(),
    type: incidentType,
    severity: incidentSeverity,
    status: incidentStatus,
    assignedToName: z.string().nullable(),
    followUpDueOn: isoDate.nullable(),
    residentCount: z.number().int(),
  })
  .meta({ id: 'IncidentSummary', description: 'No names: the list is safe to show on a shared screen' });

const involved = z.object({
  kind: z.enum(['resident', 'staff', 'other']),
  personId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  name: z.string(),
  /** A resident whose record is closed to this user (access by need): named, not read. */
  recordClosed: z.boolean(),
});

export const incidentOutput = z
  .object({
    id: z.uuid(),
    occurredAt: z.string(),
    location: incidentLocation,
    roomId: z.uuid().nullable(),
    roomName: z.string().nullable(),
    locationNote: z.string().nullable(),
    type: incidentType,
    severity: incidentSeverity,
    status: incidentStatus,
    description: z.string(),
    immediateAction: z.string().nullable(),
    involved: z.array(involved),
    reportedByName: z.string().nullable(),
    createdAt: z.string(),
    assignedTo: z.uuid().nullable(),
    assignedToName: z.string().nullable(),
    followUpDueOn: isoDate.nullable(),
    measures: z.array(z.object({ id: z.uuid(), description: z.string(), recordedAt: z.string(), recordedByName: z.string().nullable() })),
    closedAt: z.string().nullable(),
    closedByName: z.string().nullable(),
    closingNote: z.string().nullable(),
    agreement: z.object({ id: z.uuid(), version: z.number().int(), personId: z.uuid(), personName: z.string() }).nullable(),
    hazard: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    keyNumber: z.string().nullable(),
    inventoryItemName: z.string().nullable(),
    agreementOptions: z
      .array(z.object({ id: z.uuid(), version: z.number().int(), personId: z.uuid(), personName: z.string() }))
      .meta({ description: 'The newest agreement of each resident involved, for linking a breach' }),
  })
  .meta({ id: 'Incident' });

export const incidentFormOptionsOutput = z
  .object({
    rooms: z.array(z.object({ id: z.uuid(), name: z.string() })),
    residents: z.array(z.object({ personId: z.uuid(), name: z.string(), roomName: z.string() })),
    staff: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
    leads: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
    hazards: z.array(z.object({ id: z.uuid(), title: z.string() })),
  })
  .meta({ id: 'IncidentFormOptions' });

export const followUpOptionsOutput = z
  .object({
    leads: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
    hazards: z.array(z.object({ id: z.uuid(), title: z.string() })),
  })
  .meta({ id: 'IncidentFollowUpOptions', description: 'Who can follow up and the hazards to link; no residents' });

export type FollowUpOptionsOutput = z.infer<typeof followUpOptionsOutput>;
export type IncidentInput = z.input<typeof incidentInput>;
export type ParsedIncidentInput = z.output<typeof incidentInput>;
export type IncidentListQuery = z.infer<typeof incidentListQuery>;
export type FollowUpInput = z.infer<typeof followUpInput>;
export type MeasureInput = z.infer<typeof measureInput>;
export type CloseInput = z.infer<typeof closeInput>;
export type LinksInput = z.infer<typeof linksInput>;
export type IncidentSummaryOutput = z.infer<typeof incidentSummaryOutput>;
export type IncidentOutput = z.infer<typeof incidentOutput>;
export type IncidentFormOptionsOutput = z.infer<typeof incidentFormOptionsOutput>;
export type IncidentType = z.infer<typeof incidentType>;
export type IncidentSeverity = z.infer<typeof incidentSeverity>;
export type IncidentStatus = z.infer<typeof incidentStatus>;
