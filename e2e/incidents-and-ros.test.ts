import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, logIn, newPage } from './support/browser.ts';
import { fitsTheScreen, look } from './support/journey.ts';
import { see } from './support/wait.ts';
import { apiAs } from './support/api.ts';

// Issue 7, points 1 and 2 on a phone: staff (ansatt) record an incident in a few taps; it is severe,
// so the service lead (leder) finds it in the inbox at once, follows it up and closes it. The risk
// analysis (ROS) shows Bodø's threshold 11 with its reason, and the demo hazards in the right cells
// of the 5×5 matrices before and after measures. Points 5 and 6: staff report a key lost from the key
// register (an incident, the key marked lost) and check a room's inventory on its condition page.

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const suffix = Math.random().toString(36).slice(2, 7);
const description = `Beboer truet nattevakten i gangen (${suffix}).`;

let browser: Browser;
const contexts: BrowserContext[] = [];
let staff: Page;
let lead: Page;
let incidentPath = '';

async function onPhone(username: string): Promise<Page> {
  const { context, page } = await newPage(browser, phone);
  contexts.push(context);
  await page.goto('/');
  await see(page.getByRole('heading', { name: /Logg inn/ }), 'the login form');
  await logIn(page, username);
  await see(page.getByRole('button', { name: 'Logg ut' }), `the logged-in header for ${username}`);
  return page;
}

async function openFromMenu(page: Page, link: string, heading: string) {
  await page.getByRole('button', { name: 'Meny' }).click();
  await page.getByRole('navigation', { name: 'Meny' }).getByRole('link', { name: link, exact: true }).click();
  await see(page.getByRole('heading', { level: 1, name: heading }), heading);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('incidents and the risk analysis on a phone', () => {
  test('1. staff record an incident in a few taps: type, severity, where, one sentence', async () => {
    staff = await onPhone('ansatt');
    await openFromMenu(staff, 'Avvik', 'Avvik');
    await staff.getByRole('link', { name: 'Registrer avvik' }).click();
    await see(staff.getByRole('heading', { level: 1, name: 'Registrer avvik' }), 'the incident form');
    await look(staff, 'incidents-01-form');
    await fitsTheScreen(staff, 'the incident form');

    await staff.getByRole('radio', { name: 'Trusler eller vold' }).check();
    await staff.getByRole('radio', { name: 'Høy' }).check();
    await staff.getByRole('radio', { name: 'Fellesareal' }).check();
    await staff.getByLabel('Kort beskrivelse').fill(description);
    await staff.getByRole('button', { name: 'Registrer avvik' }).click();

    await see(staff.getByRole('heading', { level: 1, name: 'Avvik: Trusler eller vold' }), 'the recorded incident');
    await see(staff.getByText('Avviket er registrert.'), 'the confirmation');
    await see(staff.getByText(description), 'the description');
    await see(staff.getByText('Åpent', { exact: true }), 'the status');
    incidentPath = new URL(staff.url()).pathname;
    expect(incidentPath).toMatch(/^\/avvik\/[0-9a-f-]{36}$/);
    // Staff do not close incidents: the lead's follow-up forms are not there.
    expect(await staff.getByRole('button', { name: 'Lukk avviket' }).count()).toBe(0);
    await look(staff, 'incidents-02-recorded');
  });

  test('2. the incident is in the list, filtered by type', async () => {
    await staff.goto('/avvik');
    await see(staff.getByRole('heading', { level: 1, name: 'Avvik' }));
    await staff.getByLabel('Type').selectOption('threat_violence');
    await staff.getByRole('button', { name: 'Vis' }).click();
    const row = await see(staff.getByRole('row').filter({ has: staff.getByRole('link', { name: 'Trusler eller vold' }) }).first(), 'the incident in the list');
    expect(await row.innerText()).toContain('Høy');
    await look(staff, 'incidents-03-list');
  });

  test('3. the lead has it in the inbox at once (no names), opens it, follows it up and closes it', async () => {
    lead = await onPhone('leder');
    await lead.goto('/innboks');
    const message = await see(lead.getByText(/Avvik med høy alvorlighet registrert/).first(), 'the alert in the inbox');
    expect(await message.innerText()).not.toContain('truet');
    await lead.goto(incidentPath);
    await see(lead.getByRole('heading', { level: 1, name: 'Avvik: Trusler eller vold' }), 'the incident');

    await lead.getByLabel('Hvem følger opp').selectOption({ label: 'Lars Leder' });
    await lead.getByLabel('Frist', { exact: true }).fill('31.12.2030');
    await lead.getByRole('button', { name: 'Tildel' }).click();
    await see(lead.getByText('Under oppfølging', { exact: true }), 'the status under follow-up');

    await lead.getByLabel('Tiltak', { exact: true }).fill('Samtale med beboeren; vaktselskapet varslet om ekstra runde.');
    await lead.getByRole('button', { name: 'Legg til tiltak' }).click();
    await see(lead.getByText('Samtale med beboeren; vaktselskapet varslet om ekstra runde.'), 'the measure');

    await lead.getByLabel('Avslutning: hva ble resultatet?').fill('Fulgt opp med beboeren og NAV. Ingen nye hendelser.');
    await lead.getByRole('button', { name: 'Lukk avviket' }).click();
    const dialog = await see(lead.getByRole('dialog'), 'the confirmation');
    await look(lead, 'incidents-04-confirm-close');
    await dialog.getByRole('button', { name: 'Lukk avviket' }).click();
    await see(lead.getByText('Lukket', { exact: true }), 'the closed status');
    await see(lead.getByText('Fulgt opp med beboeren og NAV. Ingen nye hendelser.'), 'the closing note');
    expect(await lead.getByRole('button', { name: 'Lukk avviket' }).count()).toBe(0);
    await look(lead, 'incidents-05-closed');
    await fitsTheScreen(lead, 'the closed incident');
  });

  test('4. the ROS analysis: threshold 11 with its reason, and the hazards in the right cells before and after measures', async () => {
    await openFromMenu(lead, 'ROS-analyse', 'ROS-analyse');
    await see(lead.getByTestId('risk-rule').getByText('Tiltaksgrensen er 11. Risiko ≥ 11 krever tiltak.'), 'the threshold rule');
    await see(lead.getByText(/Fra 02\.05\.2014: 11 .*ikke mulig å finne tiltak som fikk alle faktorene ned under tiltaksgrensen på 9/i), 'the reason for 11');

    // The number each hazard has on the page, from its heading ("#2 Brann på hybel eller i fellesareal").
    const numberOf = async (title: string) => {
      const heading = await see(lead.getByRole('heading', { level: 3, name: new RegExp(`^#\\d+ ${title}$`) }), title);
      return (await heading.innerText()).split(' ')[0]!;
    };
    const cell = (matrix: string, p: number, c: number) => lead.locator(`#${matrix} td[data-probability="${p}"][data-consequence="${c}"]`);
    const fire = await numberOf('Brann på hybel eller i fellesareal');
    const violence = await numberOf('Vold eller trusler mot ansatt som er alene på jobb');
    const overdose = await numberOf('Akutt sykdom eller overdose på hybel');

    const before = lead.getByRole('table', { name: 'Risikomatrise før tiltak' });
    await see(before, 'the matrix before measures');
    expect(await cell('risk-matrix-before', 3, 5).innerText()).toContain(fire);
    expect(await cell('risk-matrix-before', 3, 5).innerText()).toContain('Risiko 15, krever tiltak');
    expect(await cell('risk-matrix-before', 3, 4).innerText()).toContain(violence);
    expect(await cell('risk-matrix-before', 2, 5).innerText()).toContain(overdose);
    expect(await cell('risk-matrix-before', 5, 5).innerText()).toBe('Risiko 25, krever tiltak');
    expect(await cell('risk-matrix-after', 2, 5).innerText()).toContain(fire);
    expect(await cell('risk-matrix-after', 2, 4).innerText()).toContain(violence);
    // Not assessed after measures: only in the matrix before.
    expect(await lead.locator('#risk-matrix-after').innerText()).not.toContain(overdose);
    // 3 × 3 = 9 is under Bodø's threshold: medium, not "krever tiltak".
    expect(await cell('risk-matrix-before', 3, 3).innerText()).toContain('Risiko 9, middels');

    // The fire alarm of the demo data shows beside the hazard it realised.
    const fireItem = lead.getByRole('listitem').filter({ has: lead.getByRole('heading', { name: new RegExp(`^${fire} Brann`) }) });
    await see(fireItem.getByRole('link', { name: /Brann eller brannalarm \(middels\)/ }), 'the realised incident');
    await see(fireItem.getByText('Før tiltak: 3 × 5 = 15 — 15 ≥ 11: krever tiltak'), 'the verdict before measures');
    await see(fireItem.getByText('Etter tiltak: 2 × 5 = 10 — 10 < 11: under tiltaksgrensen'), 'the verdict after measures');

    await lead.screenshot({ path: '/tmp/incidents-and-ros-page.png', fullPage: true });
    await lead.locator('#risk-matrix-before').screenshot({ path: '/tmp/incidents-and-ros-matrix-before.png' });
    await lead.locator('#risk-matrix-after').screenshot({ path: '/tmp/incidents-and-ros-matrix-after.png' });
    await look(lead, 'incidents-06-ros');
    await fitsTheScreen(lead, 'the ROS analysis');
  });

  test('5. staff report a key lost from the key register: an incident is recorded and the key is marked lost', async () => {
    const keyNumber = `E2E-${suffix.toUpperCase()}`;
    const api = await apiAs('ansatt');
    try {
      const board = (await (await api.get('/api/board')).json()) as { rooms: { id: string; name: string }[] };
      const room = board.rooms.find((r) => r.name === 'H2') ?? board.rooms[0]!;
      const res = await api.post(`/api/rooms/${room.id}/keys`, { data: { keyNumber, door: 'room' } });
      expect(res.status(), await res.text()).toBe(201);
    } finally {
      await api.dispose();
    }
    await openFromMenu(staff, 'Nøkler', 'Nøkkelregister');
    const row = await see(staff.getByRole('row').filter({ hasText: keyNumber }), 'the key in the register');
    expect(await row.innerText()).toContain('Ledig');
    await row.getByRole('button', { name: `Meld tapt: nøkkel ${keyNumber}` }).click();
    await see(staff.getByRole('heading', { level: 2, name: `Meld nøkkel ${keyNumber} tapt` }), 'the report form');
    await staff.getByLabel('Hva skjedde?').fill('Nøkkelen ble ikke funnet i nøkkelskapet ved vaktskiftet.');
    await look(staff, 'incidents-07-key-lost-form');
    await staff.getByRole('button', { name: 'Meld tapt', exact: true }).click();
    await (await see(staff.getByRole('dialog'), 'the confirmation')).getByRole('button', { name: 'Meld tapt' }).click();
    await see(staff.getByText(`Nøkkel ${keyNumber} er meldt tapt. Avviket er registrert.`), 'the confirmation message');
    await see(staff.getByRole('row').filter({ hasText: keyNumber }).getByText('Meldt tapt'), 'the key marked lost');
    await look(staff, 'incidents-08-key-register');
    await staff.getByRole('row').filter({ hasText: keyNumber }).getByRole('link', { name: 'Åpne avviket' }).click();
    await see(staff.getByRole('heading', { level: 1, name: 'Avvik: Annet' }), 'the incident of the lost key');
    await see(staff.getByText(keyNumber, { exact: true }), 'the key on the incident');
  });

  test('6. the condition of a room: each item with its condition and latest check; staff check the room', async () => {
    const api = await apiAs('ansatt');
    const board = await api.get('/api/board').then((r) => r.json() as Promise<{ rooms: { id: string; name: string }[] }>).finally(() => api.dispose());
    const roomId = (board.rooms.find((r) => r.name === 'H2') ?? board.rooms[0]!).id;
    await staff.goto(`/hybler/${roomId}`);
    await staff.getByRole('link', { name: 'Tilstand på hybelen' }).click();
    await see(staff.getByRole('heading', { level: 1, name: /^Tilstand: hybel / }), 'the room condition page');
    await see(staff.getByRole('row').filter({ hasText: 'Seng med madrass' }), 'an item of the inventory list');
    // Checked as it is (the conditions stay, so other journeys' check-ins see the room unchanged).
    await staff.getByRole('button', { name: 'Lagre kontrollen' }).click();
    await see(staff.getByText('Kontrollen er lagret.'), 'the saved check');
    await see(staff.getByRole('row').filter({ hasText: 'Seng med madrass' }).getByText(/\(kontroll\)/), 'the latest check on the item');
    await look(staff, 'incidents-09-room-condition');
    await fitsTheScreen(staff, 'the room condition page');
  });
});
