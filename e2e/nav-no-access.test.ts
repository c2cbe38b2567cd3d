import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, launchBrowser, logIn, newPage } from './support/browser.ts';
import { registerPerson, type RegisteredPerson } from './support/api.ts';
import { doNotSee, see } from './support/wait.ts';

let browser: Browser;
let person: RegisteredPerson;
beforeAll(async () => {
  browser = await launchBrowser();
  person = await registerPerson('Ola', 'Skjermet-Testesen', '1988-11-02', 200);
});
afterAll(async () => {
  await browser?.close();
});

describe('NAV caseworker (nav)', () => {
  test('opening a person page by its address shows "Ingen tilgang" and no personal data; the menu has no "Personer"', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`/personer/${person.id}`);
      await see(page.getByRole('heading', { name: /Logg inn/ }), 'the login form');
      await logIn(page, 'nav');

      await see(page.getByRole('heading', { name: 'Ingen tilgang' }), 'the refusal');
      const text = await page.locator('body').innerText();
      expect(text).not.toContain('Skjermet-Testesen');
      expect(text).not.toContain(person.nationalId);
      expect(text).not.toContain('02.11.1988');
      await doNotSee(page.getByRole('heading', { name: 'Tilgangslogg' }), 'the access log');

      const nav = page.getByRole('navigation', { name: 'Meny' });
      await see(nav, 'the navigation');
      await see(page.getByText('Innlogget som Nina NAV-veileder'));
      await doNotSee(nav.getByRole('link', { name: 'Personer' }), 'a link to Personer');
      await doNotSee(nav.getByText('Personer', { exact: true }), '"Personer" in the menu');
      await checkA11y(page, 'b-01-nav-person-forbidden');
    } finally {
      await context.close();
    }
  });
});
