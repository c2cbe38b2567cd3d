import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { escape, fitsTheScreen, loggedIn, look, menu, norwegian, today as osloToday } from './support/journey.ts';
import { freeRoomWithInventory, type FreeRoom } from './support/rooms.ts';
import { checkInThroughApi, type CheckedInResident } from './support/stays.ts';
import { doNotSee, see } from './support/wait.ts';
import { addDays, latestEndDate, stayClock } from '../src/features/stays/stays.rules.ts';
import { addMonths } from '../src/features/aftercare/aftercare.rules.ts';

// Issue 4, the way out: a resident lives in the house (checked in through the API: the way in is
// e2e/referral-to-check-in.test.ts). Their page shows the three-month clock and the story so far;
// staff write in the journal, register a listing, an application from it and a viewing; the service
// lead extends the stay; staff record the move-out to a private rental; the room goes to cleaning;
// the follow-ups after 1, 3 and 6 months are planned and the aftercare agreement shows in Ettervern.

const today = osloToday();
const letters = 'bcdfghjklmnprstv';
const suffix = Array.from({ length: 5 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
const givenName = 'Sølvi';
const familyName = `Håkonsen-${suffix[0]!.toUpperCase()}${suffix.slice(1)}`;
const name = `${givenName} ${familyName}`;
const address = `Storgata ${10 + Math.floor(Math.random() * 80)} ${suffix.toUpperCase()}, 8006 Bodø`;
const plannedEnd = latestEndDate(today);
const extendedTo = addDays(plannedEnd, 21);
const extensionReason = 'Har fått tilbud om leilighet fra 1. i måneden etter; trenger tre uker til depositumsgarantien er på plass.';
const journalText = 'Samtale om boligsøk: Sølvi har sett på to annonser og vil søke på leiligheten i Storgata.';
const viewingOn = addDays(today, 2);

let browser: Browser;
let room: FreeRoom;
let resident: CheckedInResident;
const contexts: BrowserContext[] = [];
let staff: Page;
let lead: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  room = await freeRoomWithInventory('H5', ['Seng', 'Skrivebord', 'Gardiner']);
  resident = await checkInThroughApi(room, givenName, familyName, '1979-09-02');
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const personPath = () => `/personer/${resident.personId}`;
const section = (page: Page, heading: string) => page.getByRole('region', { name: heading, exact: true });

/** Opens the resident's page afresh and finds the line in "Historikk". */
async function inTheTimeline(page: Page, line: string, what: string) {
  await page.goto(personPath());
  await see(page.getByRole('heading', { level: 1, name }), "the resident's page");
  await see(section(page, 'Historikk').getByTestId('person-timeline').getByText(line, { exact: true }), what);
}

async function openPersonFromBoard(page: Page) {
  await menu(page).getByRole('link', { name: 'Tavla' }).click();
  await see(page.getByRole('heading', { level: 1, name: 'Tavla' }), 'the board');
  const card = await see(page.getByRole('article', { name: room.name, exact: true }), `room ${room.name} on the board`);
  await card.getByRole('link', { name, exact: true }).click();
  await see(page.getByRole('heading', { level: 1, name }), "the resident's page");
  expect(new URL(page.url()).pathname).toBe(personPath());
}

describe('the stay and moving on', () => {
  test("1. staff (ansatt) open the resident's page from the board: the three-month clock and the story so far", async () => {
    staff = await loggedIn(browser, contexts, 'ansatt');
    await see(staff.getByRole('heading', { level: 1, name: 'Tavla' }), 'the board');
    await openPersonFromBoard(staff);

    const stay = await see(section(staff, 'Opphold og tremånedersfrist'), 'the stay and its clock');
    const clock = stayClock(resident.startOn, today);
    await see(stay.getByText(`${clock.nightsSoFar} netter · ${clock.nightsLeft} igjen`, { exact: true }), 'nights so far and nights left');
    const facts = (await stay.innerText()).replace(/\s+/g, ' ');
    expect(facts).toContain(room.name);
    expect(facts).toContain(`Innflyttet ${norwegian(resident.startOn)}`);
    expect(facts).toContain(`Senest ${norwegian(clock.latestEndOn)}`);
    expect(facts).toContain(`Planlagt slutt ${norwegian(plannedEnd)}`);
    await see(stay.getByText('Ingen forlengelser.'));
    // Staff see the clock, but the extension is the service lead's decision.
    await doNotSee(stay.getByRole('button', { name: 'Forleng opphold' }), 'the extension button for staff');

    const story = await see(section(staff, 'Historikk'), 'the timeline');
    const events = story.getByTestId('person-timeline');
    await see(events.getByText('Henvisning mottatt fra NAV'), 'the referral in the timeline');
    await see(events.getByText(/^Vedtak: tilbud om plass/), 'the decision in the timeline');
    await see(events.getByText(new RegExp(`^Flyttet inn på .*${escape(room.name)}`)), 'the check-in in the timeline');
    await look(staff, 'm-01-staff-person-clock');

    // The resident's page on a phone, once.
    await staff.setViewportSize({ width: 390, height: 844 });
    await see(stay.getByText(`${clock.nightsSoFar} netter · ${clock.nightsLeft} igjen`, { exact: true }));
    await fitsTheScreen(staff, "the resident's page");
    await look(staff, 'm-02-staff-person-phone');
    await staff.setViewportSize({ width: 1280, height: 720 });
  });

  test('2. staff write a journal entry after a conversation', async () => {
    const journal = section(staff, 'Journal');
    await see(journal.getByText('Ingen notater ennå.'), 'the empty journal');
    await journal.getByRole('button', { name: 'Nytt notat' }).click();
    await see(journal.getByRole('heading', { name: 'Nytt notat' }), 'the journal form');
    expect(await journal.getByLabel('Dato', { exact: true }).inputValue()).toBe(norwegian(today));
    await journal.getByRole('radio', { name: 'Samtale', exact: true }).check();
    await journal.getByLabel('Til stede (valgfritt)').fill(`${givenName} og miljøterapeut`);
    await journal.getByLabel('Tekst', { exact: true }).fill(journalText);
    await look(staff, 'm-03-staff-journal-form');

    await journal.getByRole('button', { name: 'Lagre notat' }).click();
    await see(journal.getByText('Notatet er lagret.'), 'the confirmation');
    const entry = await see(journal.getByRole('listitem').filter({ hasText: journalText }), 'the entry in the journal');
    const text = (await entry.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Samtale');
    expect(text).toContain(`Til stede: ${givenName} og miljøterapeut`);
    expect(text).toMatch(/Skrevet av .+, \d{2}\.\d{2}\.\d{4}/);
    await look(staff, 'm-04-staff-journal-saved');
    // The timeline is read when the page opens: coming back to the page, the entry is in the story.
    await inTheTimeline(staff, 'Journal: samtale', 'the entry in the timeline (date and type only)');
  });

  test('3. staff register a listing in Boligsøk, an application from it for the resident, and a viewing', async () => {
    await menu(staff).getByRole('link', { name: 'Boligsøk' }).click();
    await see(staff.getByRole('heading', { level: 1, name: 'Boligsøk' }), 'the housing search');
    await look(staff, 'm-05-staff-housing-search');

    await staff.getByRole('link', { name: 'Registrer annonse' }).click();
    await see(staff.getByRole('heading', { level: 1, name: 'Registrer annonse' }), 'the listing form');
    await staff.getByLabel('Lenke til annonsen').fill(`https://www.finn.no/realestate/lettings/ad.html?finnkode=${Math.floor(Math.random() * 9e8) + 1e8}`);
    await staff.getByLabel('Kilde').selectOption({ label: 'Finn.no' });
    await staff.getByLabel('Adresse').fill(address);
    await staff.getByLabel('Husleie per måned').fill('8 500');
    await staff.getByLabel('Depositum').fill('25 500');
    await staff.getByLabel('Størrelse (m²)').fill('38');
    await staff.getByLabel('Antall rom').fill('2');
    await staff.getByLabel('Møblert').selectOption({ label: 'Ja' });
    await staff.getByLabel('Ledig fra').fill(norwegian(addDays(plannedEnd, 14)));
    await staff.getByLabel('Kontakt hos utleier').fill('Per Utleier, 900 00 000');
    await look(staff, 'm-06-staff-listing-form');

    await staff.getByRole('button', { name: 'Registrer annonsen' }).click();
    await see(staff.getByRole('heading', { level: 1, name: address }), 'the listing page');
    expect(new URL(staff.url()).pathname).toMatch(/^\/boligsok\/annonser\/[0-9a-f-]{36}$/);
    const listing = (await staff.getByRole('main').innerText()).replace(/\s+/g, ' ');
    expect(listing).toContain('8 500 kr');
    expect(listing).toContain('Finn.no');
    await look(staff, 'm-07-staff-listing');

    await staff.goto(personPath());
    await see(staff.getByRole('heading', { level: 1, name }), "the resident's page");
    const search = section(staff, 'Boligsøk');
    await search.getByRole('button', { name: 'Ny søknad', exact: true }).click();
    const form = await see(search.getByRole('form', { name: 'Ny søknad' }), 'the application form');
    const fromListing = form.getByLabel('Annonse', { exact: true });
    const option = fromListing.locator('option', { hasText: address });
    await option.waitFor({ state: 'attached' }); // the active listings load with the form
    expect((await option.innerText()).replace(/\s+/g, ' ')).toBe(`${address} (8 500 kr)`);
    await fromListing.selectOption({ value: (await option.getAttribute('value'))! });
    expect(await form.getByLabel('Sendt dato').inputValue()).toBe(norwegian(today));
    await form.getByLabel('Notater').fill('Søknad sendt på e-post med referanse fra botilbudet.');
    await look(staff, 'm-08-staff-application-form');
    await form.getByRole('button', { name: 'Registrer søknad' }).click();
    await see(search.getByText('Søknaden er registrert som sendt.'), 'the confirmation');
    const application = await see(search.getByRole('listitem').filter({ has: staff.getByRole('heading', { name: address }) }), 'the application');
    await see(application.getByText('Sendt', { exact: true }), 'the status "Sendt"');
    expect(await application.innerText()).toContain(`sendt ${norwegian(today)}`);

    await application.getByRole('button', { name: 'Registrer visning' }).click();
    const viewing = await see(application.getByRole('form', { name: 'Registrer visning' }), 'the viewing form');
    await viewing.getByLabel('Dato for visning').fill(norwegian(viewingOn));
    await viewing.getByLabel('Klokkeslett').fill('17:30');
    await viewing.getByRole('checkbox', { name: 'En ansatt blir med på visningen' }).check();
    await look(staff, 'm-09-staff-viewing-form');
    await viewing.getByRole('button', { name: 'Registrer visning' }).click();
    await see(search.getByText('Visningen er registrert.'), 'the confirmation');
    const booked = await see(search.getByRole('listitem').filter({ has: staff.getByRole('heading', { name: address }) }));
    await see(booked.getByText(`Visning ${norwegian(viewingOn)} kl. 17:30 – ansatt blir med`), 'the viewing on the application');
    await look(staff, 'm-10-staff-viewing-booked');
    await inTheTimeline(staff, 'Søkte på en bolig', 'the application in the timeline');
  });

  test('4. the service lead (leder) extends the stay with a new end date and a reason', async () => {
    lead = await loggedIn(browser, contexts, 'leder');
    await openPersonFromBoard(lead);
    const stay = await see(section(lead, 'Opphold og tremånedersfrist'), 'the stay and its clock');
    await stay.getByRole('button', { name: 'Forleng opphold' }).click();
    const dialog = await see(lead.getByRole('dialog', { name: new RegExp(`^Forleng opphold – .*${escape(room.name)}`) }), 'the extension dialog');
    expect((await dialog.innerText()).replace(/\s+/g, ' ')).toContain(`Planlagt slutt nå ${norwegian(plannedEnd)}`);
    await dialog.getByLabel('Ny planlagt slutt').fill(norwegian(extendedTo));
    // Past the three-month limit: the dialog says the reason documents the exception.
    await see(dialog.getByText('Datoen er etter tremånedersfristen: begrunnelsen er unntakets dokumentasjon.'));
    await dialog.getByLabel('Begrunnelse').fill(extensionReason);
    await look(lead, 'm-11-lead-extension-dialog');

    await dialog.getByRole('button', { name: 'Lagre forlengelse' }).click();
    await doNotSee(lead.getByRole('dialog'), 'the dialog after saving');
    await see(stay.getByText(`Oppholdet er forlenget til ${norwegian(extendedTo)}.`), 'the confirmation');
    await expect
      .poll(async () => (await stay.innerText()).replace(/\s+/g, ' '), { timeout: 15_000, message: 'the new planned end in the stay facts' })
      .toContain(`Planlagt slutt ${norwegian(extendedTo)}`);
    const line = await see(stay.getByRole('listitem').filter({ hasText: extensionReason }), 'the extension with its reason');
    const lineText = (await line.innerText()).replace(/\s+/g, ' ');
    expect(lineText).toContain(`${norwegian(plannedEnd)} → ${norwegian(extendedTo)}: ${extensionReason}`);
    expect(lineText).toMatch(/Vedtatt \d{2}\.\d{2}\.\d{4} kl\. \d{2}:\d{2} av Lars Leder/);
    await look(lead, 'm-12-lead-extended');
    await inTheTimeline(lead, `Oppholdet forlenget til ${norwegian(extendedTo)}`, 'the extension in the timeline');

    // The board shows the extension on the resident's card.
    await menu(lead).getByRole('link', { name: 'Tavla' }).click();
    const card = await see(lead.getByRole('article', { name: room.name, exact: true }), `room ${room.name} on the board`);
    await see(card.getByText(`Forlenget til ${norwegian(extendedTo)}`), 'the extension on the board');
    await see(card.getByText(`Planlagt slutt ${norwegian(extendedTo)}`));
    await look(lead, 'm-13-lead-board-extended');
  });

  test('5. staff move the resident out to a private rental: keys returned, inventory checked, confirmed', async () => {
    await menu(staff).getByRole('link', { name: 'Tavla' }).click();
    await see(staff.getByRole('heading', { level: 1, name: 'Tavla' }), 'the board');
    const card = await see(staff.getByRole('article', { name: room.name, exact: true }), `room ${room.name} on the board`);
    await card.getByRole('link', { name: `Registrer utflytting: ${name}` }).click();
    await see(staff.getByRole('heading', { level: 1, name: `Utflytting: ${name}` }), 'the move-out page');
    expect(new URL(staff.url()).pathname).toBe(`/utflytting/${resident.stayId}`);
    expect((await staff.getByRole('main').innerText()).replace(/\s+/g, ' ')).toContain(`${room.name}, ${room.houseName}`);
    await look(staff, 'm-14-staff-move-out-empty');

    expect(await staff.getByLabel('Utflyttingsdato').inputValue()).toBe(norwegian(today));
    await staff.getByLabel('Flyttet til', { exact: true }).selectOption({ label: 'Privat leiebolig' });
    await staff.getByRole('group', { name: /^Var utflyttingen planlagt\?/ }).getByRole('radio', { name: 'Ja', exact: true }).check();
    // Both keys came back (checked by default; made sure here).
    for (const [number, door] of [
      [resident.keyNumbers[0]!, 'hybeldør'],
      [resident.keyNumbers[1]!, 'ytterdør'],
    ] as const) {
      const key = staff.getByRole('checkbox', { name: `Nøkkel ${number} (${door}) er levert` });
      await key.check();
      expect(await key.isChecked()).toBe(true);
    }
    await doNotSee(staff.getByText(/^Ikke levert:/), 'a warning about keys not returned');
    // The room is gone through with the inventory list, item by item.
    expect(await staff.getByRole('checkbox', { name: 'Hybelen er gått gjennom med inventarlisten' }).isChecked()).toBe(true);
    for (const item of room.inventory) {
      await staff.getByLabel(`Tilstand: ${item}`, { exact: true }).selectOption({ label: item === 'Gardiner' ? 'Slitt' : 'God' });
    }
    await staff.getByLabel('Merknad: Gardiner').fill('Som ved innflytting');
    await staff.getByLabel('Møbler skaffet').fill('Etableringstilskudd fra NAV');
    await look(staff, 'm-15-staff-move-out-filled');

    await staff.getByRole('button', { name: 'Registrer utflytting', exact: true }).click();
    // The shared ConfirmDialog has no accessible name (no aria-labelledby), so it is found by its heading.
    const confirm = await see(staff.getByRole('dialog').filter({ has: staff.getByRole('heading', { name: `Registrere utflytting for ${name}?` }) }), 'the confirmation dialog');
    expect((await confirm.innerText()).replace(/\s+/g, ' ')).toContain(`Oppholdet avsluttes ${norwegian(today)}, og hybel ${room.name} settes til vask. Nøkler som ikke er levert: 0.`);
    await look(staff, 'm-16-staff-move-out-confirm');
    await confirm.getByRole('button', { name: 'Ja, registrer utflyttingen' }).click();

    await see(staff.getByText(`Utflyttingen for ${name} er registrert.`), 'the confirmation');
    await see(staff.getByText('Hybelen er satt til vask. Sett den klar på Hybler-siden når den er vasket.'));
    const summary = (await (await see(staff.getByRole('region', { name: 'Registrert utflytting' }), 'the summary')).innerText()).replace(/\s+/g, ' ');
    expect(summary).toContain(`Utflyttingsdato ${norwegian(today)}`);
    expect(summary).toContain('Flyttet til Privat leiebolig (Permanent bolig)');
    expect(summary).toContain('Var utflyttingen planlagt? Ja');
    expect(summary).toContain('Nøkler Alle levert');
    expect(summary).toContain('Hybelen gått gjennom Ja');
    await look(staff, 'm-17-staff-moved-out');
  });

  test('6. the room goes to cleaning on the rooms page and the board', async () => {
    await staff.getByRole('link', { name: 'Til hyblene' }).click();
    await see(staff.getByRole('heading', { level: 1, name: 'Hybler' }), 'the rooms page');
    const card = await see(staff.getByRole('article', { name: room.name, exact: true }), `room ${room.name}`);
    await see(card.getByText('Rengjøres', { exact: true }), 'the state "Rengjøres"');
    await look(staff, 'm-18-staff-rooms-cleaning');

    await menu(staff).getByRole('link', { name: 'Tavla' }).click();
    await see(staff.getByRole('heading', { level: 1, name: 'Tavla' }), 'the board');
    const onBoard = await see(staff.getByRole('article', { name: room.name, exact: true }), `room ${room.name} on the board`);
    await see(onBoard.getByText('Rengjøres', { exact: true }), 'the state "Rengjøres" on the board');
    await doNotSee(onBoard.getByText(name), 'the resident in the room after the move-out');
    await look(staff, 'm-19-staff-board-cleaning');
  });

  test('7. the follow-ups after 1, 3 and 6 months are planned, and the aftercare agreement shows in Ettervern', async () => {
    await staff.goto(personPath());
    await see(staff.getByRole('heading', { level: 1, name }), "the resident's page");
    await see(section(staff, 'Opphold og tremånedersfrist').getByText('Bor ikke i huset nå.'), 'no current stay');

    const aftercare = await see(section(staff, 'Ettervern'), 'the aftercare section');
    expect((await aftercare.innerText()).replace(/\s+/g, ' ')).toContain(`Siste utflytting ${norwegian(today)}`);
    const followUps = aftercare.getByRole('listitem');
    for (const [months, label] of [
      [1, '1 måned etter utflytting'],
      [3, '3 måneder etter utflytting'],
      [6, '6 måneder etter utflytting'],
    ] as const) {
      const item = await see(followUps.filter({ hasText: label }), `the follow-up after ${months} month(s)`);
      const text = (await item.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Planlagt');
      expect(text).toContain(norwegian(addMonths(today, months)));
    }

    const story = section(staff, 'Historikk');
    await see(story.getByText(/^Flyttet ut til privat leiebolig/i), 'the move-out in the timeline');
    await see(story.getByText('Oppfølging etter 1 mnd. (har bolig fortsatt?)'), 'the planned follow-up in the timeline');

    await aftercare.getByRole('button', { name: 'Lag ettervernsavtale' }).click();
    const form = await see(aftercare.getByRole('form', { name: 'Ny ettervernsavtale' }), 'the aftercare agreement form');
    expect(await form.getByLabel('Fra', { exact: true }).inputValue()).toBe(norwegian(today));
    expect(await form.getByLabel('Til', { exact: true }).inputValue()).toBe(norwegian(addMonths(today, 6)));
    await form.getByLabel('Hvor ofte skal dere ha kontakt?').fill('Hver uke første måned, deretter annenhver uke');
    await look(staff, 'm-20-staff-aftercare-agreement-form');
    await form.getByRole('button', { name: 'Lagre', exact: true }).click();
    await see(aftercare.getByText('Ettervernsavtalen er lagret.'), 'the confirmation');
    // The confirmation shows before the section has fetched the saved agreement again: wait for it.
    await expect
      .poll(async () => (await aftercare.innerText()).replace(/\s+/g, ' '), { timeout: 10_000 })
      .toContain(`${norwegian(today)}–${norwegian(addMonths(today, 6))} · Hver uke første måned, deretter annenhver uke`);
    await look(staff, 'm-21-staff-person-aftercare');

    await menu(staff).getByRole('link', { name: 'Ettervern' }).click();
    await see(staff.getByRole('heading', { level: 1, name: 'Ettervern' }), 'the aftercare page');
    const agreements = await see(staff.getByRole('region', { name: 'Ettervernsavtaler' }), 'the aftercare agreements');
    const row = await see(agreements.getByRole('row', { name: new RegExp(escape(name)) }), 'the resident among the aftercare agreements');
    const agreed = (await row.innerText()).replace(/\s+/g, ' ');
    expect(agreed).toContain(`${norwegian(today)}–${norwegian(addMonths(today, 6))}`);
    expect(agreed).toContain('Siri Ansatt'); // the contact person: the one who made the agreement, unless another is chosen
    await look(staff, 'm-22-staff-aftercare');
  });
});
