import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, logIn, newPage } from './support/browser.ts';
import { registerPerson, type RegisteredPerson } from './support/api.ts';
import { see } from './support/wait.ts';

// Issue #8 points 6 and 7 in a real browser: the Content-Security-Policy blocks nothing the app
// needs (no violations on its pages, Designsystemet styles included), and a name full of markup is
// stored as given and shown as text, never run.

let browser: Browser;
let person: RegisteredPerson;
const givenName = '<img src=x onerror="window.__xss=1">';
const familyName = '<script>window.__xss=2</script>Testesen';

beforeAll(async () => {
  browser = await launchBrowser();
  person = await registerPerson(givenName, familyName, '1991-06-15', 414);
});
afterAll(async () => {
  await browser?.close();
});

/** Collects CSP violations reported by the page and by the browser console. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

describe('web security in the browser', () => {
  test('the app runs under its strict CSP without violations, and markup in a name is shown as text', async () => {
    const { context, page } = await newPage(browser);
    try {
      const violations = await watchCsp(page);
      const response = await page.goto('/');
      expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
      await see(page.getByRole('heading', { name: /Logg inn/ }), 'the login form');
      await logIn(page, 'ansatt');
      await see(page.getByRole('button', { name: 'Logg ut' }), 'the logged-in header');

      for (const path of ['/personer', '/hybler', '/personer/ny']) {
        await page.goto(path);
        await see(page.getByRole('heading', { level: 1 }), `the page ${path}`);
      }

      await page.goto(`/personer/${person.id}`);
      const heading = await see(page.getByRole('heading', { level: 1, name: /Testesen/ }), 'the person page heading');
      expect(await heading.innerText()).toContain(`${givenName} ${familyName}`);
      expect(violations, 'CSP violations from the app itself').toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      // Designsystemet's stylesheet applied (a CSP that blocked it would leave its variables undefined).
      const dsFontSize = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ds-font-size-plus-1').trim());
      expect(dsFontSize).not.toBe('');
      await page.screenshot({ path: '/tmp/security-person.png', fullPage: true });
      await checkA11y(page, 's-01-markup-in-name-shown-as-text');
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
