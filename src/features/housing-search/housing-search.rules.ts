// Pure rules of the housing search: money typed in kroner, which listings fit a resident, and which
// status an application may move to. No I/O; the UI uses them too.

export type KronerParse = { ok: true; ore: number } | { ok: false; reason: 'invalid' | 'negative' | 'too_large' };

/** Amounts above this are typing mistakes, not rents or grants (the column holds at most ~21 million kr). */
export const MAX_KRONER = 10_000_000;

/**
 * Parses an amount typed in kroner, the Norwegian way: "8 500", "8 500 kr", "8500,50", "8.500",
 * "8 500,-". Spaces (also no-break and thin spaces) and dots group thousands; a comma (or a dot
 * followed by one or two digits) starts the øre. Returns whole øre, so 8 500 kr is 850 000.
 */
export function parseKroner(text: string, max: number = MAX_KRONER): KronerParse {
  let s = text
    .trim()
    .replace(/\s*kr\.?$/i, '')
    .replace(/^kr\.?\s*/i, '')
    .replace(/,-$/, '')
    .replace(/[\s\u00a0\u202f\u2009]/g, '');
  const negative = /^[-−–]/.test(s);
  if (negative) s = s.slice(1);
  // Dots between groups of three digits group thousands ("8.500" or "1.250.000,50").
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) s = s.replace(/\./g, '');
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false, reason: 'invalid' };
  if (negative) return { ok: false, reason: 'negative' };
  const kroner = Number(m[1]);
  const ore = kroner * 100 + Number((m[2] ?? '').padEnd(2, '0') || 0);
  if (!Number.isSafeInteger(ore) || ore > max * 100) return { ok: false, reason: 'too_large' };
  return { ok: true, ore };
}

/** Øre as the kroner a person would type: 850000 → "8 500", 850050 → "8 500,50" (no-break spaces). */
export function kronerText(ore: number): string {
  const whole = ore % 100 === 0;
  return new Intl.NumberFormat('nb-NO', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2, useGrouping: true })
    .format(ore / 100)
    .replace(/\u2212/g, '-');
}

export interface ListingForFit {
  isActive: boolean;
  rentOre: number;
  rooms: number | null;
  furnished: boolean | null;
  /** ISO date; null means "available now" (the advert did not say). */
  availableFromOn: string | null;
}

export interface NeedsForFit {
  maxRentOre: number | null;
  minRooms: number | null;
  needsFurnished: boolean | null;
}

export type FitMismatch = 'inactive' | 'not_available_in_time' | 'no_budget' | 'too_expensive' | 'too_few_rooms' | 'not_furnished';

/**
 * Why a listing does not fit a resident's needs (empty when it fits). Without a recorded budget
 * nothing fits: suggestions are about what the resident can pay. A listing that does not say how many
 * rooms it has fits only when at least one room is asked for; one that does not say whether it is
 * furnished does not fit someone who needs furniture.
 */
export function needsMismatches(listing: ListingForFit, needs: NeedsForFit | null, availableBy?: string): FitMismatch[] {
  const out: FitMismatch[] = [];
  if (!listing.isActive) out.push('inactive');
  if (availableBy && listing.availableFromOn && listing.availableFromOn > availableBy) out.push('not_available_in_time');
  if (!needs || needs.maxRentOre === null) out.push('no_budget');
  else if (listing.rentOre > needs.maxRentOre) out.push('too_expensive');
  if (needs?.minRooms && needs.minRooms > 1 && (listing.rooms === null || listing.rooms < needs.minRooms)) out.push('too_few_rooms');
  if (needs?.needsFurnished && listing.furnished !== true) out.push('not_furnished');
  return out;
}

/** Does the listing fit: active, available by the date, rent within budget, rooms enough, furnished if needed. */
export function fitsNeeds(listing: ListingForFit, needs: NeedsForFit | null, availableBy?: string): boolean {
  return needsMismatches(listing, needs, availableBy).length === 0;
}

export const applicationStatusOrder = ['sent', 'viewing_booked', 'viewed', 'offered', 'signed', 'refused', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatusOrder)[number];

// An application moves forward (sent → viewing booked → viewed → offered → signed) and may skip a step
// (a landlord can offer without a viewing); a second viewing can be booked after one. It can end as
// refused (by the landlord, or the resident said no to an offer) or withdrawn at any point before it is
// signed. Signed, refused and withdrawn are final: a new attempt is a new application.
const transitions: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  sent: ['viewing_booked', 'viewed', 'offered', 'refused', 'withdrawn'],
  viewing_booked: ['viewed', 'offered', 'refused', 'withdrawn'],
  viewed: ['viewing_booked', 'offered', 'refused', 'withdrawn'],
  offered: ['signed', 'refused', 'withdrawn'],
  signed: [],
  refused: [],
  withdrawn: [],
};

export function nextApplicationStatuses(from: ApplicationStatus): readonly ApplicationStatus[] {
  return transitions[from];
}

export function canChangeApplicationStatus(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return transitions[from].includes(to);
}

export function isFinalApplicationStatus(status: ApplicationStatus): boolean {
  return transitions[status].length === 0;
}

/** The later of two ISO dates. */
export const laterDate = (a: string, b: string) => (a > b ? a : b);

/**
 * A wall-clock time in Oslo (a viewing "15.12.2026 kl. 14:30") as an instant. Tries the offset of the
 * guess and corrects once, which is right on both sides of a daylight-saving change.
 */
export function osloInstant(isoDate: string, time: string): Date {
  const [y, mo, d] = isoDate.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(instant));
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - instant;
  };
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant);
}
