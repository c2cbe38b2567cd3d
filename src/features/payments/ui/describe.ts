import { formatMoney } from '../../../platform/ui/format.ts';
import type { ArrangementOutput } from '../payments.schema.ts';
import type { MessageKey } from '../../../platform/i18n/catalogue.ts';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** "Redusert: 2 500 kr per måned" — an arrangement in one line. */
export function describeArrangement(t: T, a: ArrangementOutput | null): string {
  if (!a) return t('payments.kind.defaultFull');
  if (a.kind === 'reduced') return t('payments.kind.reducedValue', { amount: formatMoney(a.amountOre ?? 0), per: t(`payments.per.${a.per ?? 'month'}`) });
  if (a.kind === 'none') return t('payments.kind.noneValue', { reference: a.navDecisionReference ?? '–' });
  return t('payments.kind.full');
}

/** "november 2026" / "November 2026". */
export function monthLabel(month: string, locale: 'nb' | 'en'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(locale === 'nb' ? 'nb-NO' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The current month and the eleven before it, newest first. */
export function recentMonths(today: string, count = 12): string[] {
  const months: string[] = [];
  let [y, m] = today.slice(0, 7).split('-').map(Number) as [number, number];
  for (let i = 0; i < count; i++) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
  }
  return months;
}

export const todayInOslo = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
