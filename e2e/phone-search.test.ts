import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, logIn, newPage } from './support/browser.ts';
import { registerPerson } from './support/api.ts';
import { see } from './support/wait.ts';

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await registerPerson('Per', 'Mobil-Testesen', '1975-06-30', 300);
});
afterAll(async () => {
  await browser?.close();
});

/** Nothing sticks out sideways: a phone user should never have to scroll horizontally. */
async function fitsTheScreen(page: Page, name: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${name}: the page is ${width}px wide on a 390px screen`).toBeLessThanOrEqual(390);
}

describe('staff member on a phone (390×844)', () => {
  test('opens the menu, goes to Personer with the keyboard, searches by name and finds the person', async () => {
    const { context, page } = await newPage(browser, phone);
    try {
      await page.goto('/');
      await see(page.getByRole('heading', { name: /Logg inn/ }), 'the login form');
      await fitsTheScreen(page, 'login');
      await checkA11y(page, 'c-01-phone-login');
      await logIn(page, 'ansatt');

      const menuButton = await see(page.getByRole('button', { name: 'Meny' }), 'the menu button');
      const nav = page.getByRole('navigation', { name: 'Meny' });
      expect(await nav.isVisible()).toBe(false);
      await fitsTheScreen(page, 'home');
      await checkA11y(page, 'c-02-phone-home');

      await menuButton.click();
      expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
      await see(nav, 'the opened menu');
      await checkA11y(page, 'c-03-phone-menu-open');

      // From the menu button, Tab through the header and the menu until "Personer" has focus.
      const peopleLink = nav.getByRole('link', { name: 'Personer' });
      let tabs = 0;
      while (!(await peopleLink.evaluate((el) => el === document.activeElement))) {
        if (++tabs > 25) throw new Error('"Personer" never got keyboard focus after 25 presses of Tab');
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await see(page.getByRole('heading', { level: 1, name: 'Personer' }));
      expect(await nav.isVisible(), 'the menu closes after choosing a page').toBe(false);
      await fitsTheScreen(page, 'people');
      await checkA11y(page, 'c-04-phone-people');

      const search = page.getByRole('searchbox').or(page.getByLabel(/Søk etter navn/));
      await search.first().fill('Mobil-Testesen');
      await page.keyboard.press('Enter');
      await see(page.getByText('1 treff'), 'one search result');
      const result = await see(page.getByRole('link', { name: 'Mobil-Testesen, Per' }), 'the person in the results');
      await fitsTheScreen(page, 'search results');
      await checkA11y(page, 'c-05-phone-search-result');

      await result.click();
      await see(page.getByRole('heading', { level: 1, name: 'Per Mobil-Testesen' }), 'the person page');
      await see(page.getByRole('table').getByRole('row', { name: /Lest.*Oppfølging/ }));
      await fitsTheScreen(page, 'person page');
      await checkA11y(page, 'c-06-phone-person-page');
    } finally {
      await context.close();
    }
  });
});
