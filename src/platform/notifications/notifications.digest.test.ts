import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/client.ts';
import { buildTenant, buildUser } from '../auth/auth.factory.ts';
import { contextFor, silentLog, testEnv } from '../http/test-context.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { createMailer, type Mailer } from '../mail/mail.ts';
import { runDailyDigest } from '../jobs/jobs.daily.ts';
import { digestsSent } from './notifications.tables.ts';
import { deliverToInbox, markAllRead } from './notifications.service.ts';

// The daily digest against a real SMTP server on loopback (smtp-server), through nodemailer.

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let database: Database;
let smtp: SMTPServer;
let mailer: Mailer;
const received: Received[] = [];
let tenantId: string;
const now = new Date('2027-01-19T07:30:00+01:00');
const env = { ...testEnv, PUBLIC_URL: 'https://bolignu.example.no' };

/** Quoted-printable and MIME encoded-words back to text (enough for nodemailer's output). */
function decodeQp(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
function decodeWords(header: string): string {
  return header.replace(/\s*=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
  );
}
function parse(raw: string) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head!.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded)?.[1] ?? '';
  const body = rest.join('\n\n');
  const transfer = header('Content-Transfer-Encoding').toLowerCase();
  return {
    subject: decodeWords(header('Subject')),
    to: header('To'),
    body: transfer === 'quoted-printable' ? decodeQp(body) : transfer === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body,
  };
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  mailer = createMailer({ ...env, SMTP_HOST: '127.0.0.1', SMTP_PORT: port, SMTP_SECURE: false, MAIL_FROM: 'Bolig Nu <bolignu@kommune.example.no>' }, silentLog)!;

  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  const staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], email: 'kari.ansatt@kommune.example.no' })).id;
  await buildUser(database.db, { tenantId, roles: ['service_lead'], email: 'leder@kommune.example.no' });
  await buildUser(database.db, { tenantId, roles: ['staff'] }); // no e-mail address
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], email: 'nav@nav.example.no' }); // no inbox
  await buildUser(database.db, { tenantId, roles: ['staff'], email: 'sluttet@kommune.example.no', isActive: false });
  const readerId = (await buildUser(database.db, { tenantId, roles: ['staff'], email: 'har.lest@kommune.example.no' })).id;

  const ctx = await contextFor(database, staffId, { now: new Date('2027-01-19T05:00:00Z') });
  await deliverToInbox(ctx, tenantId, { kind: 'clock.warning', messageKey: 'clock.warning', params: { room: 'H1', week: 8, date: '24.02.2027' }, link: '/personer/x', dedupeKey: 'a' });
  await deliverToInbox(ctx, tenantId, { kind: 'clock.overdue', messageKey: 'clock.overdue', params: { room: 'H4', date: '15.01.2027' }, link: '/personer/y', dedupeKey: 'b' });
  await markAllRead(await contextFor(database, readerId, { now }));
});
afterAll(async () => {
  mailer?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.close();
});

describe('the daily e-mail digest', () => {
  it('sends one Norwegian e-mail to each staff member with an address and unread messages', async () => {
    await runDailyDigest({ database, env, log: silentLog, mailer }, now);

    expect(received.map((r) => r.to).sort()).toEqual([['kari.ansatt@kommune.example.no'], ['leder@kommune.example.no']]);
    const mail = received.find((r) => r.to[0] === 'kari.ansatt@kommune.example.no')!;
    expect(mail.from).toBe('bolignu@kommune.example.no');
    const { subject, body, to } = parse(mail.raw);
    expect(to).toContain('kari.ansatt@kommune.example.no');
    expect(subject).toBe('Bolig Nu: 2 uleste meldinger i innboksen');
    expect(body).toContain('Du har 2 uleste meldinger i Bolig Nu:');
    expect(body).toContain('- Hybel H4: oppholdet er over 3 måneder uten forlengelse (fristen var 15.01.2027).');
    expect(body).toContain('- Hybel H1: uke 8 av oppholdet. Tremånedersfristen er 24.02.2027.');
    expect(body).toContain('Les dem i innboksen: https://bolignu.example.no/innboks');

    const sent = await database.db.select().from(digestsSent).where(eq(digestsSent.tenantId, tenantId));
    expect(sent.map((s) => [s.day, s.messageCount])).toEqual([['2027-01-19', 2], ['2027-01-19', 2]]);
    expect(await database.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'inbox.digest_sent')))).toHaveLength(2);
  });

  it('sends nothing on a second run the same day', async () => {
    await runDailyDigest({ database, env, log: silentLog, mailer }, new Date('2027-01-19T15:00:00+01:00'));
    expect(received).toHaveLength(2);
  });

  it('sends again the next day while the messages are still unread', async () => {
    await runDailyDigest({ database, env, log: silentLog, mailer }, new Date('2027-01-20T07:30:00+01:00'));
    expect(received).toHaveLength(4);
  });

  it('sends nothing without SMTP and says so', async () => {
    await expect(runDailyDigest({ database, env, log: silentLog, mailer: null }, new Date('2027-01-21T07:30:00+01:00'))).resolves.toBeUndefined();
    expect(received).toHaveLength(4);
    expect(createMailer(testEnv, silentLog)).toBeNull();
  });
});
