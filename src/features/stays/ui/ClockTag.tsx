import { Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import type { StayClockOutput } from '../stays.schema.ts';

const colour = { ok: 'success', soon: 'warning', over: 'danger' } as const;

/** The three-month clock in words ("32 netter · 59 igjen", "Over 3 måneder"); the colour only helps the eye. */
export function ClockTag({ clock }: { clock: StayClockOutput }) {
  const { t } = useI18n();
  return (
    <Tag className="clock-tag" data-color={colour[clock.status]} data-size="sm">
      {clockText(t, clock)}
    </Tag>
  );
}

export function clockText(t: ReturnType<typeof useI18n>['t'], clock: StayClockOutput): string {
  if (clock.status === 'over') return t('stays.board.clockOver');
  if (clock.nightsLeft === 0) return t('stays.board.clockLastDay', { nights: clock.nightsSoFar });
  return t(clock.status === 'soon' ? 'stays.board.clockSoon' : 'stays.board.clockOk', { nights: clock.nightsSoFar, left: clock.nightsLeft });
}

/** The clock's details under the tag: how far past the limit, or when the limit is. */
export function clockDetail(t: ReturnType<typeof useI18n>['t'], clock: StayClockOutput, formatDate: (iso: string) => string): string {
  if (clock.status === 'over') return t('stays.board.clockOverDetail', { nights: clock.nightsSoFar, over: -clock.nightsLeft });
  return t('stays.board.latestEnd', { date: formatDate(clock.latestEndOn) });
}
