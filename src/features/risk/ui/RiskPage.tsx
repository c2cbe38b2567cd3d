import './risk.css';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import type { HazardOutput, RiskAnalysisOutput } from '../risk.schema.ts';
import { RiskMatrix } from './RiskMatrix.tsx';
import { HazardForm, MeasureForm, ThresholdForm } from './RiskForms.tsx';

/** /ros — the risk and vulnerability analysis: threshold, the matrices before and after measures, hazards. */
export function RiskPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const analysis = useApi<RiskAnalysisOutput>('/api/risk/analysis');
  const [saved, setSaved] = useState(false);
  const reload = async () => {
    setSaved(true);
    await analysis.reload();
  };

  if (analysis.error) return <ErrorAlert error={analysis.error} />;
  if (!analysis.data) return <Loading />;
  const a = analysis.data;
  const numberOf = new Map(a.hazards.map((h, i) => [h.id, i + 1]));
  const manage = can('risk:manage');
  return (
    <div className="stack">
      <div className="risk-head">
        <Heading level={1} data-size="lg">
          {t('risk.title')}
        </Heading>
        <Link href="/api/risk/analysis.pdf" download>
          {t('risk.pdf')}
        </Link>
      </div>
      <Paragraph>{t('risk.intro')}</Paragraph>
      {saved && (
        <Alert data-color="success" role="status">
          {t('risk.form.saved')}
        </Alert>
      )}
      <section className="risk-box" aria-labelledby="risk-threshold">
        <Heading level={2} data-size="sm" id="risk-threshold">
          {t('risk.threshold.title')}
        </Heading>
        <p className="risk-rule" data-testid="risk-rule">
          {t('risk.threshold.rule', { threshold: a.threshold })}
        </p>
        <Paragraph data-size="sm">{a.thresholdIsDefault ? t('risk.threshold.default') : t('risk.threshold.since', { date: formatDate(a.thresholdValidFrom) })}</Paragraph>
        {a.thresholdHistory.length > 0 && (
          <>
            <Heading level={3} data-size="2xs">
              {t('risk.threshold.history')}
            </Heading>
            <ul>
              {a.thresholdHistory.map((h) => (
                <li key={`${h.validFrom}-${h.changedAt}`}>
                  {t('risk.threshold.historyItem', { date: formatDate(h.validFrom), threshold: h.threshold, name: h.changedByName ?? '–', reason: h.reason ?? '–' })}
                </li>
              ))}
            </ul>
          </>
        )}
        {manage && (
          <details className="risk-details">
            <summary>{t('risk.threshold.change')}</summary>
            <ThresholdForm onSaved={() => void reload()} />
          </details>
        )}
      </section>

      <RiskMatrix id="risk-matrix-before" caption={t('risk.matrix.before')} cells={a.matrixBefore} numberOf={numberOf} />
      <RiskMatrix id="risk-matrix-after" caption={t('risk.matrix.after')} cells={a.matrixAfter} numberOf={numberOf} />
      <Paragraph data-size="sm">{t('risk.matrix.afterNote')}</Paragraph>

      <section className="stack" aria-labelledby="risk-hazards">
        <Heading level={2} data-size="md" id="risk-hazards">
          {t('risk.hazards.title')}
        </Heading>
        {a.hazards.length === 0 && <Paragraph>{t('risk.hazards.none')}</Paragraph>}
        <ol className="risk-hazards">
          {a.hazards.map((h) => (
            <HazardItem key={h.id} hazard={h} n={numberOf.get(h.id)!} threshold={a.threshold} manage={manage} onSaved={() => void reload()} />
          ))}
        </ol>
        {manage && (
          <details className="risk-details">
            <summary>{t('risk.form.newHazard')}</summary>
            <HazardForm idPrefix="new-hazard" onSaved={() => void reload()} />
          </details>
        )}
      </section>
    </div>
  );
}

function HazardItem({ hazard: h, n, threshold, manage, onSaved }: { hazard: HazardOutput; n: number; threshold: number; manage: boolean; onSaved(): void }) {
  const { t, locale } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const verdict = (risk: number, needs: boolean) => t(needs ? 'risk.hazard.needsMeasures' : 'risk.hazard.belowThreshold', { risk, threshold });
  async function markDone(measureId: string) {
    try {
      await api.put(`/api/risk/measures/${measureId}/done`, { done: true });
      setError(null);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  }
  return (
    <li className="risk-hazard" id={`hazard-${h.id}`} data-acceptable={h.acceptable}>
      <Heading level={3} data-size="xs">
        {t('risk.hazard.number', { n })} {h.title}
      </Heading>
      {h.description && <Paragraph>{h.description}</Paragraph>}
      <Paragraph>
        {t('risk.hazard.before', { p: h.probability, c: h.consequence, risk: h.risk })} — <strong>{verdict(h.risk, h.needsMeasures)}</strong>
      </Paragraph>
      <Paragraph>
        {h.residualRisk === null ? (
          t('risk.hazard.afterMissing')
        ) : (
          <>
            {t('risk.hazard.after', { p: h.residualProbability!, c: h.residualConsequence!, risk: h.residualRisk })} — <strong>{verdict(h.residualRisk, h.residualNeedsMeasures!)}</strong>
          </>
        )}
      </Paragraph>
      {h.reviewOn && <Paragraph data-size="sm">{t('risk.hazard.review', { date: formatDate(h.reviewOn) })}</Paragraph>}
      <Heading level={4} data-size="2xs">
        {t('risk.hazard.measures')}
      </Heading>
      {error && <ErrorAlert error={error} />}
      {h.measures.length === 0 ? (
        <Paragraph data-size="sm">{t('risk.hazard.noMeasures')}</Paragraph>
      ) : (
        <ul>
          {h.measures.map((m) => (
            <li key={m.id}>
              {t('risk.hazard.measure', { description: m.description, owner: m.owner, date: formatDate(m.dueOn) })}
              {m.doneOn ? `, ${t('risk.hazard.measureDone', { date: formatDate(m.doneOn) })}` : ''}
              {manage && !m.doneOn && (
                <>
                  {' '}
                  <Button variant="tertiary" data-size="sm" onClick={() => void markDone(m.id)} aria-label={t('risk.hazard.markDoneNamed', { description: m.description })}>
                    {t('risk.hazard.markDone')}
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Heading level={4} data-size="2xs">
        {t('risk.hazard.realised')}
      </Heading>
      {h.realisedBy.length === 0 ? (
        <Paragraph data-size="sm">{t('risk.hazard.realisedNone')}</Paragraph>
      ) : (
        <ul>
          {h.realisedBy.map((i) => (
            <li key={i.id}>
              <Link asChild>
                <RouterLink to={`/avvik/${i.id}`}>
                  {formatDateTime(i.occurredAt, locale)}: {t(`incidents.type.${i.type}` as 'incidents.type.other')} ({t(`incidents.severity.${i.severity}` as 'incidents.severity.low').toLowerCase()})
                </RouterLink>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <>
          <details className="risk-details">
            <summary>{t('risk.hazard.addMeasure')}</summary>
            <MeasureForm hazardId={h.id} onSaved={onSaved} />
          </details>
          <details className="risk-details">
            <summary>{t('risk.hazard.edit')}</summary>
            <HazardForm hazard={h} idPrefix={`hazard-${h.id}`} onSaved={onSaved} />
          </details>
        </>
      )}
    </li>
  );
}
