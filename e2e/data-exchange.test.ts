import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { fitsTheScreen, loggedIn, look, menu } from './support/journey.ts';
import { see } from './support/wait.ts';
import { readZip } from '../src/features/data-exchange/data-exchange.zip.ts';

// Issue 6, points 4–5: the administrator checks the documented example file, sees the report, imports
// it and downloads the export; a file with an error shows the row and the column of the error.

const examplePath = join(import.meta.dirname, '../docs/examples/data-exchange-example.json');

let browser: Browser;
const contexts: BrowserContext[] = [];
let admin: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await loggedIn(browser, contexts, 'admin');
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const filesInput = (page: Page) => page.getByLabel('Filer (CSV per type, én JSON-fil eller eksport-ZIP)');

describe('import and export of data', () => {
  test('the admin checks the example file, sees the report and imports it', async () => {
    await menu(admin).getByRole('link', { name: 'Import og eksport' }).click();
    await see(admin.getByRole('heading', { name: 'Import og eksport av data', level: 1 }));
    await filesInput(admin).setInputFiles(examplePath);
    await admin.getByRole('button', { name: 'Kontroller filene' }).click();
    await see(admin.getByText('Filene er gyldige. Ingenting er lagret ennå.'), 'the dry-run result');
    const counts = admin.getByTestId('import-counts');
    await see(counts.getByRole('row', { name: /Personer\s+6\s+6\s+0/ }), 'six new people in the report');
    await see(counts.getByRole('row', { name: /Opphold og utflytting\s+4\s+4\s+0/ }), 'four new stays in the report');
    await look(admin, 'data-exchange-checked');
    await admin.screenshot({ path: '/tmp/data-exchange-checked.png', fullPage: true });

    await admin.getByRole('button', { name: 'Importer', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await see(dialog.getByRole('heading', { name: 'Importere dataene?' }));
    await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
    await see(admin.getByText('Importert.', { exact: true }), 'the import result');
  });

  test('the admin downloads the export, and it holds the imported people with their ids', async () => {
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Last ned CSV-filer (ZIP)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bolignu-eksport-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = readZip(readFileSync((await download.path())!));
    const people = files!.find((f) => f.name === 'people.csv')!.data.toString('utf8');
    expect(people).toContain('P1;Kari;Eksempelsen;1994-03-12;fnr;');
    const [pseudo] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Last ned pseudonymisert datasett (ZIP)' }).click()]);
    const pseudoText = readZip(readFileSync((await pseudo.path())!))!.map((f) => f.data.toString('utf8')).join('\n');
    expect(pseudoText).not.toContain('Eksempelsen');
  });

  test('a file with an error shows the row and the column, and imports nothing', async () => {
    await admin.reload();
    await see(admin.getByRole('heading', { name: 'Import og eksport av data', level: 1 }));
    await filesInput(admin).setInputFiles({
      name: 'rooms.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id;houseId;name;capacity;isCrisisRoom;takesCouples\nR1;H1;Hybel 1;1;nei;nei\nR9;H1;Hybel 9;7;nei;nei\n'),
    });
    await admin.getByRole('button', { name: 'Kontroller filene' }).click();
    await see(admin.getByText('Filene har 1 feil. Ingenting er importert.', { exact: false }), 'the error summary');
    const errors = admin.getByTestId('import-errors');
    await see(errors.getByRole('row', { name: /rooms\.csv\s+3\s+capacity\s+Plasser må være 1 eller 2\./ }), 'the error on row 3, column capacity');
    await expect(admin.getByRole('button', { name: 'Importer', exact: true }).count()).resolves.toBe(0);
    await look(admin, 'data-exchange-error');
    await admin.screenshot({ path: '/tmp/data-exchange-error.png', fullPage: true });
    // On a phone the report scrolls inside its tables; the page itself never sideways.
    await admin.setViewportSize({ width: 390, height: 844 });
    await see(errors, 'the error table on a phone');
    await fitsTheScreen(admin, 'the import report on a phone');
    await admin.screenshot({ path: '/tmp/data-exchange-phone.png', fullPage: true });
  });
});
