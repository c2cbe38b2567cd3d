import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { findChromium } from './chromium.ts';

export const demoPassword = 'bolignu-demo';
export const screenshotDir = join(import.meta.dirname, '../../test-results/e2e');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh, isolated browser context (own cookies) pointed at the e2e server. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: inject('baseUrl'), locale: 'nb-NO', timezoneId: 'Europe/Oslo', ...options });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

const blocking = new Set(['serious', 'critical']);

/**
 * Checks the page as it is now with axe (WCAG 2.0/2.1 A and AA) and saves a screenshot to
 * test-results/e2e/<name>.png. Fails on any serious or critical violation, naming rule, help and
 * the elements concerned; minor and moderate findings are printed but do not fail.
 */
export async function checkA11y(page: Page, name: string): Promise<void> {
  // Let fonts settle and finite animations end (a dialog fading in is half transparent, and axe then
  // measures the contrast of the fade, not of the dialog), so axe and the screenshot see what a user sees.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ).then(() => undefined),
  );
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const describe = (v: (typeof results.violations)[number]) =>
    `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` + v.nodes.map((n) => `      at ${n.target.map(String).join(' ')}`).join('\n');
  const minor = results.violations.filter((v) => !blocking.has(v.impact ?? ''));
  if (minor.length > 0) console.warn(`[axe] ${name}: minor/moderate findings:\n${minor.map(describe).join('\n')}`);
  const serious = results.violations.filter((v) => blocking.has(v.impact ?? ''));
  expect(serious.length, `axe found serious or critical violations on "${name}" (${page.url()}):\n${serious.map(describe).join('\n')}`).toBe(0);
}

/** Logs in through the login form, as a person would. */
export async function logIn(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
}
