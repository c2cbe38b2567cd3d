import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { screenshotDir } from './browser.ts';

// playwright-core has no auto-retrying `expect`; these wait the way a user would look for something,
// and on failure say what the page showed instead (text and a screenshot), so a red run explains itself.

async function whatThePageShows(locator: Locator): Promise<string> {
  const page = locator.page();
  try {
    mkdirSync(screenshotDir, { recursive: true });
    const path = join(screenshotDir, `FAILED-${Date.now()}.png`);
    await page.screenshot({ path, fullPage: true, timeout: 5_000 });
    const text = (await page.locator('body').innerText({ timeout: 2_000 })).replace(/\s+/g, ' ').slice(0, 600);
    return `The page (${page.url()}) showed: "${text}"\nScreenshot: ${path}`;
  } catch {
    return `The page was ${page.url()}.`;
  }
}

/** Waits until the element is visible; fails with a readable message after the context's timeout. */
export async function see(locator: Locator, what?: string): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible' });
  } catch (err) {
    const first = (err as Error).message.split('\n')[0];
    throw new Error(`Expected to see ${what ?? String(locator)}, but it did not appear (${first}).\n${await whatThePageShows(locator)}`, { cause: err });
  }
  return locator.first();
}

/** Waits until no matching element is visible. */
export async function doNotSee(locator: Locator, what?: string): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden' });
  } catch (err) {
    throw new Error(`Expected not to see ${what ?? String(locator)}, but it is there.\n${await whatThePageShows(locator)}`, { cause: err });
  }
}
