import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, logIn, newPage } from './support/browser.ts';
import { freeRoomWithInventory } from './support/rooms.ts';
import { checkInThroughApi, type CheckedInResident } from './support/stays.ts';
import { fitsTheScreen, look, menu, norwegian } from './support/journey.ts';
import { see } from './support/wait.ts';

// Issue 7, points 3, 4 and 7 on a phone: a staff member writes in the shift log about a resident,
// reads it in the handover, registers the security company's night round, and opens the rota, which
// warns about under-staffed shifts (the demo has five people on the rota, so weekends are short).

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let browser: Browser;
let resident: CheckedInResident;
let roomName: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  const room = await freeRoomWithInventory('H4', ['Seng med madrass']);
  roomName = room.name;
  resident = await checkInThroughApi(room, 'Vilde', 'Vaktbok-Testesen', '1991-04-04');
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

const parseNorwegian = (value: string) => `${value.slice(6, 10)}-${value.slice(3, 5)}-${value.slice(0, 2)}`;

async function openFromMenu(page: Page, name: string, heading: string) {
  await page.getByRole('button', { name: 'Meny' }).click();
  await menu(page).getByRole('link', { name, exact: true }).click();
  await see(page.getByRole('heading', { level: 1, name: heading }), `the page ${heading}`);
}

describe('daily operations on a phone (390×844)', () => {
  test('shift log with a resident, the handover, a night round and an under-staffed rota', async () => {
    const { context, page } = await newPage(browser, phone);
    contexts.push(context);
    await page.goto('/');
    await see(page.getByRole('heading', { name: /Logg inn/ }), 'the login form');
    await logIn(page, 'ansatt');
    await see(page.getByRole('button', { name: 'Logg ut' }), 'the logged-in header');

    // 1. The shift log: an entry about the resident.
    await openFromMenu(page, 'Vaktbok', 'Vaktbok');
    const body = 'Vilde fikk besøk av NAV-veileder kl. 14. Avtalt visning i Storgata på fredag.';
    await page.getByLabel('Hva skjedde').fill(body);
    await page.getByRole('checkbox', { name: `Vilde Vaktbok-Testesen, hybel ${roomName}` }).check();
    const shiftDateOfEntry = parseNorwegian(await page.getByLabel('Vaktens dato').inputValue());
    await page.getByRole('button', { name: 'Lagre i vaktboka' }).click();
    await see(page.getByText('Innførselen er lagret.'), 'the saved message');

    // 2. The handover shows it under its shift, with a link to the resident.
    const handover = page.getByRole('region', { name: 'Overlevering – siste 24 timer' });
    const entry = handover.getByRole('listitem').filter({ hasText: body });
    await see(entry, 'the new entry in the handover');
    await see(entry.getByRole('link', { name: resident.name }), 'the link to the resident');
    expect(await handover.getByRole('heading', { level: 3, name: /^(Dagvakt|Kveldsvakt|Nattevakt) / }).count()).toBeGreaterThan(0);
    await see(handover.getByRole('button', { name: 'Skriv ut' }).or(page.getByRole('button', { name: 'Skriv ut' })), 'the print button');
    await fitsTheScreen(page, 'shift log');
    await look(page, 'shift-log-01-handover');
    await page.screenshot({ path: '/tmp/shift-log-01-handover.png', fullPage: true });

    // Printed, the handover is the entries alone: no form, no menu, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { name: 'Ny innførsel' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
    expect(await entry.isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/shift-log-01b-handover-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The same entry on its day, as staff look up an earlier day.
    await page.getByLabel('Dato', { exact: true }).fill(norwegian(shiftDateOfEntry));
    await page.getByRole('button', { name: 'Vis dagen' }).click();
    const day = page.getByRole('region', { name: 'Vaktbok for en annen dag' });
    await see(day.getByRole('listitem').filter({ hasText: body }), 'the entry on its day');

    // Reading the handover is in the resident's access log.
    await entry.getByRole('link', { name: 'Vilde Vaktbok-Testesen' }).click();
    await see(page.getByRole('heading', { level: 1, name: 'Vilde Vaktbok-Testesen' }), 'the person page');
    await see(page.getByRole('row', { name: /Vaktbok lest.*Vaktbok og overlevering/ }), 'the shift-log read in the access log');

    // 3. A night round registered for the security company's guard.
    await openFromMenu(page, 'Nattrunder', 'Nattrunder');
    // The demo's week of rounds has one night a round short.
    await see(page.getByText(/^Natten \d{2}\.\d{2}\.\d{4}: 1 av 2 runder$/), 'a night with a missing round');
    await page.getByLabel('Vekterens navn').fill('Vekter Eirik Test');
    await page.getByLabel('Funn (valgfritt)').fill('Vindu i 1. etasje stod åpent. Lukket.');
    await page.getByRole('button', { name: 'Registrer runden' }).click();
    await see(page.getByText(/^Runden er registrert for natten \d{2}\.\d{2}\.\d{4}\.$/), 'the registered message');
    await see(page.getByText(/Vekter Eirik Test/), 'the round in the list of nights');
    await fitsTheScreen(page, 'night rounds');
    await look(page, 'shift-log-02-patrols');
    await page.screenshot({ path: '/tmp/shift-log-02-patrols.png', fullPage: true });
    await page.getByRole('heading', { level: 2, name: 'Siste netter' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/shift-log-02b-nights.png' });

    // 4. The rota, with its under-staffed shifts.
    await openFromMenu(page, 'Turnus', 'Turnus');
    await see(page.getByRole('heading', { level: 2, name: 'Underbemannede vakter' }));
    await see(page.getByText(/^(Dagvakt|Kveldsvakt) \S+ \d{2}\.\d{2}\.\d{4}: \d av \d$/), 'an under-staffed shift in the warnings');
    await see(page.getByText(/^Underbemannet: \d av \d$/), 'an under-staffed tag on a day');
    expect(await page.getByRole('button', { name: 'Lag turnus for perioden' }).count(), 'staff cannot generate the rota').toBe(0);
    await fitsTheScreen(page, 'rota');
    await look(page, 'shift-log-03-rota');
    await page.screenshot({ path: '/tmp/shift-log-03-rota.png' });
    await page.getByRole('heading', { level: 2, name: /^Turnus \d/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/shift-log-04-rota-days.png' });
  });

  test('the service lead sees the rota with the pattern and the tools to edit it', async () => {
    const { context, page } = await newPage(browser, phone);
    contexts.push(context);
    await page.goto('/turnus');
    await see(page.getByRole('heading', { name: /Logg inn/ }), 'the login form');
    await logIn(page, 'leder');
    await see(page.getByRole('heading', { level: 1, name: 'Turnus' }), 'the staffing plan');
    await see(page.getByRole('button', { name: 'Lag turnus for perioden' }), 'the generate button');
    await see(page.getByRole('heading', { level: 2, name: 'Bemanningsmønster' }), 'the pattern form');
    await see(page.getByLabel('Helgegruppe for Anne Miljøterapeut'), "a member's weekend group");
    await fitsTheScreen(page, 'rota (lead)');
    await look(page, 'shift-log-04-rota-lead');
  });
});
