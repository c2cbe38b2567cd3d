import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { loggedIn, look, menu, norwegian, today as osloToday } from './support/journey.ts';
import { freeRoomWithInventory, type FreeRoom } from './support/rooms.ts';
import { checkInThroughApi, type CheckedInResident } from './support/stays.ts';
import { downloadPdf } from './support/pdf.ts';
import { doNotSee, see } from './support/wait.ts';

// Issue 5, the resident's payment: somebody lives in the house (checked in today through the API).
// The service lead sets a reduced arrangement (100 kr a night, assessed by NAV); staff produce this
// month's statement (tonight's night counts) and read the PDF; staff try a negative payment (refused,
// nothing registered), then register 60 kr; the balance says 40 kr is owed, and /betaling lists the
// resident to follow up.

const today = osloToday();
const month = today.slice(0, 7);
const monthName = new Date(`${month}-01T12:00:00Z`).toLocaleDateString('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const letters = 'bcdfghjklmnprstv';
const suffix = Array.from({ length: 5 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
const givenName = 'Torunn';
const familyName = `Betalsen-${suffix[0]!.toUpperCase()}${suffix.slice(1)}`;
const name = `${givenName} ${familyName}`;
const flat = (s: string) => s.replace(/\s+/g, ' ');

let browser: Browser;
let room: FreeRoom;
let resident: CheckedInResident;
const contexts: BrowserContext[] = [];
let lead: Page;
let staff: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  room = await freeRoomWithInventory('H6', ['Seng', 'Stol']);
  resident = await checkInThroughApi(room, givenName, familyName, '1986-04-17');
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const payments = (page: Page) => page.getByRole('region', { name: 'Egenbetaling', exact: true });

describe('the resident pays', () => {
  test('1. the service lead sets a reduced arrangement on the resident’s page', async () => {
    lead = await loggedIn(browser, contexts, 'leder');
    await lead.goto(`/personer/${resident.personId}`);
    await see(lead.getByRole('heading', { level: 1, name }), "the resident's page");
    const section = await see(payments(lead), 'the payment section');
    await see(section.getByText('Full pris (ingen ordning registrert)'), 'full price before any arrangement');

    await section.getByRole('button', { name: 'Endre betalingsordning' }).click();
    await see(section.getByRole('heading', { name: 'Ny betalingsordning' }), 'the arrangement form');
    await section.getByLabel('Ordning', { exact: true }).selectOption('reduced');
    expect(await section.getByLabel('Gjelder fra').inputValue()).toBe(norwegian(today));
    await section.getByLabel('Beløp beboeren kan betale').fill('100');
    await section.getByLabel('Per', { exact: true }).selectOption('night');
    await section.getByLabel('Vurdert av').fill('Nina NAV-veileder');
    await section.getByLabel('Begrunnelse').fill('Lav inntekt og gjeld; vurdert sammen med NAV.');
    await look(lead, 'p-01-lead-arrangement-form');
    await section.getByRole('button', { name: 'Lagre betalingsordning' }).click();
    await see(section.getByText('Betalingsordningen er lagret.'), 'the confirmation');
    expect(flat(await section.getByTestId('current-arrangement').innerText())).toBe(`Redusert: 100 kr per natt (fra ${norwegian(today)})`);
    await see(section.getByText(/vurdert av Nina NAV-veileder/), 'the arrangement history');
  });

  test('2. staff produce this month’s statement and read the PDF', async () => {
    staff = await loggedIn(browser, contexts, 'ansatt');
    await staff.goto(`/personer/${resident.personId}`);
    const section = await see(payments(staff), 'the payment section');
    await section.getByLabel('Måned', { exact: true }).selectOption(month);
    await section.getByRole('button', { name: 'Lag oppgjør' }).click();
    await see(section.getByText(`Oppgjøret for ${monthName} er laget.`), 'the statement produced');
    const pdf = await downloadPdf(section.getByRole('link', { name: `Last ned oppgjør for ${monthName}` }), 'p-statement');
    expect(pdf.suggestedFilename).toBe(`oppgjor-egenbetaling-${month}.pdf`);
    expect(pdf.text).toContain('Oppgjør for egenbetaling');
    expect(pdf.text).toContain(`${name} · ${monthName}`);
    expect(pdf.text).toContain('Redusert til 100 kr per natt');
    expect(pdf.text).toContain('Å betale for måneden: 100 kr.');
  });

  test('3. a negative payment is refused; 60 kr is registered and the balance shows 40 kr owed', async () => {
    const section = payments(staff);
    await section.getByRole('button', { name: 'Registrer innbetaling' }).click();
    await see(section.getByRole('heading', { name: 'Registrer innbetaling' }), 'the payment form');
    await section.getByLabel('Beløp', { exact: true }).fill('-50');
    await section.getByRole('button', { name: 'Registrer', exact: true }).click();
    await see(section.getByText('Beløpet må være større enn 0 kr.').first(), 'the refusal of a negative amount');
    await see(section.getByText('Ingen innbetalinger registrert.'), 'nothing registered');

    await section.getByLabel('Beløp', { exact: true }).fill('60');
    await section.getByLabel('Referanse').fill('KID 4242');
    await section.getByRole('button', { name: 'Registrer', exact: true }).click();
    await see(section.getByText('Innbetaling på 60 kr er registrert.'), 'the payment confirmation');
    expect(flat(await section.getByTestId('balance').innerText())).toBe(`Skylder 40 kr siden ${monthName} · krevd 100 kr, betalt 60 kr`);
    await see(section.getByRole('cell', { name: 'KID 4242' }), 'the payment in the list');
    await look(staff, 'p-02-staff-person-payments');
  });

  test('4. the payments page lists the resident to follow up', async () => {
    await menu(staff).getByRole('link', { name: 'Egenbetaling' }).click();
    await see(staff.getByRole('heading', { level: 1, name: 'Egenbetaling' }), 'the payments page');
    const followUp = staff.getByRole('region', { name: 'Følg opp: restanse' });
    const row = await see(followUp.getByRole('row').filter({ hasText: name }), 'the resident in the follow-up list');
    expect(flat(await row.innerText())).toContain(`100 kr 60 kr 40 kr ${monthName}`);
    await look(staff, 'p-03-staff-payments-page');
    await staff.screenshot({ path: '/tmp/payments-e2e-betaling.png', fullPage: true });
  });

  test('5. the steering group reads the economics: the chart has words, the figures are in a table, no entry forms', async () => {
    const steering = await loggedIn(browser, contexts, 'styre');
    await menu(steering).getByRole('link', { name: 'Økonomi' }).click();
    await see(steering.getByRole('heading', { level: 1, name: 'Økonomi' }), 'the economics page');
    const chart = await see(steering.getByRole('img', { name: 'Utgifter til midlertidig bolig utenfor huset per år' }), 'the chart');
    expect(flat((await chart.getAttribute('aria-labelledby')) ?? '')).toBe('spend-chart-title spend-chart-desc');
    const row2013 = await see(steering.getByRole('row').filter({ has: steering.getByRole('rowheader', { name: '2013' }) }), 'the 2013 row');
    expect(flat(await row2013.innerText())).toContain('5 399 000 kr 92');
    await doNotSee(steering.getByRole('heading', { name: 'Registrer tall' }), 'the entry forms');
    await look(steering, 'p-04-steering-economics');
    await steering.screenshot({ path: '/tmp/payments-e2e-okonomi.png', fullPage: true });
  });
});
