// Small helpers for the journal's forms: what staff type → what the API takes.

/** Today's date as dd.mm.yyyy and the time as hh:mm, in Europe/Oslo, to prefill a form. */
export function osloNowInputs(now = new Date()): { date: string; time: string } {
  const iso = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  const time = now.toLocaleTimeString('sv-SE', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });
  return { date: `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`, time };
}

/** An instant as dd.mm.yyyy and hh:mm in Oslo (to prefill a correction with the original's time). */
export function osloInputsOf(isoInstant: string): { date: string; time: string } {
  return osloNowInputs(new Date(isoInstant));
}

/** "14:30", "14.30", "1430" or "9:30" → "14:30"/"09:30"; anything else unchanged so the schema can refuse it. */
export function parseTimeInput(value: string): string {
  const m = /^\s*(\d{1,2})[:.]?(\d{2})\s*$/.exec(value);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : value.trim();
}
