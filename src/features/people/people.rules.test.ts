import { describe, expect, it } from 'vitest';
import { ageOn, checkNationalId, maskNationalId, syntheticNationalId } from './people.rules.ts';

describe('checkNationalId', () => {
  it('accepts a synthetic fødselsnummer and marks it synthetic', () => {
    expect(checkNationalId(syntheticNationalId('1990-01-15', 123))).toEqual({ ok: true, type: 'fnr', synthetic: true });
  });

  it('accepts a synthetic D-number as a D-number', () => {
    expect(checkNationalId(syntheticNationalId('1985-06-01', 10, true))).toEqual({ ok: true, type: 'dnr', synthetic: true });
  });

  it('ignores spaces a caseworker types', () => {
    const id = syntheticNationalId('2001-12-31', 456);
    expect(checkNationalId(`${id.slice(0, 6)} ${id.slice(6)}`).ok).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    const id = syntheticNationalId('1990-01-15', 123);
    const wrong = id.slice(0, 10) + String((Number(id[10]) + 1) % 10);
    expect(checkNationalId(wrong)).toEqual({ ok: false, reason: 'validation.nationalId.checksum' });
  });

  it('refuses anything that is not 11 digits', () => {
    expect(checkNationalId('1234567890')).toEqual({ ok: false, reason: 'validation.nationalId.length' });
    expect(checkNationalId('1234567890a')).toEqual({ ok: false, reason: 'validation.nationalId.length' });
  });

  it('refuses an impossible date (31 February) even with valid check digits', () => {
    const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let found: string | undefined;
    for (let ind = 100; ind < 999 && !found; ind++) {
      const base = `318290${ind}`.split('').map(Number); // 31.02.90, synthetic month (02 + 80)
      const k1 = (11 - (w1.reduce((s, w, i) => s + w * base[i]!, 0) % 11)) % 11;
      const k2 = (11 - ([...base, k1].reduce((s, v, i) => s + w2[i]! * v, 0) % 11)) % 11;
      if (k1 !== 10 && k2 !== 10) found = `${base.join('')}${k1}${k2}`;
    }
    expect(checkNationalId(found!)).toEqual({ ok: false, reason: 'validation.nationalId.date' });
  });

  it('accepts a number whose first check digit uses the 2032 rule (remainder 1 instead of 0)', () => {
    // From 2032 the first check digit may be computed with remainders 0–3; find one that needs remainder 1.
    const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let found: string | undefined;
    for (let ind = 100; ind < 999 && !found; ind++) {
      const base = `1581${90}${String(ind).padStart(3, '0')}`.split('').map(Number);
      const sum = w1.reduce((s, w, i) => s + w * base[i]!, 0);
      const k1Old = (11 - (sum % 11)) % 11;
      const k1New = (12 - (sum % 11)) % 11; // remainder 1
      if (k1New === 10 || k1New === k1Old) continue;
      const k2 = (11 - ([...base, k1New].reduce((s, v, i) => s + w2[i]! * v, 0) % 11)) % 11;
      if (k2 === 10) continue;
      found = `${base.join('')}${k1New}${k2}`;
    }
    expect(found).toBeDefined();
    expect(checkNationalId(found!)).toMatchObject({ ok: true, type: 'fnr' });
  });
});

describe('maskNationalId', () => {
  it('shows the first six digits only', () => {
    expect(maskNationalId('15819012382')).toBe('158190 *****');
    expect(maskNationalId(null)).toBeNull();
  });
});

describe('ageOn', () => {
  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOn('2008-11-26', '2026-11-25')).toBe(17);
    expect(ageOn('2008-11-26', '2026-11-26')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
});
