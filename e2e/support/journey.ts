import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { checkA11y, logIn, newPage } from './browser.ts';
import { see } from './wait.ts';

// Small steps the long journeys share: dates as people type them, logging in in a context of one's
// own, and "look at the page" (wait for loading, axe, screenshot).

export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
/** ISO date → dd.mm.yyyy, as the app shows and people type dates. */
export const norwegian = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Logs the user in through the form in a browser context of their own (closed with the others in afterAll). */
export async function loggedIn(browser: Browser, contexts: BrowserContext[], username: string): Promise<Page> {
  const { context, page } = await newPage(browser);
  contexts.push(context);
  await page.goto('/');
  await see(page.getByRole('heading', { name: /Logg inn/ }), 'the login form');
  await logIn(page, username);
  await see(page.getByRole('button', { name: 'Logg ut' }), `the logged-in header for ${username}`);
  return page;
}

export const menu = (page: Page) => page.getByRole('navigation', { name: 'Meny' });

/** Waits until nothing on the page is still loading ("Laster …"), then runs axe and takes the screenshot. */
export async function look(page: Page, name: string) {
  await expect
    .poll(() => page.getByRole('img', { name: 'Laster …' }).count(), { timeout: 15_000, message: `"${name}" was still loading after 15 s` })
    .toBe(0);
  await checkA11y(page, name);
}

/** Nothing sticks out sideways: a phone user should never have to scroll horizontally. */
export async function fitsTheScreen(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what}: the page is ${width}px wide on a 390px screen`).toBeLessThanOrEqual(390);
}
