import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { inboxMessages } from '../../platform/notifications/notifications.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { MailMessage, Mailer } from '../../platform/mail/mail.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { incidentAlerts, incidentPeople, incidents, incidentTypes } from './incidents.tables.ts';
import { incidentInput, incidentTypeValues } from './incidents.schema.ts';
import { getIncident, getIncidentFormOptions, listIncidents, recordIncident } from './incidents.service.ts';
import { addIncidentMeasure, assignFollowUp, closeIncident, setIncidentLinks } from './incidents.follow-up.service.ts';
import { sendIncidentAlerts } from './incidents.alerts.service.ts';
import { countIncidentsByTypeAndSeverity } from './incidents.report.queries.ts';
import { buildAgreement, buildHazard } from './incidents.factory.ts';

let database: Database;
let tenantId: string;
let otherTenantId: string;
let staffId: string;
let leadId: string;
let lead2Id: string;
let navId: string;
let room: { id: string; tenantId: string };
let resident: { id: string };
let stayId: string;

const now = new Date('2026-11-26T10:00:00+01:00');

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  otherTenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'], email: 'leder@example.org' })).id;
  lead2Id = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  const house = await buildHouse(database.db, { tenantId });
  room = await buildRoom(database.db, { house });
  resident = await buildPerson(database.db, { tenantId, givenName: 'Rita', familyName: 'Beboer' });
  stayId = (await buildStay(database.db, { tenantId, roomId: room.id, personId: resident.id, startOn: '2026-11-01' })).id;
});
afterAll(() => database.close());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const as = (userId: string, at = now) => contextFor(database, userId, { now: at });
const input = (overrides: Record<string, unknown> = {}) =>
  incidentInput.parse({ location: 'common_area', type: 'house_rule_breach', severity: 'low', description: 'Bråk i fellesstua etter kl. 23.', ...overrides });
const countIncidents = async () => (await database.db.select().from(incidents).where(eq(incidents.tenantId, tenantId))).length;

describe('the incident lists', () => {
  it('keeps the browser list of types equal to the table’s', () => {
    expect([...incidentTypeValues]).toEqual([...incidentTypes]);
  });
});

describe('recordIncident', () => {
  it('records an incident from staff at the present time, with the people involved and audit rows', async () => {
    const ctx = await as(staffId);
    const { id } = await recordIncident(ctx, input({ location: 'room', roomId: room.id, residentIds: [resident.id], staffUserIds: [staffId], others: ['Besøkende'] }));
    const [row] = await database.db.select().from(incidents).where(eq(incidents.id, id));
    expect(row).toMatchObject({ tenantId, status: 'open', location: 'room', roomId: room.id, reportedBy: staffId, severity: 'low' });
    expect(row!.occurredAt.toISOString()).toBe(now.toISOString());
    const people = await database.db.select().from(incidentPeople).where(eq(incidentPeople.incidentId, id));
    expect(people.map((p) => p.kind).sort()).toEqual(['other', 'resident', 'staff']);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(['incident.create', 'incident.involve']);
    expect(audit.find((a) => a.action === 'incident.involve')!.personId).toBe(resident.id);
    // Field names and counts only, never the text written.
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('Bråk');
    // A low incident does not alert anyone.
    expect(await database.db.select().from(inboxMessages).where(eq(inboxMessages.link, `/avvik/${id}`))).toEqual([]);
  });

  it('a high or critical incident goes to each lead’s inbox at once (no names) and queues an e-mail', async () => {
    const ctx = await as(staffId);
    const { id } = await recordIncident(ctx, input({ type: 'threat_violence', severity: 'critical', residentIds: [resident.id] }));
    const messages = await database.db.select().from(inboxMessages).where(eq(inboxMessages.link, `/avvik/${id}`));
    expect(messages.map((m) => m.userId).sort()).toEqual([leadId, lead2Id].sort());
    expect(messages.every((m) => m.messageKey === 'incidents.inbox.critical')).toBe(true);
    expect(JSON.stringify(messages.map((m) => m.params))).not.toMatch(/Rita|Beboer/);
    // Only the lead with an e-mail address gets the e-mail.
    const alerts = await database.db.select().from(incidentAlerts).where(eq(incidentAlerts.incidentId, id));
    expect(alerts.map((a) => [a.userId, a.sentAt])).toEqual([[leadId, null]]);
  });

  it('refuses a time in the future, someone of another municipality, and NAV; nothing is written', async () => {
    const before = await countIncidents();
    const stranger = await buildPerson(database.db, { tenantId: otherTenantId });
    const ctx = await as(staffId);
    expect((await rejection(recordIncident(ctx, input({ occurredAt: '2026-11-26T12:00:00+01:00' })))).code).toBe('incident.in_future');
    const unknown = await rejection(recordIncident(ctx, input({ residentIds: [stranger.id] })));
    expect(unknown.code).toBe('incident.unknown_reference');
    expect(Object.keys(unknown.fields ?? {})).toEqual(['residentIds']);
    expect((await rejection(recordIncident(await as(navId), input()))).code).toBe('auth.forbidden');
    expect(await countIncidents()).toBe(before);
  });

  it('the schema refuses a room incident without the room, and no type', () => {
    const parsed = incidentInput.safeParse({ location: 'room', severity: 'low', description: 'x' });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['type']));
    const roomless = incidentInput.safeParse({ location: 'room', type: 'damage', severity: 'low', description: 'x' });
    expect(roomless.error!.issues.map((i) => i.path.join('.'))).toEqual(['roomId']);
  });
});

describe('sendIncidentAlerts', () => {
  it('sends each queued e-mail once, without names, and tries a failed one again', async () => {
    const sent: MailMessage[] = [];
    let failing = true;
    const mailer: Mailer = {
      async send(m) {
        if (failing) throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
        sent.push(m);
      },
      close() {},
    };
    const system = await as(leadId);
    const first = await sendIncidentAlerts(system, mailer);
    expect(first.failed).toBeGreaterThan(0);
    expect(sent).toEqual([]);
    failing = false;
    const second = await sendIncidentAlerts(system, mailer);
    expect(second.sent).toBe(first.failed);
    expect(sent[0]!.to).toBe('leder@example.org');
    expect(sent[0]!.subject).toContain('kritisk');
    expect(sent[0]!.text).toContain('Trusler eller vold');
    expect(sent[0]!.text).not.toMatch(/Rita|Beboer/);
    expect((await sendIncidentAlerts(system, mailer)).sent).toBe(0);
    expect(await database.db.select().from(incidentAlerts).where(and(eq(incidentAlerts.tenantId, tenantId)))).toSatisfy((rows: { sentAt: Date | null }[]) =>
      rows.every((r) => r.sentAt !== null),
    );
  });
});

describe('reading incidents', () => {
  it('reading an incident that names a resident logs the access for the resident', async () => {
    const { id } = await recordIncident(await as(staffId), input({ residentIds: [resident.id] }));
    const read = await getIncident(await as(leadId), id);
    expect(read.involved).toEqual([{ kind: 'resident', personId: resident.id, userId: null, name: 'Rita Beboer', recordClosed: false }]);
    const reads = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.kind, 'read'), eq(auditEvents.personId, resident.id), eq(auditEvents.action, 'incident.read')));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.at(-1)!.actorUserId).toBe(leadId);
  });

  it('another municipality’s incident is not found', async () => {
    const otherStaff = (await buildUser(database.db, { tenantId: otherTenantId, roles: ['staff'] })).id;
    const { id } = await recordIncident(await as(staffId), input());
    expect((await rejection(getIncident(await as(otherStaff), id))).code).toBe('incident.not_found');
  });

  it('lists by status, type and period (Oslo days), newest first, without names', async () => {
    const ctx = await as(staffId, new Date('2026-12-02T10:00:00+01:00'));
    const a = await recordIncident(ctx, input({ type: 'drugs', occurredAt: '2026-12-01T00:30:00+01:00' }));
    const b = await recordIncident(ctx, input({ type: 'drugs', occurredAt: '2026-11-30T23:30:00+01:00' }));
    const list = await listIncidents(ctx, { type: 'drugs', from: '2026-12-01', to: '2026-12-01' });
    expect(list.map((i) => i.id)).toEqual([a.id]);
    const both = await listIncidents(ctx, { type: 'drugs', from: '2026-11-30', to: '2026-12-01' });
    expect(both.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(JSON.stringify(both)).not.toContain('Rita');
    expect((await listIncidents(ctx, { status: 'closed', type: 'drugs' })).length).toBe(0);
  });

  it('the form offers the residents living in the house today, and logs that read', async () => {
    const options = await getIncidentFormOptions(await as(staffId));
    expect(options.residents).toEqual([{ personId: resident.id, name: 'Rita Beboer', roomName: expect.any(String) }]);
    expect(options.leads.map((l) => l.id).sort()).toEqual([leadId, lead2Id].sort());
  });
});

describe('follow-up by the lead', () => {
  it('assigns, records a measure, links the agreement and a hazard, and closes; all audited', async () => {
    const { id } = await recordIncident(await as(staffId), input({ residentIds: [resident.id] }));
    const agreement = await buildAgreement(database.db, { tenantId, stayId });
    const hazard = await buildHazard(database.db, { tenantId });
    const lead = await as(leadId);
    const assigned = await assignFollowUp(lead, id, { assignedTo: lead2Id, dueOn: '2026-12-10' });
    expect(assigned).toMatchObject({ status: 'follow_up', assignedTo: lead2Id, followUpDueOn: '2026-12-10' });
    const measured = await addIncidentMeasure(lead, id, { description: 'Samtale med beboeren om husordensreglene.' });
    expect(measured.measures.map((m) => m.description)).toEqual(['Samtale med beboeren om husordensreglene.']);
    expect(measured.agreementOptions.map((a) => a.id)).toEqual([agreement.id]);
    const linked = await setIncidentLinks(lead, id, { agreementId: agreement.id, hazardId: hazard.id });
    expect(linked.agreement).toMatchObject({ id: agreement.id, personId: resident.id, personName: 'Rita Beboer' });
    expect(linked.hazard).toEqual({ id: hazard.id, title: hazard.title });
    const closed = await closeIncident(lead, id, { closingNote: 'Fulgt opp, ingen gjentakelse.' });
    expect(closed).toMatchObject({ status: 'closed', closingNote: 'Fulgt opp, ingen gjentakelse.' });
    expect(closed.closedAt).toBe(now.toISOString());
    const actions = (await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.kind, 'write')))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['incident.assign', 'incident.measure', 'incident.link', 'incident.close']));
    // A closed incident is not changed again.
    expect((await rejection(addIncidentMeasure(lead, id, { description: 'Mer' }))).code).toBe('incident.closed');
  });

  it('staff cannot close; an agreement of someone not involved and a non-lead assignee are refused; nothing changes', async () => {
    const { id } = await recordIncident(await as(staffId), input());
    expect((await rejection(closeIncident(await as(staffId), id, { closingNote: 'x' }))).code).toBe('auth.forbidden');
    const agreement = await buildAgreement(database.db, { tenantId, stayId, version: 2 });
    expect((await rejection(setIncidentLinks(await as(leadId), id, { agreementId: agreement.id, hazardId: null }))).code).toBe('incident.agreement_not_involved');
    expect((await rejection(assignFollowUp(await as(leadId), id, { assignedTo: staffId, dueOn: '2026-12-01' }))).code).toBe('incident.assignee_not_lead');
    const [row] = await database.db.select().from(incidents).where(eq(incidents.id, id));
    expect(row).toMatchObject({ status: 'open', agreementId: null, assignedTo: null, closedAt: null });
  });
});

describe('countIncidentsByTypeAndSeverity (monthly report)', () => {
  it('counts a tenant’s incidents in a period by type and severity, by Oslo days', async () => {
    const t = (await buildTenant(database.db)).id;
    const s = (await buildUser(database.db, { tenantId: t, roles: ['staff'] })).id;
    const ctx = await contextFor(database, s, { now: new Date('2027-02-10T12:00:00+01:00') });
    await recordIncident(ctx, input({ type: 'damage', severity: 'low', occurredAt: '2027-01-01T00:10:00+01:00' }));
    await recordIncident(ctx, input({ type: 'damage', severity: 'low', occurredAt: '2027-01-31T23:50:00+01:00' }));
    await recordIncident(ctx, input({ type: 'fire_alarm', severity: 'high', occurredAt: '2027-01-15T12:00:00+01:00' }));
    await recordIncident(ctx, input({ type: 'damage', severity: 'low', occurredAt: '2026-12-31T23:50:00+01:00' }));
    await recordIncident(ctx, input({ type: 'damage', severity: 'low', occurredAt: '2027-02-01T00:10:00+01:00' }));
    expect(await countIncidentsByTypeAndSeverity(database.db, t, '2027-01-01', '2027-01-31')).toEqual([
      { type: 'damage', severity: 'low', count: 2 },
      { type: 'fire_alarm', severity: 'high', count: 1 },
    ]);
  });
});
