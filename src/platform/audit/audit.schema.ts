import { z } from 'zod';

export const auditEventOutput = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime({ offset: true }),
    kind: z.enum(['read', 'write']),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    personId: z.string().nullable(),
    purpose: z.string().nullable(),
    actorUserId: z.string().nullable(),
    actorName: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEvent' });

export const auditQuery = z.object({
  kind: z.enum(['read', 'write']).optional(),
  before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, 'validation.invalid')
    .optional()
    .meta({ description: 'Paging cursor: nextBefore of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditPage = z.object({ events: z.array(auditEventOutput), nextBefore: z.string().nullable() }).meta({ id: 'AuditPage' });
