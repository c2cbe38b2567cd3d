import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, launchBrowser, logIn, newPage } from './support/browser.ts';
import { doNotSee, see } from './support/wait.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('login', () => {
  test('a wrong password shows "Feil brukernavn eller passord." and keeps the user on the login form', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/');
      await see(page.getByRole('heading', { name: /Logg inn/ }), 'the login form');
      await logIn(page, 'leder', 'feil-passord-123');

      const alert = await see(page.getByRole('alert').filter({ hasText: 'Feil brukernavn eller passord.' }), 'the login error');
      expect((await alert.innerText()).trim()).toBe('Feil brukernavn eller passord.');
      await see(page.getByRole('button', { name: 'Logg inn', exact: true }));
      await doNotSee(page.getByRole('button', { name: 'Logg ut' }), 'a logged-in header');
      await checkA11y(page, 'd-01-login-wrong-password');
    } finally {
      await context.close();
    }
  });
});
