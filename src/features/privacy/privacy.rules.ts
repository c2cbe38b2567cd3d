// Pure rules of access by need and retention. Days are ISO yyyy-mm-dd in Europe/Oslo.

import { osloDate } from '../../platform/time/oslo.ts';

export const isoDay = (d: Date) => osloDate(d);

/** The day `months` calendar months after `day`, clamped to the month's last day (31.08 + 6 → 28/29.02). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const addYears = (day: string, years: number) => addMonths(day, years * 12);

/** What the access check knows of a person's involvement with the service. */
export interface Involvement {
  /** The person has a stay that has not ended. */
  hasOpenStay: boolean;
  /** The last day of their last ended stay, or null if they never stayed. */
  lastStayEndOn: string | null;
  /** The latest day of other contact after moving out: aftercare follow-up, agreement end, meeting place. */
  lastAftercareOn: string | null;
  /** The day their latest referral was received. */
  lastReferralOn: string | null;
}

/**
 * A former resident's record closes to ordinary access `closeAfterMonths` after their last contact
 * with the service (the last stay's end, or aftercare after it). People who never stayed (applicants)
 * and people with a stay now are open; a new referral after the last stay opens the record again.
 */
export function isRecordClosed(p: Involvement, today: string, closeAfterMonths: number): boolean {
  if (p.hasOpenStay || p.lastStayEndOn === null) return false;
  if (p.lastReferralOn !== null && p.lastReferralOn > p.lastStayEndOn) return false;
  const lastContact = [p.lastStayEndOn, p.lastAftercareOn].filter((d): d is string => d !== null).sort().at(-1)!;
  return addMonths(lastContact, closeAfterMonths) <= today;
}

/** The end of the Oslo day of `now`, as an instant: a break-the-glass grant lasts until then. */
export function endOfOsloDay(now: Date): Date {
  const next = addDays(isoDay(now), 1);
  // The offset at Oslo midnight is +01:00 or +02:00; try both and keep the one that is that midnight.
  for (const offset of ['+01:00', '+02:00']) {
    const candidate = new Date(`${next}T00:00:00${offset}`);
    if (isoDay(candidate) === next && isoDay(new Date(candidate.getTime() - 1)) === isoDay(now)) return candidate;
  }
  return new Date(`${next}T00:00:00+01:00`);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Retention is at most ten years, so the service stays outside the Noark approval requirement. */
export const MAX_RETENTION_YEARS = 10;

/**
 * When a person's record may be anonymised: `years` after the last stay ended, or, for someone who
 * never stayed, after their last referral (or registration). Never while a stay is open.
 */
export function retentionExpiresOn(p: Involvement & { registeredOn: string }, years: { withStay: number; withoutStay: number }): string | null {
  if (p.hasOpenStay) return null;
  if (p.lastStayEndOn !== null) {
    const last = [p.lastStayEndOn, p.lastAftercareOn, p.lastReferralOn].filter((d): d is string => d !== null).sort().at(-1)!;
    return addYears(last, Math.min(years.withStay, MAX_RETENTION_YEARS));
  }
  const last = [p.registeredOn, p.lastReferralOn].filter((d): d is string => d !== null).sort().at(-1)!;
  return addYears(last, Math.min(years.withoutStay, MAX_RETENTION_YEARS));
}

/**
 * Deletion on request (GDPR art. 17) where the law allows it: a person who never checked in and
 * whose referrals all ended without a place (refused after screening, declined, lapsed, withdrawn) —
 * or who has no referral — may be deleted. Anyone who has stayed, or whose case is still open, is
 * kept and anonymised at the end of the retention period instead: the records document the
 * municipality's decisions and services and must be kept for the period the municipality decided.
 * Self-payment lines (an arrangement, a charge, a payment) are accounting records, kept under the
 * Bookkeeping Act (bokføringsloven), so a person with any is not deleted on request either.
 */
export type ErasureVerdict = { allowed: true } | { allowed: false; reason: 'has_stayed' | 'open_case' | 'payment_records' };

const endedWithoutPlace = new Set(['refused', 'declined', 'lapsed', 'withdrawn']);

export function erasureVerdict(p: { everStayed: boolean; referralStatuses: string[]; hasPaymentRecords?: boolean }): ErasureVerdict {
  if (p.everStayed) return { allowed: false, reason: 'has_stayed' };
  if (p.referralStatuses.some((s) => !endedWithoutPlace.has(s))) return { allowed: false, reason: 'open_case' };
  if (p.hasPaymentRecords) return { allowed: false, reason: 'payment_records' };
  return { allowed: true };
}
