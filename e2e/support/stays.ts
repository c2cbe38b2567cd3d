import type { APIRequestContext, APIResponse } from 'playwright-core';
import { apiAs } from './api.ts';
import type { FreeRoom } from './rooms.ts';
import { syntheticNationalId } from '../../src/features/people/people.rules.ts';
import { latestEndDate } from '../../src/features/stays/stays.rules.ts';

// The way in (issue 3) through the public API, for journeys that start with somebody living in the
// house: e2e/referral-to-check-in.test.ts drives these same steps through the pages.

export interface CheckedInResident {
  personId: string;
  stayId: string;
  referralId: string;
  givenName: string;
  familyName: string;
  name: string;
  /** The key numbers handed out at check-in (the room door and the front door). */
  keyNumbers: string[];
  startOn: string;
  plannedEndOn: string;
}

async function ok<T>(res: APIResponse, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what} failed: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

async function as<T>(username: string, work: (api: APIRequestContext) => Promise<T>): Promise<T> {
  const api = await apiAs(username);
  try {
    return await work(api);
  } finally {
    await api.dispose();
  }
}

/**
 * NAV (nav) refers a household of one, the service lead (leder) screens it as eligible, offers the
 * room from today to the three-month limit and records the acceptance, and staff (ansatt) check the
 * person in with two new keys, every inventory item in good condition and the current house rules.
 */
export async function checkInThroughApi(room: FreeRoom, givenName: string, familyName: string, birthDateIso: string): Promise<CheckedInResident> {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  const nationalId = syntheticNationalId(birthDateIso, 100 + Math.floor(Math.random() * 800));
  const referral = await as('nav', (api) =>
    api
      .post('/api/referrals', {
        data: {
          applicant: { givenName, familyName, birthDate: birthDateIso, idType: 'fnr', nationalId },
          situation: 'evicted',
          previousStay: 'friends_family',
          nowhereToSleepTonight: true,
          needs: 'Trenger hjelp med å finne egen leiebolig.',
          consentToShare: true,
          consentScope: 'Boligsituasjon og økonomi, med botilbudet og NAV.',
          navOffice: 'NAV Bodø',
        },
      })
      .then((res) => ok<{ id: string }>(res, 'the referral')),
  );

  const plannedEndOn = latestEndDate(today);
  const offerId = await as('leder', async (api) => {
    await ok(
      await api.post(`/api/referrals/${referral.id}/screenings`, {
        data: {
          answers: {
            inTargetGroup: true,
            canSelfEvacuate: true,
            elderlyOrSickUnable: false,
            activeSubstanceDependence: false,
            justReleasedFromPrison: false,
            justDischargedFromInstitution: false,
          },
        },
      }),
      'the screening',
    );
    const decision = await ok<{ offer: { id: string } | null }>(
      await api.post(`/api/referrals/${referral.id}/decisions`, {
        data: { outcome: 'offer', reasons: 'Utkastet og uten sted å bo; i målgruppen.', roomId: room.id, fromDate: today, plannedEndDate: plannedEndOn },
      }),
      'the decision',
    );
    if (!decision.offer) throw new Error('the decision made no offer');
    await ok(await api.post(`/api/offers/${decision.offer.id}/accept`), 'accepting the offer');
    return decision.offer.id;
  });

  const keyNumbers = [`R-${Math.floor(Math.random() * 90_000) + 10_000}`, `Y-${Math.floor(Math.random() * 90_000) + 10_000}`];
  const stay = await as('ansatt', async (api) => {
    const prep = await ok<{ inventory: { id: string }[]; houseRules: { id: string } | null }>(await api.get(`/api/offers/${offerId}/check-in`), 'the check-in form');
    if (!prep.houseRules) throw new Error('no current house rules to accept at check-in');
    return ok<{ id: string; personId: string; startOn: string }>(
      await api.post(`/api/offers/${offerId}/check-in`, {
        data: {
          newKeys: [
            { keyNumber: keyNumbers[0], door: 'room' },
            { keyNumber: keyNumbers[1], door: 'front_door' },
          ],
          inventory: prep.inventory.map((i) => ({ itemId: i.id, condition: 'good' })),
          houseRulesVersionId: prep.houseRules.id,
          houseRulesAccepted: true,
        },
      }),
      'the check-in',
    );
  });

  return {
    personId: stay.personId,
    stayId: stay.id,
    referralId: referral.id,
    givenName,
    familyName,
    name: `${givenName} ${familyName}`,
    keyNumbers,
    startOn: stay.startOn,
    plannedEndOn,
  };
}
