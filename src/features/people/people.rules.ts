import { idnr } from '@navikt/fnrvalidator';
import type { MessageKey } from '../../platform/i18n/catalogue.ts';

export type NationalIdCheck =
  | { ok: true; type: 'fnr' | 'dnr'; synthetic: boolean }
  | { ok: false; reason: MessageKey };

/**
 * Checks a fødselsnummer or D-number, including the 2032 rules (four possible first check digits),
 * through NAV's own validator. Synthetic test numbers (month + 80, "Tenor") are recognised so that
 * they can be refused in production. H-numbers are for health services only and are not accepted.
 * Never derive sex or age from the number: new numbers from 2032 carry neither.
 */
export function checkNationalId(raw: string): NationalIdCheck {
  const digits = raw.replace(/[\s.-]/g, '');
  if (!/^\d{11}$/.test(digits)) return { ok: false, reason: 'validation.nationalId.length' };
  const result = idnr(digits);
  if (result.status === 'invalid') {
    return {
      ok: false,
      reason: result.reasons.includes("checksums don't match") ? 'validation.nationalId.checksum' : 'validation.nationalId.date',
    };
  }
  switch (result.type) {
    case 'fnr':
      return { ok: true, type: 'fnr', synthetic: false };
    case 'tnr':
      return { ok: true, type: 'fnr', synthetic: true };
    case 'dnr':
      return { ok: true, type: 'dnr', synthetic: false };
    case 'dnr-and-tnr':
      return { ok: true, type: 'dnr', synthetic: true };
    default:
      return { ok: false, reason: 'validation.nationalId.hNumber' };
  }
}

export function normaliseNationalId(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

/** Shows the first six digits only: enough to tell people apart on a list, not enough to misuse. */
export function maskNationalId(nationalId: string | null): string | null {
  return nationalId ? `${nationalId.slice(0, 6)} *****` : null;
}

/** Whole years between a birth date and a day (both ISO dates). */
export function ageOn(birthDateIso: string, onIso: string): number {
  const [by, bm, bd] = birthDateIso.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onIso.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Builds a valid synthetic test number (month + 80) for a birth date and a three-digit individual
 * number, for demo data and tests. Real people's numbers are never used.
 */
export function syntheticNationalId(birthDateIso: string, individual: number, dNumber = false): string {
  const [y, m, d] = birthDateIso.split('-').map(Number) as [number, number, number];
  for (let ind = individual; ind < individual + 50; ind++) {
    const base = [
      (dNumber ? d + 40 : d).toString().padStart(2, '0'),
      (m + 80).toString().padStart(2, '0'),
      (y % 100).toString().padStart(2, '0'),
      (ind % 1000).toString().padStart(3, '0'),
    ].join('');
    const n = base.split('').map(Number);
    const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let k1 = 11 - (w1.reduce((s, w, i) => s + w * n[i]!, 0) % 11);
    if (k1 === 11) k1 = 0;
    if (k1 === 10) continue;
    let k2 = 11 - ([...n, k1].reduce((s, v, i) => s + w2[i]! * v, 0) % 11);
    if (k2 === 11) k2 = 0;
    if (k2 === 10) continue;
    return `${base}${k1}${k2}`;
  }
  throw new Error('no valid synthetic number found');
}
