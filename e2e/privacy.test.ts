import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { apiAs, registerPerson } from './support/api.ts';
import { fitsTheScreen, loggedIn, look, menu } from './support/journey.ts';
import { downloadPdf } from './support/pdf.ts';
import { doNotSee, see } from './support/wait.ts';

// Issue 8, access by need: Per Tidligere (demo data) moved out eleven months ago, so his record is
// closed to ordinary staff. A staff member opens it → sees why it is closed → breaks the glass with a
// reason → sees the record and prints the access log for him; the service lead finds the opening on
// the review list and marks it reviewed.

const reason = 'Per ringte i dag og ba om hjelp med en ny søknad om startlån.';

let browser: Browser;
let personId: string;
const contexts: BrowserContext[] = [];
let staff: Page;
let lead: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const api = await apiAs('leder');
  try {
    const res = await api.post('/api/people/search', { data: { query: 'Per Tidligere' } });
    if (!res.ok()) throw new Error(`search failed: HTTP ${res.status()} ${await res.text()}`);
    const [found] = (await res.json()) as { id: string }[];
    if (!found) throw new Error('the demo former resident Per Tidligere is missing');
    personId = found.id;
  } finally {
    await api.dispose();
  }
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('a former resident’s closed record, opened by breaking the glass', () => {
  test('staff see that the record is closed, and why', async () => {
    staff = await loggedIn(browser, contexts, 'ansatt');
    await staff.goto(`/personer/${personId}`);
    await see(staff.getByRole('heading', { level: 1, name: 'Journalen er lukket' }), 'the closed-record page');
    await see(staff.getByText(/tjenstlig behov/), 'the reason it is closed');
    await doNotSee(staff.getByText('Rønvik'), 'the journal of the closed record');
    await look(staff, 'privacy-closed-record');
  });

  test('on the board his bag past its keep-until day is a closed row: his name, not what or where', async () => {
    await staff.goto('/');
    const after = await see(staff.getByRole('region', { name: 'Etter utflytting' }), 'the after-move-out section of the board');
    const row = await see(after.getByRole('listitem').filter({ hasText: 'Per Tidligere' }), 'his row');
    await see(row.getByText('Lukket journal'), 'the closed-record tag');
    expect(await row.innerText()).not.toContain('gitar');
    expect(await row.innerText()).not.toContain('Boden i kjelleren');
    await look(staff, 'privacy-closed-row-on-board');
    await staff.goto(`/personer/${personId}`);
    await see(staff.getByRole('heading', { level: 1, name: 'Journalen er lukket' }), 'the closed-record page again');
  });

  test('breaking the glass asks for a reason, then shows the record', async () => {
    await staff.getByRole('button', { name: 'Åpne journalen (bryt glasset)' }).click();
    const dialog = await see(staff.getByRole('dialog', { name: 'Åpne lukket journal' }), 'the break-the-glass dialog');
    await dialog.getByRole('button', { name: 'Åpne journalen', exact: true }).click();
    await see(dialog.getByRole('link', { name: /Begrunnelse/ }), 'the missing reason in the error summary');
    await look(staff, 'privacy-break-glass-dialog');
    await dialog.getByLabel('Begrunnelse').fill(reason);
    await dialog.getByRole('button', { name: 'Åpne journalen', exact: true }).click();
    await see(staff.getByRole('heading', { level: 1, name: 'Per Tidligere' }), "the opened record's page");
    await see(staff.getByText(/leilighet i Rønvik/), 'the journal entry');
    await look(staff, 'privacy-opened-record');
  });

  test('with the glass broken, the board shows his bag in full to this staff member', async () => {
    await staff.goto('/');
    const after = await see(staff.getByRole('region', { name: 'Etter utflytting' }), 'the after-move-out section of the board');
    const row = await see(after.getByRole('listitem').filter({ hasText: 'Per Tidligere' }), 'his row');
    await see(row.getByText('To flyttesekker med klær og en gitar'), 'what is stored');
    expect(await row.getByText('Lukket journal').count()).toBe(0);
    await staff.goto(`/personer/${personId}`);
    await see(staff.getByRole('heading', { level: 1, name: 'Per Tidligere' }), "the opened record's page");
  });

  test('the access log PDF lists the opening with its purpose and the role, not the name', async () => {
    const rights = staff.getByRole('region', { name: 'Personens rettigheter' });
    const pdf = await downloadPdf(rights.getByRole('link', { name: 'Skriv ut tilgangslogg (PDF)' }), 'privacy-access-log');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.text).toContain('Tilgangslogg');
    expect(pdf.text).toContain('For Per Tidligere');
    expect(pdf.text).toContain('Lukket journal åpnet Åpnet lukket journal (bryt glasset) Prosjektmedarbeider');
    expect(pdf.text).toContain('Lest Oppfølging');
    expect(pdf.text).not.toContain('Siri Ansatt');
    expect(pdf.text).not.toContain('startlån'); // the reason stays in the grant, not in the log
  });

  test('the service lead sees the opening on the review list and marks it reviewed', async () => {
    lead = await loggedIn(browser, contexts, 'leder');
    await menu(lead).getByRole('link', { name: 'Åpnede journaler' }).click();
    await see(lead.getByRole('heading', { level: 1, name: 'Åpninger av lukkede journaler' }), 'the review page');
    const row = await see(lead.getByRole('row').filter({ hasText: 'Per Tidligere' }), 'the opening on the list');
    expect(await row.innerText()).toContain('Siri Ansatt');
    expect(await row.innerText()).toContain(reason);
    await look(lead, 'privacy-review-list');
    await row.getByRole('button', { name: 'Marker som gjennomgått' }).click();
    const confirm = await see(lead.getByRole('dialog', { name: 'Marker åpningen som gjennomgått?' }), 'the confirmation');
    await confirm.getByRole('button', { name: 'Marker som gjennomgått' }).click();
    await see(lead.getByText('Ingen åpninger venter på gjennomgang.'), 'the empty review list');
    await lead.getByLabel('Vis også gjennomgåtte').check();
    await see(lead.getByRole('row').filter({ hasText: 'Per Tidligere' }).getByText(/Gjennomgått .* av Lars Leder/), 'the reviewed opening');
  });
});

// Deletion on request (GDPR art. 17): the service lead deletes a person who never stayed, from the
// person's rights section, after a confirmation that says what goes and what stays; for a former
// resident the law's refusal is shown and nothing is deleted. Staff do not get the button.
describe('deletion on request from the person page', () => {
  let leadPage: Page;
  let staffPage: Page;
  let applicant: Awaited<ReturnType<typeof registerPerson>>;
  let formerResidentId: string;

  beforeAll(async () => {
    applicant = await registerPerson('Sletta', 'Forespørsel', '1990-04-17', 431);
    const api = await apiAs('leder');
    try {
      const [found] = (await (await api.post('/api/people/search', { data: { query: 'Aleksander Nowak' } })).json()) as { id: string }[];
      if (!found) throw new Error('the demo former resident Aleksander Nowak is missing');
      formerResidentId = found.id;
    } finally {
      await api.dispose();
    }
  });

  test('staff see the rights section without a delete button', async () => {
    staffPage = await loggedIn(browser, contexts, 'ansatt');
    await staffPage.goto(`/personer/${applicant.id}`);
    const rights = await see(staffPage.getByRole('region', { name: 'Personens rettigheter' }), 'the rights section');
    await see(rights.getByRole('link', { name: 'Skriv ut tilgangslogg (PDF)' }), 'the access-log link');
    expect(await rights.getByRole('button', { name: /Slett personen/ }).count()).toBe(0);
  });

  test('the lead is told why a former resident cannot be deleted, and nothing is deleted', async () => {
    leadPage = await loggedIn(browser, contexts, 'leder');
    await leadPage.goto(`/personer/${formerResidentId}`);
    const rights = await see(leadPage.getByRole('region', { name: 'Personens rettigheter' }), 'the rights section');
    await rights.getByRole('button', { name: 'Slett personen …' }).click();
    const dialog = await see(leadPage.getByRole('dialog', { name: 'Slette Aleksander Nowak for godt?' }), 'the confirmation');
    await dialog.getByRole('textbox', { name: 'Begrunnelse' }).fill('Ba om sletting på telefon.');
    await dialog.getByRole('button', { name: 'Slett for godt' }).click();
    const refusal = await see(rights.getByRole('alert').filter({ hasText: 'Personen kan ikke slettes' }), 'the refusal');
    expect(await refusal.innerText()).toContain('Personen har bodd i botilbudet');
    expect(await refusal.innerText()).toContain('anonymiseres når oppbevaringstiden er ute');
    await see(leadPage.getByRole('heading', { level: 1, name: 'Aleksander Nowak' }), 'the record, still there');
    await look(leadPage, 'privacy-erasure-refused');
  });

  test('the lead deletes an applicant who never stayed, after a confirmation saying what goes and what stays', async () => {
    await leadPage.goto(`/personer/${applicant.id}`);
    const rights = await see(leadPage.getByRole('region', { name: 'Personens rettigheter' }), 'the rights section');
    await rights.getByRole('button', { name: 'Slett personen …' }).click();
    const dialog = await see(leadPage.getByRole('dialog', { name: 'Slette Sletta Forespørsel for godt?' }), 'the confirmation');
    const text = await dialog.innerText();
    expect(text).toContain('Dette slettes og kan ikke hentes tilbake');
    expect(text).toContain('journal');
    expect(text).toContain('Dette beholdes');
    expect(text).toContain('Tilgangsloggen');
    expect(text).toContain('arkiverte månedsrapporter beholder tallene sine');
    // The reason is required, and the dialog says so before anything is deleted.
    await dialog.getByRole('button', { name: 'Slett for godt' }).click();
    await see(dialog.getByRole('link', { name: /Begrunnelse/ }), 'the missing reason in the error summary');
    await look(leadPage, 'privacy-erasure-dialog');
    await leadPage.setViewportSize({ width: 390, height: 844 });
    await fitsTheScreen(leadPage, 'the erasure dialog');
    await look(leadPage, 'privacy-erasure-dialog-phone');
    await leadPage.setViewportSize({ width: 1280, height: 720 });

    await dialog.getByRole('textbox', { name: 'Begrunnelse' }).fill('Ba om sletting i brev datert 20.11.2026.');
    await dialog.getByRole('button', { name: 'Slett for godt' }).click();
    await see(leadPage.getByText('Sletta Forespørsel er slettet.', { exact: false }), 'the message that it is done');
    expect(new URL(leadPage.url()).pathname).toBe('/personer');
    await look(leadPage, 'privacy-erasure-done');

    // Searching for the person finds nothing, and the record is gone.
    await leadPage.getByRole('textbox', { name: /Søk etter navn/ }).fill('Sletta Forespørsel');
    await leadPage.getByRole('button', { name: 'Søk', exact: true }).click();
    await see(leadPage.getByText('Ingen treff.'), 'no search result');
    await leadPage.goto(`/personer/${applicant.id}`);
    await see(leadPage.getByText('Fant ikke personen', { exact: false }), 'the record not found');
  });
});
