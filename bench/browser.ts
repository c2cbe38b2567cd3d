// The board on a cold load, in the machine's Chromium (issue #9: "the board interactive within 1 s on a
// cold load"). Each run is a new browser context (empty cache, the session cookie only), so every
// script, style, font and API answer is fetched again, as on a staff member's first visit of the day.
import { chromium } from 'playwright-core';
import { findChromium } from '../e2e/support/chromium.ts';

export interface ColdLoadResult {
  runs: number;
  /** Navigation start → the first room card of the board on screen (ms), median and worst. */
  visibleMedian: number;
  visibleMax: number;
  /** Navigation start → board on screen and the main thread idle (the first idle callback after it). */
  interactiveMedian: number;
  interactiveMax: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureBoardColdLoad(appUrl: string, cookie: string, runs = 5): Promise<ColdLoadResult> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const [name, value] = cookie.split('=') as [string, string];
  const visible: number[] = [];
  const interactive: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
      await context.addCookies([{ name, value, url: appUrl }]);
      // Stamped inside the page the moment the first room card is in the DOM, and at the first idle
      // moment after it (nothing left to run: the page answers a click at once).
      await context.addInitScript(() => {
        const w = window as unknown as { boardAt?: number; idleAt?: number };
        const seen = new MutationObserver(() => {
          if (w.boardAt !== undefined || !document.querySelector('.board-room')) return;
          w.boardAt = performance.now();
          seen.disconnect();
          requestIdleCallback(() => (w.idleAt = performance.now()));
        });
        seen.observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      await page.goto(`${appUrl}/`, { waitUntil: 'commit' });
      await page.waitForFunction(() => (window as unknown as { idleAt?: number }).idleAt !== undefined, undefined, { timeout: 30_000 });
      const times = await page.evaluate(() => {
        const w = window as unknown as { boardAt: number; idleAt: number };
        return { visible: w.boardAt, idle: w.idleAt };
      });
      visible.push(Math.round(times.visible));
      interactive.push(Math.round(times.idle));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { runs, visibleMedian: median(visible), visibleMax: Math.max(...visible), interactiveMedian: median(interactive), interactiveMax: Math.max(...interactive) };
}
