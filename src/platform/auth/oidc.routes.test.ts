import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/client.ts';
import { createTestApp } from '../http/test-app.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { buildTenant, buildUser } from './auth.factory.ts';
import { users } from './auth.tables.ts';

// A real OpenID Connect provider (oidc-provider, the certified implementation openid-client is
// tested against) on loopback, and the app in process: the whole flow a browser goes through.

const clientId = 'bolig-nu-test';
const clientSecret = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
// The app runs in process (app.request); this address only has to be the registered redirect URI.
const publicUrl = 'http://127.0.0.1:65080';
const redirectUri = `${publicUrl}/api/auth/oidc/callback`;

/** The provider's people: login name (= subject) → claims. Anyone else gets <login>@andre.example. */
const accounts: Record<string, { email: string; name: string }> = {
  'sub-kari': { email: 'kari.nordmann@testkommune.no', name: 'Kari Nordmann' },
  'sub-ola': { email: 'ola.inaktiv@testkommune.no', name: 'Ola Inaktiv' },
  'sub-per': { email: 'per.tuklet@testkommune.no', name: 'Per Tuklet' },
};

let database: Database;
let idp: Server;
let issuer: string;
let t: ReturnType<typeof createTestApp>;
let tenantId: string;

async function startProvider() {
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test-cookie-signing-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, email_verified: true, ...(accounts[sub] ?? { email: `${sub}@andre.example`, name: sub }) }),
    }),
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    // Set, so the provider does not print a notice for each default it falls back to.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
  });
  idp.on('request', provider.callback());
}

/** Cookies of one origin, as a browser keeps them (enough for these two servers). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  has(name: string) {
    return this.cookies.has(name);
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Start at the app, log in at the provider's (development) login page as `login`, consent, and
 * bring the provider's redirect back to the app's callback, like a browser.
 */
async function logInAtProvider(login: string, options: { tamper?: (callback: URL) => void; dropAppCookies?: boolean } = {}) {
  const appJar = new CookieJar();
  const idpJar = new CookieJar();
  const start = await t.app.request('/api/auth/oidc/start');
  expect(start.status).toBe(302);
  appJar.store(start);
  let url = new URL(start.headers.get('location')!);
  expect(url.origin).toBe(issuer);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('redirect_uri')).toBe(redirectUri);

  for (let step = 0; url.origin === issuer; step++) {
    if (step > 12) throw new Error('too many steps at the provider');
    let res = await fetch(url, { redirect: 'manual', headers: { cookie: idpJar.header() } });
    idpJar.store(res);
    if (res.status === 200) {
      const page = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      if (!action || !prompt) throw new Error(`unexpected page at the provider: ${page.slice(0, 200)}`);
      const form: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt };
      res = await fetch(new URL(action, url), {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: idpJar.header() },
        body: new URLSearchParams(form),
      });
      idpJar.store(res);
    }
    if (res.status !== 302 && res.status !== 303) throw new Error(`provider answered ${res.status}: ${await res.text()}`);
    url = new URL(res.headers.get('location')!, url);
  }

  expect(`${url.origin}${url.pathname}`).toBe(redirectUri);
  options.tamper?.(url);
  const callback = await t.app.request(`${url.pathname}${url.search}`, {
    headers: options.dropAppCookies ? {} : { cookie: appJar.header() },
  });
  appJar.store(callback);
  return { status: callback.status, location: callback.headers.get('location'), appJar };
}

async function me(jar: CookieJar) {
  const res = await t.app.request('/api/auth/me', { headers: { cookie: jar.header() } });
  return { status: res.status, body: await res.json() };
}

async function subjectOf(userId: string) {
  const [row] = await database.db.select({ oidcSubject: users.oidcSubject }).from(users).where(eq(users.id, userId));
  return row?.oidcSubject;
}

beforeAll(async () => {
  [database] = await Promise.all([createTestDatabase(), startProvider()]);
  tenantId = (await buildTenant(database.db)).id;
  t = createTestApp(database, {
    env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret, PUBLIC_URL: publicUrl },
  });
});

afterAll(async () => {
  idp?.closeAllConnections();
  await new Promise((resolve) => (idp ? idp.close(resolve) : resolve(undefined)));
  await database?.close();
});

describe('OIDC login', () => {
  it('links a known user by e-mail (any case) on the first login, audits the link, and logs them in', async () => {
    const kari = await buildUser(database.db, { tenantId, roles: ['staff'], email: 'Kari.Nordmann@TestKommune.no' });

    const login = await logInAtProvider('sub-kari');

    expect(login.status).toBe(302);
    expect(login.location).toBe('/');
    expect(login.appJar.has('bn_session')).toBe(true);
    expect(login.appJar.has('bn_oidc')).toBe(false);
    const session = await me(login.appJar);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ id: kari.id, username: kari.username, roles: ['staff'] });
    expect(await subjectOf(kari.id)).toBe('sub-kari');
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, kari.id), eq(auditEvents.entityType, 'user')));
    expect(audit.map((e) => e.action).sort()).toEqual(['auth.login', 'auth.oidc_linked']);
    const linked = audit.find((e) => e.action === 'auth.oidc_linked')!;
    expect(linked).toMatchObject({ tenantId, actorUserId: kari.id, details: { issuer, matchedBy: 'email' } });
    // No personal data from the provider in the audit row.
    expect(JSON.stringify(linked.details)).not.toMatch(/kari/i);
    expect(audit.find((e) => e.action === 'auth.login')?.details).toEqual({ method: 'oidc' });

    // Next time the stored subject decides, even after the address changed on either side.
    await database.db.update(users).set({ email: 'kari.ny@testkommune.no' }).where(eq(users.id, kari.id));
    const again = await logInAtProvider('sub-kari');
    expect(again.location).toBe('/');
    expect((await me(again.appJar)).body.id).toBe(kari.id);
    const links = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, kari.id), eq(auditEvents.action, 'auth.oidc_linked')));
    expect(links).toHaveLength(1);
  });

  it('refuses someone with no user in Bolig Nu: login_error code only, no session', async () => {
    const login = await logInAtProvider('sub-ukjent');

    expect(login.status).toBe(302);
    expect(login.location).toBe('/?login_error=auth.oidc_unknown_user');
    expect(login.appJar.has('bn_session')).toBe(false);
    expect(login.appJar.has('bn_oidc')).toBe(false);
    expect((await me(login.appJar)).status).toBe(401);
  });

  it('refuses a deactivated user and links nothing', async () => {
    const ola = await buildUser(database.db, { tenantId, roles: ['staff'], email: 'ola.inaktiv@testkommune.no', isActive: false });

    const login = await logInAtProvider('sub-ola');

    expect(login.location).toBe('/?login_error=auth.oidc_unknown_user');
    expect(login.appJar.has('bn_session')).toBe(false);
    expect(await subjectOf(ola.id)).toBeNull();
  });

  it('refuses a tampered state, and a callback without the pending-login cookie', async () => {
    const per = await buildUser(database.db, { tenantId, roles: ['staff'], email: 'per.tuklet@testkommune.no' });

    const tampered = await logInAtProvider('sub-per', { tamper: (url) => url.searchParams.set('state', 'A'.repeat(43)) });
    expect(tampered.location).toBe('/?login_error=auth.oidc_failed');
    expect(tampered.appJar.has('bn_session')).toBe(false);

    const otherBrowser = await logInAtProvider('sub-per', { dropAppCookies: true });
    expect(otherBrowser.location).toBe('/?login_error=auth.oidc_failed');
    expect(otherBrowser.appJar.has('bn_session')).toBe(false);

    expect(await subjectOf(per.id)).toBeNull();
  });

  it('documents both routes in the OpenAPI description', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths['/api/auth/oidc/start'].get.responses)).toEqual(expect.arrayContaining(['302', '404']));
    expect(Object.keys(doc.paths['/api/auth/oidc/callback'].get.responses)).toEqual(expect.arrayContaining(['302', '404']));
  });

  it('answers 404 auth.oidc_not_configured on both routes when OIDC is not set up', async () => {
    const plain = createTestApp(database);
    for (const path of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
      const res = await plain.app.request(path);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('auth.oidc_not_configured');
    }
    expect(await (await plain.app.request('/api/auth/options')).json()).toEqual({ oidc: null });
  });
});
