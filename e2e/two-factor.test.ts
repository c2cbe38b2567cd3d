import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, logIn } from './support/browser.ts';
import { apiAs } from './support/api.ts';
import { fitsTheScreen, loggedIn, look } from './support/journey.ts';
import { see } from './support/wait.ts';
import { totpCode, totpStep } from '../src/platform/auth/totp.ts';

// Issue 8, the optional second factor: a staff member opens «Min konto» from the header, turns on
// two-factor by scanning the QR code (here: reading the key, as someone who cannot scan types it),
// confirms with a code from the app, logs out, logs in with password and code, and turns it off
// again. The codes are computed with the project's own RFC 6238 code (src/platform/auth/totp.ts), as
// an authenticator app would. A code works once, so where a step needs a new code the test waits
// for the app's next one, as a person would.

const username = 'tofaktor-e2e';
const displayName = 'Tora Tofaktor';
const password = 'bolignu-demo';

let browser: Browser;
const contexts: BrowserContext[] = [];
let page: Page;
let secret = '';
let lastUsedStep = 0;
const cspViolations: string[] = [];

/** The code the app shows once it has moved past the last code used (waits up to 30 s for it). */
async function nextCode(): Promise<string> {
  while (totpStep(new Date()) <= lastUsedStep) await new Promise((r) => setTimeout(r, 500));
  lastUsedStep = totpStep(new Date());
  return totpCode(secret, lastUsedStep);
}

const codeField = (scope: Page | ReturnType<Page['getByRole']>) => scope.getByRole('textbox', { name: 'Koden fra autentiseringsappen' });

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await apiAs('admin');
  try {
    const res = await admin.post('/api/admin/users', { data: { username, displayName, roles: ['staff'], loginMethod: 'password', password } });
    if (!res.ok()) throw new Error(`creating ${username} failed: HTTP ${res.status()} ${await res.text()}`);
  } finally {
    await admin.dispose();
  }
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('two-factor login (TOTP), set up by the user', () => {
  test('«Min konto» is in the header and says two-factor is off', async () => {
    page = await loggedIn(browser, contexts, username);
    // Chromium reports anything the Content-Security-Policy blocks on the console.
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.getByRole('banner').getByRole('link', { name: 'Min konto' }).click();
    await see(page.getByRole('heading', { level: 1, name: 'Min konto' }), 'the account page');
    await see(page.getByRole('heading', { level: 2, name: 'Tofaktor' }), 'the two-factor section');
    await see(page.getByText('Tofaktor er av. Du logger inn med passordet alene.'), 'that two-factor is off');
    await look(page, 'account-two-factor-off');
  });

  test('turning it on shows a QR code and the key in groups of four', async () => {
    await page.getByRole('button', { name: 'Slå på tofaktor' }).click();
    await see(page.getByRole('heading', { name: 'Legg Bolig Nu til i autentiseringsappen' }), 'the set-up steps');
    const qr = await see(page.getByRole('img', { name: 'QR-kode som legger Bolig Nu til i autentiseringsappen' }), 'the QR code');
    // Drawn as SVG by the page itself (no image from elsewhere, nothing the CSP would block).
    expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    expect(await qr.locator('path').count()).toBeGreaterThan(0);
    expect(cspViolations, 'CSP violations while showing the QR code').toEqual([]);
    const shown = await page.getByTestId('totp-secret').innerText();
    expect(shown).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    secret = shown.replace(/\s/g, '');
    await look(page, 'account-two-factor-setup');
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsTheScreen(page, 'the two-factor set-up');
    await look(page, 'account-two-factor-setup-phone');
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  test('a wrong code is refused next to the field, and the user stays logged in', async () => {
    const right = totpCode(secret, totpStep(new Date()));
    await codeField(page).fill(right === '123456' ? '654321' : '123456');
    await page.getByRole('button', { name: 'Bekreft og slå på' }).click();
    await see(page.getByText('Koden stemmer ikke', { exact: false }).first(), 'the wrong-code message');
    await see(page.getByRole('button', { name: 'Logg ut' }), 'the header of a logged-in user');
    await see(page.getByRole('heading', { name: 'Legg Bolig Nu til i autentiseringsappen' }), 'the set-up still open');
  });

  test('the right code turns it on', async () => {
    await codeField(page).fill(await nextCode());
    await page.getByRole('button', { name: 'Bekreft og slå på' }).click();
    await see(page.getByText('Tofaktor er slått på. Neste gang du logger inn, spør vi etter koden fra appen.'), 'the confirmation');
    await see(page.getByRole('button', { name: 'Slå av tofaktor' }), 'the button to turn it off');
    await look(page, 'account-two-factor-on');
  });

  test('after logging out, login asks for the code and lets the user in with it', async () => {
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await see(page.getByRole('heading', { name: /Logg inn/ }), 'the login form');
    await logIn(page, username, password);
    await see(page.getByText('Skriv koden fra autentiseringsappen din.'), 'the question for the code');
    await codeField(page).fill(await nextCode());
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await see(page.getByRole('button', { name: 'Logg ut' }), 'the logged-in header');
    await page.getByRole('banner').getByRole('link', { name: 'Min konto' }).click();
    await see(page.getByText('Tofaktor er på. Når du logger inn, spør vi etter koden fra autentiseringsappen.'), 'that two-factor is on');
  });

  test('turning it off asks for a code in a dialog; then the password alone is enough again', async () => {
    await page.getByRole('button', { name: 'Slå av tofaktor' }).click();
    const dialog = await see(page.getByRole('dialog', { name: 'Slå av tofaktor?' }), 'the confirmation dialog');
    await look(page, 'account-two-factor-off-dialog');
    await codeField(dialog).fill(await nextCode());
    await dialog.getByRole('button', { name: 'Slå av tofaktor' }).click();
    await see(page.getByText('Tofaktor er slått av.', { exact: false }), 'that it is off');
    await see(page.getByRole('button', { name: 'Slå på tofaktor' }), 'the button to turn it on again');

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await logIn(page, username, password);
    await see(page.getByRole('button', { name: 'Logg ut' }), 'logged in with the password alone');
  });

  test('an account that logs in through the municipality is told its second factor is handled there', async () => {
    // OIDC needs the municipality's identity service; the page's answer for such an account is what
    // GET /api/auth/me/totp gives them (available: false), so the browser is handed that answer.
    await page.route('**/api/auth/me/totp', (route) => route.fulfill({ json: { enabled: false, available: false } }));
    await page.goto('/min-konto');
    await see(page.getByText(/Du logger inn med kommunens identitetstjeneste\. Den andre faktoren .* styres der, ikke i Bolig Nu/), 'the identity-provider message');
    expect(await page.getByRole('button', { name: 'Slå på tofaktor' }).count()).toBe(0);
    await look(page, 'account-two-factor-oidc');
    await page.unroute('**/api/auth/me/totp');
  });
});
