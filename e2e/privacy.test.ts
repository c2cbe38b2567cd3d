import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { apiAs } from './support/api.ts';
import { loggedIn, look, menu } from './support/journey.ts';
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
