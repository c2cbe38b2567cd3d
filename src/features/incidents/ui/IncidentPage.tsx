import './incidents.css';
import { Fragment } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import type { IncidentOutput } from '../incidents.schema.ts';
import { SeverityTag, StatusTag } from './IncidentTags.tsx';
import { IncidentFollowUp } from './IncidentFollowUp.tsx';
import { ClosedRecordTag } from '../../privacy/ui/ClosedRecordTag.tsx';

/** /avvik/:id — one incident; the lead assigns the follow-up, records measures, links and closes it. */
export function IncidentPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const state = useLocation().state as { saved?: boolean } | null;
  const incident = useApi<IncidentOutput>(`/api/incidents/${id}`);

  if (incident.error) return <ErrorAlert error={incident.error} />;
  if (!incident.data) return <Loading />;
  const i = incident.data;
  const where = [i.roomName ?? t(`incidents.location.${i.location}`), i.locationNote].filter(Boolean).join(', ');
  return (
    <div className="stack">
      <div>
        <Heading level={1} data-size="lg">
          {t('incidents.detail.title', { type: t(`incidents.type.${i.type}`) })}
        </Heading>
        <Link asChild>
          <RouterLink to="/avvik">{t('incidents.detail.back')}</RouterLink>
        </Link>
      </div>
      {state?.saved && (
        <Alert data-color="success" role="status">
          {t('incidents.form.saved')}
        </Alert>
      )}
      <div className="incident-tags">
        <SeverityTag severity={i.severity} />
        <StatusTag status={i.status} />
      </div>
      <dl className="incident-facts">
        <dt>{t('incidents.detail.when')}</dt>
        <dd>{formatDateTime(i.occurredAt, locale)}</dd>
        <dt>{t('incidents.detail.where')}</dt>
        <dd>{where}</dd>
        <dt>{t('incidents.detail.description')}</dt>
        <dd>{i.description}</dd>
        {i.immediateAction && (
          <>
            <dt>{t('incidents.detail.immediateAction')}</dt>
            <dd>{i.immediateAction}</dd>
          </>
        )}
        <dt>{t('incidents.detail.involved')}</dt>
        <dd>
          {i.involved.length === 0
            ? t('incidents.detail.nobody')
            : i.involved.map((p, n) => (
                <Fragment key={`${p.kind}-${p.personId ?? p.userId ?? p.name}`}>
                  {n > 0 && ', '}
                  {p.kind === 'resident' && p.personId && can('person:read') ? (
                    <Link asChild>
                      <RouterLink to={`/personer/${p.personId}`}>{p.name}</RouterLink>
                    </Link>
                  ) : (
                    p.name
                  )}{' '}
                  ({t(`incidents.involvedKind.${p.kind}`).toLowerCase()})
                  {p.recordClosed && (
                    <>
                      {' '}
                      <ClosedRecordTag />
                    </>
                  )}
                </Fragment>
              ))}
        </dd>
        {i.keyNumber && (
          <>
            <dt>{t('incidents.detail.key')}</dt>
            <dd>{i.keyNumber}</dd>
          </>
        )}
        {i.inventoryItemName && (
          <>
            <dt>{t('incidents.detail.item')}</dt>
            <dd>{i.inventoryItemName}</dd>
          </>
        )}
        {i.agreement && (
          <>
            <dt>{t('incidents.detail.agreement')}</dt>
            <dd>{t('incidents.detail.agreementLabel', { name: i.agreement.personName, version: i.agreement.version })}</dd>
          </>
        )}
        {i.hazard && (
          <>
            <dt>{t('incidents.detail.hazard')}</dt>
            <dd>
              {can('risk:read') ? (
                <Link asChild>
                  <RouterLink to={`/ros#hazard-${i.hazard.id}`}>{i.hazard.title}</RouterLink>
                </Link>
              ) : (
                i.hazard.title
              )}
            </dd>
          </>
        )}
        <dt>{t('incidents.detail.reportedBy')}</dt>
        <dd>{i.reportedByName ?? '–'}</dd>
      </dl>

      <section className="stack" aria-labelledby="incident-follow-up">
        <Heading level={2} data-size="md" id="incident-follow-up">
          {t('incidents.detail.followUp')}
        </Heading>
        <dl className="incident-facts">
          <dt>{t('incidents.detail.assignedTo')}</dt>
          <dd>{i.assignedToName ?? t('incidents.detail.notAssigned')}</dd>
          {i.followUpDueOn && (
            <>
              <dt>{t('incidents.detail.dueOn')}</dt>
              <dd>{formatDate(i.followUpDueOn)}</dd>
            </>
          )}
        </dl>
        <Heading level={3} data-size="xs">
          {t('incidents.detail.measures')}
        </Heading>
        {i.measures.length === 0 ? (
          <Paragraph>{t('incidents.detail.noMeasures')}</Paragraph>
        ) : (
          <ul>
            {i.measures.map((m) => (
              <li key={m.id}>
                {m.description} <span className="board-muted">({formatDateTime(m.recordedAt, locale)}{m.recordedByName ? `, ${m.recordedByName}` : ''})</span>
              </li>
            ))}
          </ul>
        )}
        {i.status === 'closed' && (
          <Alert data-color="success">
            <Paragraph>{t('incidents.detail.closed', { date: formatDateTime(i.closedAt!, locale), name: i.closedByName ?? '–' })}</Paragraph>
            {i.closingNote && <Paragraph>{i.closingNote}</Paragraph>}
          </Alert>
        )}
        {i.status !== 'closed' && can('incident:manage') && <IncidentFollowUp incident={i} onChange={(next) => incident.setData(next)} />}
      </section>
    </div>
  );
}
