import { Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import type { ApplicationStatusValue, HelpApplicationStatus } from '../housing-search.schema.ts';

const applicationColour: Record<ApplicationStatusValue, string> = {
  sent: 'info',
  viewing_booked: 'accent',
  viewed: 'accent',
  offered: 'warning',
  signed: 'success',
  refused: 'danger',
  withdrawn: 'neutral',
};

const helpColour: Record<HelpApplicationStatus, string> = {
  planned: 'neutral',
  sent: 'info',
  granted: 'success',
  partly_granted: 'warning',
  refused: 'danger',
  withdrawn: 'neutral',
};

/** The application's status in words; the colour only helps the eye. */
export function ApplicationStatusTag({ status }: { status: ApplicationStatusValue }) {
  const { t } = useI18n();
  return <Tag data-color={applicationColour[status]}>{t(`housingSearch.status.${status}`)}</Tag>;
}

export function HelpStatusTag({ status }: { status: HelpApplicationStatus }) {
  const { t } = useI18n();
  return <Tag data-color={helpColour[status]}>{t(`housingSearch.helpStatus.${status}`)}</Tag>;
}

/** Yes, no, or "not stated" for a fact an advert may leave out. */
export function useYesNo() {
  const { t } = useI18n();
  return (value: boolean | null | undefined) => (value === null || value === undefined ? t('housingSearch.notStated') : value ? t('app.yes') : t('app.no'));
}

export const todayInOslo = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
