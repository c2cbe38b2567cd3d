import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/client.ts';
import { buildTenant, buildUser } from '../auth/auth.factory.ts';
import { users } from '../auth/auth.tables.ts';
import { createApp } from './app.ts';
import { createTestApp } from './test-app.ts';
import { silentLog, testEnv } from './test-context.ts';
import { totpCode, totpStep } from '../auth/totp.ts';

// Issue #8 point 6: headers and CSP, CSRF, session cookie flags, login rate limit, lockout with a
// time, and the optional TOTP second factor (clock injected).

let database: Database;
let tenantId: string;
const password = 'et-langt-passord-for-test';

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
});
afterAll(() => database.close());

const newUser = async () => (await buildUser(database.db, { tenantId, roles: ['staff'], password })).username;
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('headers', () => {
  it('sends a strict Content-Security-Policy and the usual headers with the page and the API', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'bn-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Bolig Nu</title>');
    const app = createApp({ database, env: testEnv, log: silentLog, webRoot });
    for (const path of ['/', '/api/health']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    }
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax, and Secure when the public address is https', async () => {
    const username = await newUser();
    const plain = await createTestApp(database).app.request('/api/auth/login', json({ username, password }));
    expect(plain.status).toBe(204);
    const cookie = plain.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const tls = createTestApp(database, { env: { PUBLIC_URL: 'https://bolig.kommune.no' } });
    const secure = await tls.app.request('/api/auth/login', json({ username, password }));
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure/);
  });
});

describe('CSRF', () => {
  it('refuses writes a browser marks as cross-site, and lets same-origin and non-browser clients through', async () => {
    const { app, client } = createTestApp(database);
    const username = await newUser();
    const evil = await app.request('http://localhost/api/auth/login', json({ username, password }, { origin: 'https://evil.example' }));
    expect(evil.status).toBe(403);
    expect((await evil.json()).error).toMatchObject({ code: 'request.cross_site', message: expect.stringContaining('annen nettside') });
    expect(evil.headers.get('set-cookie')).toBeNull();
    const crossSite = await app.request('http://localhost/api/auth/login', json({ username, password }, { 'sec-fetch-site': 'cross-site' }));
    expect(crossSite.status).toBe(403);
    const sameSite = await app.request('http://localhost/api/auth/login', json({ username, password }, { 'sec-fetch-site': 'same-site' }));
    expect(sameSite.status).toBe(403);
    const sameOrigin = await app.request(
      'http://localhost/api/auth/login',
      json({ username, password }, { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }),
    );
    expect(sameOrigin.status).toBe(204);

    // A logged-in session does not make a cross-site write pass, and nothing changes.
    const staff = client();
    await staff.login(username, password);
    const cookie = sameOrigin.headers.get('set-cookie')!.split(';')[0]!;
    const write = await app.request('http://localhost/api/auth/me/locale', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, origin: 'https://evil.example' },
      body: JSON.stringify({ locale: 'en' }),
    });
    expect(write.status).toBe(403);
    const [row] = await database.db.select({ locale: users.locale }).from(users).where(eq(users.username, username));
    expect(row!.locale).toBe('nb');
  });
});

describe('login limits', () => {
  it('limits login attempts per address with 429 and Retry-After; another address may still try', async () => {
    const { app } = createTestApp(database, { env: { LOGIN_MAX_PER_IP: 3, TRUST_PROXY: true } });
    const username = await newUser();
    const from = (ip: string, pw = 'feil') => app.request('/api/auth/login', json({ username: `x${username}`, password: pw }, { 'x-forwarded-for': ip }));
    for (let i = 0; i < 3; i++) expect((await from('192.0.2.1')).status).toBe(401);
    const limited = await from('192.0.2.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.message).toMatch(/For mange innloggingsforsøk/);
    expect((await from('192.0.2.2')).status).toBe(401);
  });

  it('locks the account after five wrong passwords and says until when, in Norwegian', async () => {
    const now = new Date('2026-11-26T09:00:00Z');
    const { app } = createTestApp(database, { now: () => now });
    const username = await newUser();
    for (let i = 0; i < 5; i++) expect((await app.request('/api/auth/login', json({ username, password: 'feil' }))).status).toBe(401);
    const locked = await app.request('/api/auth/login', json({ username, password }));
    expect(locked.status).toBe(423);
    const body = await locked.json();
    // 09:00 UTC is 10:00 in Oslo; the default lock is 15 minutes.
    expect(body.error.message).toBe('Kontoen er sperret etter for mange feil passord. Prøv igjen etter kl. 10:15, eller kontakt administrator.');
    expect(body.error.meta).toEqual({ lockedUntil: '2026-11-26T09:15:00.000Z' });
  });
});

describe('TOTP second factor', () => {
  it('is set up with a code, then asked for at login; a wrong or reused code is refused', async () => {
    let now = new Date('2026-11-26T09:00:00Z');
    const { client } = createTestApp(database, { now: () => now });
    const username = await newUser();
    const me = client();
    await me.login(username, password);
    expect((await me.get('/api/auth/me/totp')).body).toEqual({ enabled: false, available: true });

    const enrolment = await me.post('/api/auth/me/totp/enrolment');
    expect(enrolment.status).toBe(200);
    const { secret, otpauthUri } = enrolment.body as { secret: string; otpauthUri: string };
    expect(otpauthUri).toContain(`secret=${secret}`);
    // Not in force before it is confirmed: login without a code still works.
    await client().login(username, password);
    // A wrong code is a field error (400), not a 401: the user is still logged in.
    expect(await me.post('/api/auth/me/totp/confirmation', { code: '000000' })).toMatchObject({
      status: 400,
      body: { error: { code: 'auth.totp_code_wrong', fields: { code: expect.stringContaining('Koden stemmer ikke') } } },
    });
    expect((await me.post('/api/auth/me/totp/confirmation', { code: totpCode(secret, totpStep(now)) })).status).toBe(204);
    expect((await me.get('/api/auth/me/totp')).body).toEqual({ enabled: true, available: true });
    const [row] = await database.db.select({ secret: users.totpSecret }).from(users).where(eq(users.username, username));
    expect(row!.secret).toMatch(/^v1:/);
    expect(row!.secret).not.toContain(secret);

    now = new Date('2026-11-26T09:01:00Z');
    const other = client();
    const noCode = await other.post('/api/auth/login', { username, password });
    expect(noCode).toMatchObject({ status: 401, body: { error: { code: 'auth.totp_required', message: 'Skriv koden fra autentiseringsappen din.' } } });
    const wrong = await other.post('/api/auth/login', { username, password, totpCode: '123456' === totpCode(secret, totpStep(now)) ? '654321' : '123456' });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'auth.totp_failed' } } });
    const code = totpCode(secret, totpStep(now));
    expect((await other.post('/api/auth/login', { username, password, totpCode: code })).status).toBe(204);
    // The same code a second time (someone who saw it) does not log in.
    expect((await client().post('/api/auth/login', { username, password, totpCode: code })).body).toMatchObject({ error: { code: 'auth.totp_failed' } });
    // A wrong password with a right code is still a wrong password.
    now = new Date('2026-11-26T09:02:00Z');
    expect((await client().post('/api/auth/login', { username, password: 'feil', totpCode: totpCode(secret, totpStep(now)) })).body).toMatchObject({
      error: { code: 'auth.login_failed' },
    });

    // Turning it off needs a valid code.
    expect((await me.post('/api/auth/me/totp/removal', { code: '12' })).status).toBe(400);
    now = new Date('2026-11-26T09:03:00Z');
    const notTheCode = totpCode(secret, totpStep(now)) === '123456' ? '654321' : '123456';
    expect((await me.post('/api/auth/me/totp/removal', { code: notTheCode })).body).toMatchObject({ error: { code: 'auth.totp_code_wrong' } });
    expect((await me.get('/api/auth/me/totp')).body).toEqual({ enabled: true, available: true });
    expect((await me.post('/api/auth/me/totp/removal', { code: totpCode(secret, totpStep(now)) })).status).toBe(204);
    await client().login(username, password);
  });
});
