import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { screenshotDir } from './browser.ts';

export interface DownloadedPdf {
  /** Where the file was saved (test-results/e2e/<name>.pdf), for a person to open. */
  path: string;
  suggestedFilename: string;
  bytes: Buffer;
  /** The text as a real PDF reader extracts it (poppler's pdftotext), whitespace collapsed to single spaces. */
  text: string;
}

/**
 * Clicks a download link the way a user does, waits for the browser's download, keeps the file as
 * test-results/e2e/<name>.pdf and reads it with pdftotext (poppler-utils).
 */
export async function downloadPdf(link: Locator, name: string): Promise<DownloadedPdf> {
  const page = link.page();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const failure = await download.failure();
  if (failure) throw new Error(`the download of ${name} failed: ${failure}`);
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.pdf`);
  await download.saveAs(path);
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  } catch (err) {
    throw new Error(`pdftotext could not read ${path} (is poppler-utils installed?): ${(err as Error).message}`, { cause: err });
  }
  return { path, suggestedFilename: download.suggestedFilename(), bytes, text: text.replace(/\s+/g, ' ') };
}
