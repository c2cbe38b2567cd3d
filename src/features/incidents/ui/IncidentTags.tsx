import { Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import type { IncidentSeverity, IncidentStatus } from '../incidents.schema.ts';

const severityColour = { low: 'neutral', medium: 'info', high: 'warning', critical: 'danger' } as const;
const statusColour = { open: 'warning', follow_up: 'info', closed: 'success' } as const;

/** Severity as a tag: the word says it, the colour repeats it. */
export function SeverityTag({ severity }: { severity: IncidentSeverity }) {
  const { t } = useI18n();
  return <Tag data-color={severityColour[severity]}>{t(`incidents.severity.${severity}`)}</Tag>;
}

export function StatusTag({ status }: { status: IncidentStatus }) {
  const { t } = useI18n();
  return <Tag data-color={statusColour[status]}>{t(`incidents.status.${status}`)}</Tag>;
}
