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
  before: z.iso.datetime({ offset: true }).optional().meta({ description: 'Page backwards from this instant' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditPage = z.object({ events: z.array(auditEventOutput), nextBefore: z.string().nullable() }).meta({ id: 'AuditPage' });
