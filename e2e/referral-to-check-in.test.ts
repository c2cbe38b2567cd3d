import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { escape, fitsTheScreen, loggedIn as logInAs, look, menu, norwegian, today as osloToday } from './support/journey.ts';
import { downloadPdf } from './support/pdf.ts';
import { freeRoomWithInventory, type FreeRoom } from './support/rooms.ts';
import { doNotSee, see } from './support/wait.ts';
import { syntheticNationalId } from '../src/features/people/people.rules.ts';
import { latestEndDate, stayClock } from '../src/features/stays/stays.rules.ts';

// Issue 3, the way in: a NAV caseworker refers a household, the service lead screens it, decides to
// offer a room and records the acceptance, staff check the person in and make the housing and
// follow-up agreement, and the board, the fire list and the caseworker's own list all show it.
// The steps run in order and share the referral; each role has its own browser context.

const today = osloToday();

// A household no earlier run has made: random letters in the name, a random individual number in
// the synthetic fødselsnummer (a number seen before would link the referral to that earlier person).
const letters = 'bcdfghjklmnprstv';
const suffix = Array.from({ length: 5 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
const applicant = {
  givenName: 'Åse',
  familyName: `Ødegård-${suffix[0]!.toUpperCase()}${suffix.slice(1)}`,
  birthDateIso: '1986-03-14', // over 25: not the young-person exception
  nationalId: syntheticNationalId('1986-03-14', 100 + Math.floor(Math.random() * 800)),
};
const name = `${applicant.givenName} ${applicant.familyName}`;
const inventory = ['Seng', 'Skrivebord', 'Gardiner'];
const keyNumber = `R-${Math.floor(Math.random() * 90_000) + 10_000}`;
const frontDoorKey = `Y-${Math.floor(Math.random() * 90_000) + 10_000}`;

let browser: Browser;
let room: FreeRoom;
const contexts: BrowserContext[] = [];
let navPage: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  room = await freeRoomWithInventory('H3', inventory);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const loggedIn = (username: string) => logInAs(browser, contexts, username);

describe('from NAV referral to check-in', () => {
  test('1. the NAV caseworker (nav) refers a household with nowhere to sleep tonight and sees it as "Mottatt" in their list', async () => {
    navPage = await loggedIn('nav');
    const page = navPage;
    // The caseworker has no board: the start page sends them to their referrals.
    await see(page.getByRole('heading', { level: 1, name: 'Henvisninger' }), 'the referrals as the start page');
    await doNotSee(page.getByRole('heading', { name: 'Ingen tilgang' }), 'a refusal after login');
    await see(page.getByText('Henvisningene du har sendt, og hvor langt de har kommet.'));
    expect(await menu(page).getByRole('link', { name: 'Henvisninger' }).getAttribute('aria-current')).toBe('page');
    await look(page, 'e-01-nav-start-referrals');

    await page.getByRole('link', { name: 'Ny henvisning' }).click();
    await see(page.getByRole('heading', { level: 1, name: 'Ny henvisning' }));
    await look(page, 'e-02-nav-new-referral-empty');

    const applicantSection = page.getByRole('group', { name: 'Søker', exact: true });
    await applicantSection.getByLabel('Fornavn').fill(applicant.givenName);
    await applicantSection.getByLabel('Etternavn').fill(applicant.familyName);
    await applicantSection.getByLabel('Fødselsdato').fill(norwegian(applicant.birthDateIso));
    expect(await applicantSection.getByRole('radio', { name: 'Fødselsnummer', exact: true }).isChecked()).toBe(true);
    await applicantSection.getByLabel('Fødselsnummer eller D-nummer').fill(applicant.nationalId);

    await page.getByRole('radio', { name: 'Samlivsbrudd' }).check();
    await page.getByLabel('Hvor har husstanden bodd den siste tiden?').selectOption({ label: 'Hos venner eller familie' });
    await page.getByRole('checkbox', { name: /Har ikke sted å sove i natt/ }).check();
    await page.getByLabel('Behov (valgfritt)').fill('Trenger hjelp med å søke bolig og kontakt med fastlege.');
    await page.getByRole('group', { name: 'Har søker samtykket til at opplysninger deles med botilbudet?' }).getByRole('radio', { name: 'Ja' }).check();
    await page.getByLabel('Hva omfatter samtykket?').fill('Boligsituasjon og økonomi, med botilbudet og NAV, i tre måneder.');
    const caseworker = page.getByRole('group', { name: 'Kontaktperson i NAV' });
    expect(await caseworker.getByLabel('Navn', { exact: true }).inputValue()).toBe('Nina NAV-veileder');
    await caseworker.getByLabel('Telefon (valgfritt)').fill('75 55 50 00');
    await caseworker.getByLabel('NAV-kontor (valgfritt)').fill('NAV Bodø');
    await look(page, 'e-03-nav-new-referral-filled');

    await page.getByRole('button', { name: 'Send henvisning' }).click();
    await see(page.getByRole('heading', { level: 1, name }), 'the referral page');
    expect(new URL(page.url()).pathname).toMatch(/^\/henvisninger\/[0-9a-f-]{36}$/);
    await see(page.getByText('Henvisningen er sendt. Du kan følge statusen her.'));
    await see(page.getByRole('main').getByText('Mottatt', { exact: true }).first(), 'the status "Mottatt"');
    // The caseworker sees the status; the people's details stay with the service.
    await see(page.getByText('Du ser statusen for henvisningen. Opplysningene om personene er hos botilbudet.'));
    expect(await page.locator('body').innerText()).not.toContain(applicant.nationalId);
    await look(page, 'e-04-nav-referral-sent');

    await menu(page).getByRole('link', { name: 'Henvisninger' }).click();
    await see(page.getByRole('heading', { level: 1, name: 'Henvisninger' }));
    await see(page.getByText('Henvisningene du har sendt, og hvor langt de har kommet.'));
    const row = await see(page.getByRole('row', { name: new RegExp(escape(name)) }), 'the referral in the own list');
    expect(await row.innerText()).toMatch(/Mottatt/);
    expect(await row.innerText()).toMatch(/Uten sted å sove i natt/);
    await look(page, 'e-05-nav-referrals-received');
  });

  test('2. the service lead (leder) screens it as eligible, offers a room from today, downloads the decision letter and records the acceptance', async () => {
    const page = await loggedIn('leder');
    await see(page.getByRole('heading', { level: 1, name: 'Tavla' }), 'the board');
    await look(page, 'e-06-lead-board');

    await menu(page).getByRole('link', { name: 'Henvisninger' }).click();
    await see(page.getByRole('heading', { level: 1, name: 'Henvisninger' }));
    const row = await see(page.getByRole('row', { name: new RegExp(escape(name)) }), 'the referral in the list');
    expect(await row.innerText()).toMatch(/Mottatt/);
    expect(await row.innerText()).toMatch(/Nina NAV-veileder/);
    await look(page, 'e-07-lead-referrals');

    await row.getByRole('link', { name }).click();
    await see(page.getByRole('heading', { level: 1, name }), 'the referral page');
    await see(page.getByRole('heading', { name: `Søker: ${name}` }), 'the applicant');
    await see(page.getByText('Henvisningen er ikke kartlagt ennå.'));
    await look(page, 'e-08-lead-referral');

    const answer = (question: string, yes: boolean) =>
      page.getByRole('group', { name: question }).getByRole('radio', { name: yes ? 'Ja' : 'Nei', exact: true }).check();
    await answer('Er husstanden i målgruppen for botilbudet?', true);
    await answer('Kan alle i husstanden komme seg i sikkerhet på egen hånd ved brann eller annen fare?', true);
    await answer('Er noen eldre eller syke og ikke i stand til å komme seg ut selv?', false);
    await answer('Er noen i aktiv rusavhengighet?', false);
    await answer('Er noen nylig løslatt fra fengsel?', false);
    await answer('Er noen nylig utskrevet fra institusjon?', false);
    await see(page.getByText('Foreløpig resultat etter svarene:'), 'the live preview');
    await see(page.getByText('Kan tilbys plass').first());
    await look(page, 'e-09-lead-screening-preview');

    await page.getByRole('button', { name: 'Lagre kartlegging' }).click();
    await see(page.getByText('Kartleggingen er lagret. Henvisningen har status «kartlagt».'));
    const screening = await see(page.getByTestId('latest-screening'), 'the saved screening');
    await see(screening.getByText('Kan tilbys plass'));
    // The result, line by line: criterion, answer, assessment and why.
    const lines: [string, string, string][] = [
      ['Målgruppe', 'Ja', 'Husstanden er i målgruppen for botilbudet.'],
      ['Kan komme seg i sikkerhet selv', 'Ja', 'Alle kan komme seg i sikkerhet selv, slik brannsikkerheten krever.'],
      ['Eldre eller syk som ikke kan komme seg ut', 'Nei', 'Ingen er eldre eller syke på en måte som hindrer dem i å komme seg ut.'],
      ['Aktiv rusavhengighet', 'Nei', 'Ingen er i aktiv rusavhengighet.'],
      ['Barn i husstanden', 'Nei', 'Ingen barn under 18 år i husstanden.'],
      ['Ung person (under 25 år)', 'Nei', 'Alle voksne er 25 år eller eldre.'],
      ['Nylig løslatt fra fengsel', 'Nei', 'Ingen er nylig løslatt fra fengsel.'],
      ['Nylig utskrevet fra institusjon', 'Nei', 'Ingen er nylig utskrevet fra institusjon.'],
    ];
    const body = screening.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
    expect(await body.count(), 'one line per criterion').toBe(lines.length);
    for (const [criterion, said, why] of lines) {
      const line = await see(screening.getByRole('row', { name: new RegExp(`^${escape(criterion)}`) }), `the line "${criterion}"`);
      const cells = (await line.getByRole('cell').allInnerTexts()).map((c) => c.trim());
      expect(cells, `the line "${criterion}"`).toEqual([criterion, said, 'OK', why]);
    }
    await see(page.getByRole('main').getByText('Kartlagt', { exact: true }).first(), 'the status "Kartlagt"');
    await look(page, 'e-10-lead-screened');

    await page.getByRole('link', { name: 'Fatt vedtak' }).click();
    await see(page.getByRole('heading', { level: 1, name: `Vedtak for ${name}` }), 'the decision page');
    await see(page.getByText('Ingen vedtak ennå.'));
    await look(page, 'e-11-lead-decision-empty');

    expect(await page.getByRole('radio', { name: 'Tilbud om plass' }).isChecked()).toBe(true);
    const roomLabel = `${room.houseName} – ${room.name}`;
    await page.getByLabel('Hybel', { exact: true }).selectOption({ label: roomLabel });
    const plannedEnd = latestEndDate(today);
    expect(await page.getByLabel('Fra dato').inputValue()).toBe(norwegian(today));
    expect(await page.getByLabel('Planlagt slutt (utflyttingsdag)').inputValue()).toBe(norwegian(plannedEnd));
    await see(page.getByText(`Høyst tre måneder: senest ${norwegian(plannedEnd)}.`));
    const reasons = 'Søker har ikke sted å sove i natt etter et samlivsbrudd, er i målgruppen og kan komme seg i sikkerhet selv.';
    await page.getByLabel('Begrunnelse', { exact: true }).fill(reasons);
    await look(page, 'e-12-lead-decision-filled');

    await page.getByRole('button', { name: 'Lagre vedtak' }).click();
    await see(page.getByText('Vedtaket er lagret.'));
    const offer = await see(page.getByRole('region', { name: 'Åpent tilbud' }), 'the open offer');
    expect(await offer.innerText()).toContain(roomLabel);
    expect(await offer.innerText()).toContain(`${norwegian(today)}–${norwegian(plannedEnd)}`);
    const decision = await see(page.getByRole('article', { name: 'Tilbud om plass' }), 'the decision');
    expect(await decision.innerText()).toContain(reasons);
    await see(page.getByRole('main').getByText('Tilbudt plass', { exact: true }), 'the status "Tilbudt plass"');
    await look(page, 'e-13-lead-offer-open');

    const letter = await downloadPdf(decision.getByRole('link', { name: 'Last ned vedtaksbrev (PDF)' }), 'e-vedtaksbrev');
    expect(letter.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(letter.suggestedFilename).toMatch(/\.pdf$/);
    expect(letter.text).toContain('§ 27');
    expect(letter.text).toContain(name);
    expect(letter.text).toContain(room.name);
    expect(letter.text).toContain(norwegian(plannedEnd));
    expect(letter.text).toMatch(/tre uker/);

    // The person said yes on the phone; the service lead records it on their behalf.
    await offer.getByRole('button', { name: 'Takket ja', exact: true }).click();
    await see(page.getByText('Registrert at husstanden tar imot plassen.'));
    await doNotSee(page.getByRole('region', { name: 'Åpent tilbud' }), 'the open offer after the answer');
    expect(await decision.innerText()).toMatch(/Tilbud\s+Takket ja – registrert .* av Lars Leder/);
    await see(page.getByText('Henvisningen er avsluttet. Det kan ikke gjøres nye vedtak.'));
    await look(page, 'e-14-lead-offer-accepted');
  });

  test('3. staff (ansatt) check the person in from the board, make and sign the agreement, and see them on the board and the fire list', async () => {
    const page = await loggedIn('ansatt');
    await see(page.getByRole('heading', { level: 1, name: 'Tavla' }), 'the board');
    const arrivals = page.getByRole('region', { name: 'Ankomster' });
    const checkIn = await see(arrivals.getByRole('link', { name: `Sjekk inn ${name}` }), 'the arrival on the board');
    expect(await arrivals.innerText()).toContain(`Hybel ${room.name}`);
    await look(page, 'e-15-staff-board-arrival');

    await checkIn.click();
    await see(page.getByRole('heading', { level: 1, name: `Innflytting: ${name}` }), 'the check-in page');
    await see(page.getByText(`${room.name}, ${room.houseName}`));
    expect(await page.getByLabel('Innflyttingsdato').inputValue()).toBe(norwegian(today));
    await look(page, 'e-16-staff-check-in-empty');

    // Keys: the room has none registered, so the numbers on the two keys are written down now.
    await page.getByLabel('Nøkkelnummer (ny nøkkel 1)').fill(keyNumber);
    expect(await page.getByLabel('Dør (ny nøkkel 1)').inputValue()).toBe('room');
    await page.getByRole('button', { name: 'Registrer nytt nøkkelnummer' }).click();
    await page.getByLabel('Nøkkelnummer (ny nøkkel 2)').fill(frontDoorKey);
    await page.getByLabel('Dør (ny nøkkel 2)').selectOption({ label: 'Ytterdør' });

    // The inventory, item by item, together with the resident.
    for (const item of room.inventory) {
      await page.getByLabel(`Tilstand: ${item}`, { exact: true }).selectOption({ label: item === 'Gardiner' ? 'Slitt' : 'God' });
    }
    await page.getByLabel('Merknad: Gardiner (valgfritt)').fill('Liten flekk nederst');

    await see(page.getByRole('heading', { name: /^Husordensregler \(versjon \d+\)$/ }), 'the house rules');
    await page.getByRole('checkbox', { name: /^Beboeren har lest og godtatt husordensreglene \(versjon \d+\)$/ }).check();
    await look(page, 'e-17-staff-check-in-filled');

    await page.getByRole('button', { name: 'Sjekk inn', exact: true }).click();
    await see(page.getByRole('heading', { name: `${name} er sjekket inn i ${room.name}.` }), 'the confirmation');
    // "Nøkler utlevert": both keys, in whatever order the server lists them.
    const handedOut = await (await see(page.getByRole('definition').filter({ hasText: keyNumber }), 'the keys handed out')).innerText();
    expect(handedOut).toContain(`Nøkkel ${keyNumber} (hybeldør)`);
    expect(handedOut).toContain(`Nøkkel ${frontDoorKey} (ytterdør)`);
    await look(page, 'e-18-staff-checked-in');

    await page.getByRole('link', { name: 'Neste: bo- og oppfølgingsavtale' }).click();
    await see(page.getByRole('heading', { level: 1, name: 'Bo- og oppfølgingsavtale' }), 'the agreement page');
    expect(new URL(page.url()).pathname).toMatch(/^\/opphold\/[0-9a-f-]{36}\/avtale$/);
    await see(page.getByText('Dette er ikke en husleiekontrakt.', { exact: false }).first());
    await see(page.getByText('Det er ikke laget noen avtale for dette oppholdet ennå.'));
    await look(page, 'e-19-staff-agreement-none');

    await page.getByRole('button', { name: 'Lag avtale fra malen' }).click();
    await see(page.getByText(/^Avtalen er laget \(versjon 1\)/), 'the confirmation');
    await see(page.getByRole('heading', { level: 2, name: 'Versjon 1' }));
    await see(page.getByText('Ikke signert').first());
    await look(page, 'e-20-staff-agreement-created');

    const agreement = await downloadPdf(page.getByRole('link', { name: 'Last ned for signering (PDF)' }), 'e-bo-og-oppfolgingsavtale');
    expect(agreement.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(agreement.suggestedFilename).toMatch(/\.pdf$/);
    expect(agreement.text).toContain('ikke en husleiekontrakt');
    expect(agreement.text).toContain(name);
    expect(agreement.text).toContain(room.name);

    await page.getByRole('button', { name: 'Registrer signert dato' }).click();
    await see(page.getByRole('heading', { level: 2, name: 'Registrer signert dato' }), 'the signing form');
    expect(await page.getByRole('textbox', { name: 'Signert dato' }).inputValue()).toBe(norwegian(today));
    await look(page, 'e-21-staff-agreement-sign');
    await page.getByRole('button', { name: 'Registrer signert dato' }).click();
    await see(page.getByText(`Versjon 1 er registrert som signert ${norwegian(today)}.`));
    await see(page.getByText(`Signert ${norwegian(today)}`, { exact: true }).first());
    await look(page, 'e-22-staff-agreement-signed');

    await menu(page).getByRole('link', { name: 'Tavla' }).click();
    await see(page.getByRole('heading', { level: 1, name: 'Tavla' }), 'the board');
    const card = await see(page.getByRole('article', { name: room.name, exact: true }), `room ${room.name} on the board`);
    await see(card.getByText(name), 'the resident in the room');
    // Nights so far and nights left to the three-month limit, in words (not colour alone).
    const clock = stayClock(today, today);
    await see(card.getByText(`${clock.nightsSoFar} netter · ${clock.nightsLeft} igjen`, { exact: true }), 'the three-month clock');
    await see(card.getByText(`Innflyttet ${norwegian(today)} · Senest ${norwegian(clock.latestEndOn)}`));
    await see(card.getByText(`Planlagt slutt ${norwegian(latestEndDate(today))}`));
    await doNotSee(page.getByRole('link', { name: `Sjekk inn ${name}` }), 'the arrival after check-in');
    await look(page, 'e-23-staff-board-resident');

    // The board on a phone, once.
    await page.setViewportSize({ width: 390, height: 844 });
    await see(card.getByText(`${clock.nightsSoFar} netter · ${clock.nightsLeft} igjen`, { exact: true }));
    await fitsTheScreen(page, 'the board');
    await look(page, 'e-24-staff-board-phone');
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByRole('main').getByRole('link', { name: 'Brannliste' }).click();
    await see(page.getByRole('heading', { level: 1, name: 'Brannliste' }), 'the fire list');
    const resident = await see(page.getByRole('row', { name: new RegExp(`^${escape(room.name)}\\s+${escape(name)}`) }), 'the resident on the fire list');
    expect((await resident.getByRole('cell').allInnerTexts()).map((c) => c.trim())).toEqual([room.name, name, '–']);
    await look(page, 'e-25-staff-fire-list');
  });

  test('4. the NAV caseworker\'s list now shows the referral as "Flyttet inn"', async () => {
    // The caseworker's tab has stayed open on their list since step 1; later they look again.
    const page = navPage;
    await page.reload();
    await see(page.getByRole('heading', { level: 1, name: 'Henvisninger' }));
    const row = await see(page.getByRole('row', { name: new RegExp(escape(name)) }), 'the referral in the own list');
    expect(await row.innerText()).toMatch(/Flyttet inn/);
    await look(page, 'e-26-nav-referrals-checked-in');

    await row.getByRole('link', { name }).click();
    await see(page.getByRole('heading', { level: 1, name }), 'the referral page');
    const history = (await page.getByRole('list').filter({ hasText: 'Flyttet inn' }).first().innerText()).replace(/\s+/g, ' ');
    for (const status of ['Mottatt', 'Kartlagt', 'Tilbudt plass', 'Takket ja', 'Flyttet inn']) expect(history).toContain(status);
    await look(page, 'e-27-nav-referral-checked-in');
  });
});
