import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, launchBrowser, logIn, newPage } from './support/browser.ts';
import { resetLocale } from './support/api.ts';
import { doNotSee, see } from './support/wait.ts';
import { syntheticNationalId } from '../src/features/people/people.rules.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // The journey switches the interface to English, which is saved on the user; put it back.
  await resetLocale('ansatt');
});

describe('staff member (ansatt)', () => {
  test('sees the rooms, registers a person with a mistyped and then a valid fødselsnummer, reads the access log, switches to English and logs out', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/');
      await see(page.getByRole('heading', { name: /Logg inn/ }), 'the login form');
      await checkA11y(page, 'a-01-login');

      await logIn(page, 'ansatt');
      // The board (Tavla): the demo house's seven rooms, each under its own heading.
      await see(page.getByRole('heading', { level: 1, name: 'Tavla' }), 'the board on the home page');
      const rooms = await see(page.getByRole('main').getByRole('region', { name: 'Hybler', exact: true }), 'the rooms on the board');
      for (const room of ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7']) {
        await see(rooms.getByRole('heading', { name: room, exact: true }), `room ${room} on the home page`);
      }
      expect(await rooms.getByRole('heading', { name: /^H\d+$/ }).count()).toBe(7);
      await checkA11y(page, 'a-02-home-rooms');

      await page.getByRole('navigation', { name: 'Meny' }).getByRole('link', { name: 'Personer' }).click();
      await see(page.getByRole('heading', { level: 1, name: 'Personer' }));
      await checkA11y(page, 'a-03-people');

      await page.getByRole('link', { name: 'Registrer person' }).click();
      await see(page.getByRole('heading', { level: 1, name: 'Registrer person' }));
      await checkA11y(page, 'a-04-register-empty');

      await page.getByLabel('Fornavn').fill('Kari');
      await page.getByLabel('Etternavn').fill('Nordmann-Testesen');
      await page.getByLabel('Fødselsdato').fill('17.04.1993');
      expect(await page.getByRole('radio', { name: 'Fødselsnummer' }).isChecked()).toBe(true);
      const nationalId = page.getByLabel('Fødselsnummer eller D-nummer');
      await nationalId.fill('12345678910');
      await page.getByRole('button', { name: 'Registrer person' }).click();

      // The field says what is wrong, and the summary at the top links to the field.
      await see(page.getByText(/Kontrollsifrene stemmer ikke/).first(), 'the field error under the fødselsnummer');
      expect(await nationalId.getAttribute('aria-invalid')).toBe('true');
      const summaryLink = await see(page.getByRole('link', { name: /Fødselsnummer eller D-nummer: Kontrollsifrene stemmer ikke/ }), 'the error summary');
      await checkA11y(page, 'a-05-register-invalid-id');
      await summaryLink.click();
      await expect.poll(() => nationalId.evaluate((el) => el === document.activeElement)).toBe(true);
      // Nothing was registered: still on the form, no success message.
      expect(new URL(page.url()).pathname).toBe('/personer/ny');
      await doNotSee(page.getByText(/er registrert/), 'a registration confirmation');

      await nationalId.fill(syntheticNationalId('1993-04-17', 100));
      await page.getByRole('button', { name: 'Registrer person' }).click();
      await see(page.getByRole('heading', { level: 1, name: 'Kari Nordmann-Testesen' }), 'the person page');
      expect(new URL(page.url()).pathname).toMatch(/^\/personer\/[0-9a-f-]{36}$/);
      await see(page.getByText('Kari Nordmann-Testesen er registrert.'));
      await see(page.getByText('17.04.1993'));

      // The access log shows the read this page just made, with its purpose.
      await see(page.getByRole('heading', { level: 2, name: 'Tilgangslogg' }));
      const accessLog = page.getByRole('table');
      await see(accessLog.getByRole('row', { name: /Lest.*Oppfølging.*Siri Ansatt/ }), 'the read in the access log');
      await see(accessLog.getByRole('row', { name: /Registrert/ }), 'the registration in the access log');
      // One visit, one read: the log is evidence for the person, so it must not count twice.
      expect(await accessLog.getByRole('row', { name: /Lest/ }).count()).toBe(1);
      expect(await accessLog.getByRole('row', { name: /Registrert/ }).count()).toBe(1);
      await checkA11y(page, 'a-06-person-page');

      // English, from the header button.
      await page.getByRole('button', { name: 'English' }).click();
      await see(page.getByRole('heading', { level: 2, name: 'Access log' }));
      await see(page.getByRole('button', { name: 'Log out' }));
      await see(page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'People' }));
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await see(accessLog.getByRole('row', { name: /Follow-up/ }), 'the purpose in English');
      await checkA11y(page, 'a-07-person-page-en');

      await page.getByRole('button', { name: 'Log out' }).click();
      await see(page.getByRole('button', { name: 'Log in' }), 'the login form after logging out');
      await doNotSee(page.getByText('Kari Nordmann-Testesen'), 'the person after logging out');
      await checkA11y(page, 'a-08-logged-out-en');
    } finally {
      await context.close();
    }
  });
});
