// Small helpers shared by the operations pages (shift log, night rounds, staffing plan).

/** The weekday of an ISO date, in the user's language ("torsdag", "Thursday"). */
export function weekdayName(iso: string, locale: 'nb' | 'en'): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString(locale === 'nb' ? 'nb-NO' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
}

/** The wall-clock time hh:mm in Oslo of an instant. */
export function osloClock(isoInstant: string): string {
  return new Date(isoInstant).toLocaleTimeString('sv-SE', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });
}

/** Today's ISO date in Oslo (for the browser's own clock: only to prefill forms and choose a period). */
export function osloToday(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
}
