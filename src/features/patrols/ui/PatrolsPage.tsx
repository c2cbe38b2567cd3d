import '../../shift-log/ui/shift-log.css';
import { useState } from 'react';
import { Alert, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate } from '../../../platform/ui/format.ts';
import type { PatrolOverviewOutput, PatrolRoundOutput } from '../patrols.schema.ts';
import { osloClock, weekdayName } from '../../shift-log/ui/shift-format.ts';
import { PatrolRoundForm } from './PatrolRoundForm.tsx';
import { ExpectedRoundsForm } from './ExpectedRoundsForm.tsx';

/** Nights listed with their rounds on the page (the missing-rounds summary covers all 14). */
const SHOWN_NIGHTS = 8;

/** /nattrunder — the security company's rounds: register one, see nights with missing rounds. */
export function PatrolsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const overview = useApi<PatrolOverviewOutput>('/api/patrols');
  const [saved, setSaved] = useState<PatrolRoundOutput | null>(null);
  const [formKey, setFormKey] = useState(0);
  const data = overview.data;

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('patrol.title')}
      </Heading>
      {overview.error && <ErrorAlert error={overview.error} />}
      {!data && !overview.error && <Loading />}
      {data && (
        <>
          <Paragraph>{t('patrol.intro', { expected: data.expectedRounds })}</Paragraph>
          <section className="sl-section" aria-labelledby="pt-missing-title">
            <Heading level={2} data-size="sm" id="pt-missing-title">
              {t('patrol.missingTitle')}
            </Heading>
            {data.nightsWithMissingRounds.length === 0 ? (
              <Paragraph>{t('patrol.missingNone')}</Paragraph>
            ) : (
              <Alert data-color="warning">
                <ul className="sl-entries">
                  {data.nights
                    .filter((n) => data.nightsWithMissingRounds.includes(n.night))
                    .map((n) => (
                      <li key={n.night}>{t('patrol.missingLine', { date: formatDate(n.night), rounds: n.rounds.length, expected: n.expected })}</li>
                    ))}
                </ul>
              </Alert>
            )}
          </section>
        </>
      )}

      {can('patrol:write') && (
        <section className="sl-panel" aria-labelledby="pt-new-title">
          <Heading level={2} data-size="sm" id="pt-new-title">
            {t('patrol.new')}
          </Heading>
          {saved && (
            <Alert data-color="success" role="status">
              {t('patrol.saved', { date: formatDate(saved.nightOf) })}
            </Alert>
          )}
          <PatrolRoundForm
            key={formKey}
            onSaved={(round) => {
              setSaved(round);
              setFormKey((k) => k + 1);
              void overview.reload();
            }}
          />
        </section>
      )}

      {data && (
        <section className="sl-section" aria-labelledby="pt-nights-title">
          <Heading level={2} data-size="sm" id="pt-nights-title">
            {t('patrol.nights')}
          </Heading>
          {data.nights.length > SHOWN_NIGHTS && <Paragraph className="sl-muted">{t('patrol.olderNights', { count: SHOWN_NIGHTS })}</Paragraph>}
          {data.nights.slice(0, SHOWN_NIGHTS).map((n) => (
            <section key={n.night} className="sl-shift" aria-labelledby={`pt-${n.night}`}>
              <div className="sl-entry-head">
                <Heading level={3} data-size="2xs" id={`pt-${n.night}`}>
                  {t('patrol.night', { weekday: weekdayName(n.night, locale), date: formatDate(n.night) })}
                </Heading>
                <span>{t('patrol.roundsCount', { rounds: n.rounds.length, expected: n.expected })}</span>
                {!n.isOver ? (
                  <span className="sl-muted">{t('patrol.tonight')}</span>
                ) : n.missing > 0 ? (
                  <Tag data-color="warning">{t('patrol.missingTag', { missing: n.missing })}</Tag>
                ) : (
                  <Tag data-color="success">{t('patrol.completeTag')}</Tag>
                )}
              </div>
              {n.rounds.length > 0 && (
                <ul className="sl-entries">
                  {n.rounds.map((r) => (
                    <li key={r.id} className="sl-entry">
                      <div className="sl-entry-head">
                        <strong>{t('patrol.roundBy', { time: osloClock(r.patrolledAt), guard: r.guardName })}</strong>
                        {r.needsIncident && <Tag data-color="danger">{t('patrol.incidentTag')}</Tag>}
                        <span className="sl-muted">{t('patrol.registeredBy', { name: r.createdByName ?? '–' })}</span>
                      </div>
                      {r.findings && <p className="sl-entry-body">{r.findings}</p>}
                      {r.incidentNote && <p className="sl-muted">{r.incidentNote}</p>}
                      {r.incidentId ? (
                        <p>
                          <Link asChild>
                            <RouterLink to={`/avvik/${r.incidentId}`}>{t('patrol.incidentLink')}</RouterLink>
                          </Link>
                        </p>
                      ) : (
                        r.needsIncident &&
                        can('incident:create') && (
                          <p className="no-print">
                            <Link asChild>
                              <RouterLink to="/avvik/ny">{t('patrol.recordIncident')}</RouterLink>
                            </Link>
                          </p>
                        )
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </section>
      )}

      {can('settings:write') && <ExpectedRoundsForm onSaved={() => void overview.reload()} />}
    </div>
  );
}
