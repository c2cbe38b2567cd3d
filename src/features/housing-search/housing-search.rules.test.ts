import { describe, expect, it } from 'vitest';
import {
  canChangeApplicationStatus,
  fitsNeeds,
  isFinalApplicationStatus,
  kronerText,
  needsMismatches,
  nextApplicationStatuses,
  osloInstant,
  parseKroner,
  applicationStatusOrder,
  type ListingForFit,
  type NeedsForFit,
} from './housing-search.rules.ts';
import { formatMoney } from '../../platform/ui/format.ts';
import { applicationStatus, helpApplicationKind, helpApplicationStatus, listingInput, listingSource } from './housing-search.schema.ts';
import { applicationStatuses, helpApplicationKinds, helpApplicationStatuses, listingSources } from './housing-search.tables.ts';

describe('parseKroner', () => {
  it.each([
    ['8 500', 850_000],
    ['8\u00a0500', 850_000],
    ['8\u202f500', 850_000],
    ['8500', 850_000],
    ['8500,50', 850_050],
    ['8500,5', 850_050],
    ['8500.50', 850_050],
    ['8.500', 850_000],
    ['1.250.000,75', 125_000_075],
    ['8 500 kr', 850_000],
    ['kr 8 500', 850_000],
    ['8 500,-', 850_000],
    ['  12 000  ', 1_200_000],
    ['0', 0],
    ['0,01', 1],
  ])('reads %j as %i øre', (text, ore) => {
    expect(parseKroner(text)).toEqual({ ok: true, ore });
  });

  it.each([['-500'], ['−500'], ['- 8 500'], ['-0,50']])('refuses the negative amount %j', (text) => {
    expect(parseKroner(text)).toEqual({ ok: false, reason: 'negative' });
  });

  it.each([[''], ['abc'], ['8 500,505'], ['8,5,0'], ['8500 NOK'], ['1e6'], ['8..500'], ['12,']])('refuses %j as not an amount', (text) => {
    expect(parseKroner(text)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses absurd amounts above the ceiling, and accepts the ceiling itself', () => {
    expect(parseKroner('99999999999999')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseKroner('99999999999999999999999')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseKroner('100 001', 100_000)).toEqual({ ok: false, reason: 'too_large' });
    expect(parseKroner('100 000', 100_000)).toEqual({ ok: true, ore: 10_000_000 });
    expect(parseKroner('100 000,01', 100_000)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('writes øre back as kroner a person would type, and formatMoney shows them with no-break spaces', () => {
    expect(kronerText(850_000)).toBe('8\u00a0500');
    expect(kronerText(850_050)).toBe('8\u00a0500,50');
    expect(kronerText(0)).toBe('0');
    expect(parseKroner(kronerText(123_456_78))).toEqual({ ok: true, ore: 123_456_78 });
    expect(formatMoney(850_000)).toBe('8\u00a0500\u00a0kr');
  });
});

const listing = (overrides: Partial<ListingForFit> = {}): ListingForFit => ({
  isActive: true,
  rentOre: 850_000,
  rooms: 2,
  furnished: false,
  availableFromOn: '2026-12-01',
  ...overrides,
});
const needs = (overrides: Partial<NeedsForFit> = {}): NeedsForFit => ({ maxRentOre: 900_000, minRooms: null, needsFurnished: false, ...overrides });

describe('fitsNeeds', () => {
  it.each<[string, Partial<ListingForFit>, Partial<NeedsForFit>, string | undefined, boolean]>([
    ['rent below the budget', {}, {}, undefined, true],
    ['rent exactly the budget', { rentOre: 900_000 }, {}, undefined, true],
    ['rent one øre above the budget', { rentOre: 900_001 }, {}, undefined, false],
    ['enough rooms', { rooms: 2 }, { minRooms: 2 }, undefined, true],
    ['more rooms than asked', { rooms: 3 }, { minRooms: 2 }, undefined, true],
    ['too few rooms', { rooms: 1 }, { minRooms: 2 }, undefined, false],
    ['rooms not stated, two asked for', { rooms: null }, { minRooms: 2 }, undefined, false],
    ['rooms not stated, one asked for', { rooms: null }, { minRooms: 1 }, undefined, true],
    ['rooms not stated, none asked for', { rooms: null }, {}, undefined, true],
    ['furnished needed and furnished', { furnished: true }, { needsFurnished: true }, undefined, true],
    ['furnished needed, not furnished', { furnished: false }, { needsFurnished: true }, undefined, false],
    ['furnished needed, not stated', { furnished: null }, { needsFurnished: true }, undefined, false],
    ['furnished not needed but furnished', { furnished: true }, { needsFurnished: false }, undefined, true],
    ['furnished need not stated', { furnished: false }, { needsFurnished: null }, undefined, true],
    ['inactive listing', { isActive: false }, {}, undefined, false],
    ['available before the date', { availableFromOn: '2026-12-01' }, {}, '2027-01-15', true],
    ['available on the date', { availableFromOn: '2027-01-15' }, {}, '2027-01-15', true],
    ['available only after the date', { availableFromOn: '2027-01-16' }, {}, '2027-01-15', false],
    ['availability not stated', { availableFromOn: null }, {}, '2027-01-15', true],
    ['no budget recorded', {}, { maxRentOre: null }, undefined, false],
    ['free of charge fits any budget', { rentOre: 0 }, { maxRentOre: 0 }, undefined, true],
  ])('%s', (_name, l, n, by, expected) => {
    expect(fitsNeeds(listing(l), needs(n), by)).toBe(expected);
  });

  it('nothing fits someone with no needs recorded', () => {
    expect(fitsNeeds(listing(), null)).toBe(false);
    expect(needsMismatches(listing(), null)).toEqual(['no_budget']);
  });

  it('names every reason a listing does not fit', () => {
    expect(
      needsMismatches(
        listing({ isActive: false, rentOre: 1_200_000, rooms: 1, furnished: null, availableFromOn: '2027-03-01' }),
        needs({ minRooms: 2, needsFurnished: true }),
        '2027-02-01',
      ),
    ).toEqual(['inactive', 'not_available_in_time', 'too_expensive', 'too_few_rooms', 'not_furnished']);
    expect(needsMismatches(listing(), needs())).toEqual([]);
  });
});

describe('application status transitions', () => {
  it.each<[string, string, boolean]>([
    ['sent', 'viewing_booked', true],
    ['sent', 'viewed', true],
    ['sent', 'offered', true],
    ['sent', 'signed', false],
    ['sent', 'refused', true],
    ['sent', 'withdrawn', true],
    ['viewing_booked', 'viewed', true],
    ['viewing_booked', 'sent', false],
    ['viewing_booked', 'signed', false],
    ['viewed', 'viewing_booked', true],
    ['viewed', 'offered', true],
    ['viewed', 'signed', false],
    ['offered', 'signed', true],
    ['offered', 'refused', true],
    ['offered', 'withdrawn', true],
    ['offered', 'viewed', false],
    ['signed', 'withdrawn', false],
    ['signed', 'refused', false],
    ['refused', 'sent', false],
    ['refused', 'offered', false],
    ['withdrawn', 'sent', false],
    ['sent', 'sent', false],
  ])('%s → %s: %s', (from, to, allowed) => {
    expect(canChangeApplicationStatus(from as never, to as never)).toBe(allowed);
  });

  it('signed, refused and withdrawn are final; the others have a way forward', () => {
    expect(applicationStatusOrder.filter(isFinalApplicationStatus)).toEqual(['signed', 'refused', 'withdrawn']);
    expect(nextApplicationStatuses('offered')).toEqual(['signed', 'refused', 'withdrawn']);
  });
});

describe('osloInstant', () => {
  it('reads a wall-clock time in Oslo in winter (UTC+1) and summer (UTC+2)', () => {
    expect(osloInstant('2026-12-15', '14:30').toISOString()).toBe('2026-12-15T13:30:00.000Z');
    expect(osloInstant('2027-06-15', '09:05').toISOString()).toBe('2027-06-15T07:05:00.000Z');
    expect(osloInstant('2027-03-28', '12:00').toISOString()).toBe('2027-03-28T10:00:00.000Z');
    expect(osloInstant('2026-10-25', '00:30').toISOString()).toBe('2026-10-24T22:30:00.000Z');
  });
});

describe('the shared schema', () => {
  it('keeps the same lists as the tables', () => {
    expect(listingSource.options).toEqual([...listingSources]);
    expect(applicationStatus.options).toEqual([...applicationStatuses]);
    expect(helpApplicationKind.options).toEqual([...helpApplicationKinds]);
    expect(helpApplicationStatus.options).toEqual([...helpApplicationStatuses]);
  });

  it('parses kroner to øre and refuses a link that is not http(s)', () => {
    const ok = listingInput.parse({ source: 'finn', url: 'https://www.finn.no/realestate/lettings/ad.html?finnkode=1', address: 'Storgata 1', rent: '8 500', deposit: '25 500', rooms: '2', sizeM2: '45' });
    expect(ok).toMatchObject({ rent: 850_000, deposit: 2_550_000, rooms: 2, sizeM2: 45, isActive: true });
    const bad = listingInput.safeParse({ source: 'finn', url: 'javascript:alert(1)', address: 'Storgata 1', rent: '-8 500', deposit: '9999999', rooms: '2,5' });
    expect(Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({
      url: 'housingSearch.validation.url',
      rent: 'housingSearch.validation.moneyNegative',
      deposit: 'housingSearch.validation.moneyTooLarge',
      rooms: 'housingSearch.validation.wholeNumber',
    });
    expect(listingInput.safeParse({ source: 'finn', url: 'ftp://example.no/x', address: 'A', rent: '1' }).success).toBe(false);
    expect(listingInput.safeParse({ source: 'finn', url: '', address: 'A', rent: '1' }).data?.url).toBeUndefined();
  });
});
