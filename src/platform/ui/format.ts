// Norwegian formats: dates dd.mm.yyyy in Europe/Oslo, money as "9 000 kr" with no-break spaces.

/** ISO yyyy-mm-dd → dd.mm.yyyy (no time-zone shift: a calendar date is a calendar date). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** An instant shown as dd.mm.yyyy kl. hh:mm in Oslo time. */
export function formatDateTime(iso: string, locale: 'nb' | 'en' = 'nb'): string {
  const d = new Date(iso);
  const date = d.toLocaleDateString('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = d.toLocaleTimeString('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });
  return locale === 'nb' ? `${date} kl. ${time}` : `${date} ${time}`;
}

/** dd.mm.yyyy (or d.m.yyyy) → ISO; anything else is returned unchanged so the schema can refuse it. */
export function parseDateInput(value: string): string {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(value);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : value.trim();
}

/** An amount in øre, as "9 000 kr" (no-break spaces, nb-NO). */
export function formatMoney(ore: number): string {
  // Whole kroner as "9 000 kr"; with øre always two decimals: "8 500,50 kr".
  const decimals = ore % 100 === 0 ? 0 : 2;
  return `${new Intl.NumberFormat('nb-NO', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(ore / 100)}\u00a0kr`;
}
