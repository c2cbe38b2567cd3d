import './allocation.css';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { Link as RouterLink, useParams } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import { isMessageKey } from '../../../platform/i18n/i18n.ts';
import { declineOfferInput, type DecisionOutput, type OfferOutput, type ReferralDecisionsOutput, type ScreeningSummaryOutput } from '../allocation.schema.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { Complaints } from './Complaints.tsx';

const closedStatuses = ['accepted', 'checked_in', 'withdrawn'];

/**
 * The decision page of a referral (/henvisninger/:id/vedtak): the latest screening, the open offer
 * with its answer, the form for a new decision, and every decision with its letter and complaints.
 */
export function DecisionPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const page = useApi<ReferralDecisionsOutput>(`/api/referrals/${id}/decisions`);
  const [status, setStatus] = useState('');
  const [showForm, setShowForm] = useState(false);

  if (page.error) return <ErrorAlert error={page.error} />;
  if (!page.data) return <Loading />;
  const p = page.data;
  const openOffer = p.decisions.map((d) => d.offer).find((o): o is OfferOutput => o?.status === 'open');
  const closed = closedStatuses.includes(p.referralStatus);
  const statusKey = `referrals.status.${p.referralStatus}`;
  const reload = () => void page.reload();

  return (
    <div className="stack">
      <Paragraph className="no-print">
        <Link asChild>
          <RouterLink to={`/henvisninger/${p.referralId}`}>{t('allocation.backToReferral')}</RouterLink>
        </Link>
      </Paragraph>
      <div className="alloc-head">
        <Heading level={1} data-size="lg">
          {t('allocation.decisionPageTitle', { name: p.householdName })}
        </Heading>
        <Button variant="secondary" className="no-print" onClick={() => window.print()}>
          {t('app.print')}
        </Button>
      </div>
      <dl className="alloc-facts">
        <dt>{t('allocation.referralReceived')}</dt>
        <dd>{formatDateTime(p.receivedAt, locale)}</dd>
        <dt>{t('allocation.referralStatus')}</dt>
        <dd>{isMessageKey(statusKey) ? t(statusKey) : p.referralStatus}</dd>
      </dl>
      {p.nowhereToSleepTonight && (
        <div>
          <Tag data-color="danger">{t('allocation.nowhereTonight')}</Tag>
        </div>
      )}
      <div role="status" aria-live="polite">
        {status && <Alert data-color="success">{status}</Alert>}
      </div>

      <ScreeningSummary referralId={p.referralId} screening={p.latestScreening} />

      {p.waitingListEntry && (
        <section className="alloc-panel" aria-labelledby="waiting-title">
          <Heading level={2} data-size="sm" id="waiting-title">
            {t('allocation.onWaitingList')}
          </Heading>
          <dl className="alloc-facts">
            <dt>{t('allocation.positionLabel')}</dt>
            <dd>{p.waitingListEntry.position}</dd>
            <dt>{t('allocation.urgency')}</dt>
            <dd>{t(`allocation.urgency.${p.waitingListEntry.urgency}`)}</dd>
            <dt>{t('allocation.reason')}</dt>
            <dd>{p.waitingListEntry.reason}</dd>
          </dl>
          <Paragraph data-size="sm" className="no-print">
            <Link asChild>
              <RouterLink to="/tildeling">{t('allocation.openWaitingList')}</RouterLink>
            </Link>
          </Paragraph>
        </section>
      )}

      {openOffer && (
        <OpenOffer
          offer={openOffer}
          onAnswered={(message) => {
            setStatus(message);
            reload();
          }}
        />
      )}

      {can('allocation:decide') && closed && <Alert data-color="info">{t('allocation.referralClosed')}</Alert>}
      {can('allocation:decide') &&
        !closed &&
        !openOffer &&
        p.latestScreening &&
        // A first decision gets the form at once; a later one (after a decline, a lapse, a complaint) on request.
        (p.decisions.length === 0 || showForm ? (
          <DecisionForm
            referralId={p.referralId}
            screening={p.latestScreening}
            onDecided={() => {
              setShowForm(false);
              setStatus(t('allocation.decisionSaved'));
              reload();
              document.getElementById('decisions-title')?.focus();
            }}
          />
        ) : (
          <div className="no-print">
            <Button variant="secondary" onClick={() => setShowForm(true)}>
              {t('allocation.newDecision')}
            </Button>
          </div>
        ))}

      <section className="stack" aria-labelledby="decisions-title">
        <Heading level={2} data-size="md" id="decisions-title" tabIndex={-1}>
          {t('allocation.decisionsTitle')}
        </Heading>
        {p.decisions.length === 0 && <Paragraph>{t('allocation.noDecisions')}</Paragraph>}
        <ol className="alloc-list">
          {p.decisions.map((d) => (
            <li key={d.id}>
              <DecisionCard decision={d} onChange={reload} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function ScreeningSummary({ referralId, screening }: { referralId: string; screening: ScreeningSummaryOutput | null }) {
  const { t, locale } = useI18n();
  const label = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  return (
    <section className="alloc-panel" aria-labelledby="screening-title">
      <Heading level={2} data-size="sm" id="screening-title">
        {t('allocation.screeningTitle')}
      </Heading>
      {!screening ? (
        <>
          <Alert data-color="warning">{t('allocation.screeningNone')}</Alert>
          <Paragraph className="no-print">
            <Link asChild>
              <RouterLink to={`/henvisninger/${referralId}`}>{t('allocation.screeningGoTo')}</RouterLink>
            </Link>
          </Paragraph>
        </>
      ) : (
        <>
          <div>
            <Tag data-color={screening.result === 'eligible' ? 'success' : screening.result === 'excluded' ? 'danger' : 'warning'}>
              {t(`allocation.screeningResult.${screening.result}`)}
            </Tag>
          </div>
          <Paragraph data-size="sm" className="alloc-muted">
            {t('allocation.screenedBy', { date: formatDateTime(screening.screenedAt, locale), name: screening.screenedByName ?? '–' })}
          </Paragraph>
          {(screening.exceptions.length > 0 || screening.justification || screening.note) && (
            <dl className="alloc-facts">
              {screening.exceptions.length > 0 && (
                <>
                  <dt>{t('allocation.screeningExceptions')}</dt>
                  <dd>{screening.exceptions.map((e) => label(`screening.exception.${e}`, e)).join(', ')}</dd>
                </>
              )}
              {screening.justification && (
                <>
                  <dt>{t('allocation.screeningJustification')}</dt>
                  <dd>{screening.justification}</dd>
                </>
              )}
              {screening.note && (
                <>
                  <dt>{t('allocation.screeningNote')}</dt>
                  <dd>{screening.note}</dd>
                </>
              )}
            </dl>
          )}
        </>
      )}
    </section>
  );
}

function OpenOffer({ offer, onAnswered }: { offer: OfferOutput; onAnswered(message: string): void }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const form = useSchemaForm(declineOfferInput);
  const [declining, setDeclining] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function accept() {
    setError(null);
    try {
      await api.post<OfferOutput>(`/api/offers/${offer.id}/accept`);
      onAnswered(t('allocation.offerAccepted'));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  }

  function askToDecline(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    // Checks the reason first, then asks before the offer is ended.
    void form.submit({ reason }, async (value) => setConfirming(value.reason));
  }

  async function decline(reason: string) {
    setConfirming(null);
    await form.submit({ reason }, async (value) => {
      await api.post<OfferOutput>(`/api/offers/${offer.id}/decline`, value);
      onAnswered(t('allocation.offerDeclined'));
    });
  }

  return (
    <section className="alloc-panel" aria-labelledby="offer-title">
      <Heading level={2} data-size="sm" id="offer-title">
        {t('allocation.offerTitle')}
      </Heading>
      <dl className="alloc-facts">
        <dt>{t('allocation.place')}</dt>
        <dd>{t('allocation.roomOption', { house: offer.houseName, room: offer.roomName })}</dd>
        <dt>{t('allocation.period')}</dt>
        <dd>
          {formatDate(offer.fromDate)}–{formatDate(offer.plannedEndDate)}
        </dd>
        <dt>{t('allocation.offerExpires')}</dt>
        <dd>{formatDateTime(offer.expiresAt, locale)}</dd>
      </dl>
      {error && <ErrorAlert error={error} />}
      {can('offer:respond') && !declining && (
        <div className="alloc-actions no-print">
          <Button onClick={() => void accept()}>{t('allocation.acceptOffer')}</Button>
          <Button variant="secondary" onClick={() => setDeclining(true)}>
            {t('allocation.declineOffer')}
          </Button>
        </div>
      )}
      {can('offer:respond') && declining && (
        <form onSubmit={askToDecline} className="stack alloc-subform no-print" noValidate aria-label={t('allocation.declineOffer')}>
          {form.formError && !form.fieldErrors.reason && <Alert data-color="danger">{form.formError.message}</Alert>}
          <Textfield id="decline-reason" name="reason" multiline rows={2} label={t('allocation.declineReason')} error={form.fieldErrors.reason} autoFocus />
          <div className="alloc-actions">
            <Button type="submit" data-color="danger" disabled={form.submitting}>
              {t('allocation.declineOffer')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setDeclining(false)}>
              {t('app.cancel')}
            </Button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('allocation.declineConfirmTitle')}
        body={t('allocation.declineConfirmBody')}
        confirmLabel={t('allocation.declineConfirm')}
        onConfirm={() => void decline(confirming ?? '')}
        onCancel={() => setConfirming(null)}
      />
    </section>
  );
}

function DecisionCard({ decision: d, onChange }: { decision: DecisionOutput; onChange(): void }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const o = d.offer;
  return (
    <article className="alloc-panel" aria-labelledby={`decision-${d.id}`}>
      <div className="alloc-head">
        <Heading level={3} data-size="xs" id={`decision-${d.id}`}>
          {t(`allocation.outcome.${d.outcome}`)}
        </Heading>
        <span className="alloc-muted">{t('allocation.decidedBy', { date: formatDateTime(d.decidedAt, locale), name: d.decidedByName ?? '–' })}</span>
      </div>
      {!d.sameDayAsReferral && (
        <div>
          <Tag data-color="warning">{t('allocation.notSameDay')}</Tag>
        </div>
      )}
      <dl className="alloc-facts">
        {d.outcome === 'offer' && (
          <>
            <dt>{t('allocation.place')}</dt>
            <dd>{t('allocation.roomOption', { house: d.houseName ?? '–', room: d.roomName ?? '–' })}</dd>
            <dt>{t('allocation.period')}</dt>
            <dd>
              {formatDate(d.fromDate)}–{formatDate(d.plannedEndDate)}
            </dd>
          </>
        )}
        <dt>{t('allocation.reasons')}</dt>
        <dd>{d.reasons}</dd>
        {d.exceptionJustification && (
          <>
            <dt>{t('allocation.exceptionJustification')}</dt>
            <dd>{d.exceptionJustification}</dd>
          </>
        )}
        {o && (
          <>
            <dt>{t('allocation.offerStatus')}</dt>
            <dd>
              {t(`allocation.offerStatus.${o.status}`)}
              {o.respondedAt && ` – ${t('allocation.offerAnsweredBy', { date: formatDateTime(o.respondedAt, locale), name: o.respondedByName ?? '–' })}`}
            </dd>
            {o.declineReason && (
              <>
                <dt>{t('allocation.offerDeclineReason')}</dt>
                <dd>{o.declineReason}</dd>
              </>
            )}
          </>
        )}
      </dl>
      <Paragraph className="no-print">
        <Link href={`/api/decisions/${d.id}/letter.pdf`} download>
          {t('allocation.downloadLetter')}
        </Link>
      </Paragraph>
      {can('complaint:read') && <Complaints decisionId={d.id} complaints={d.complaints} onChange={onChange} />}
    </article>
  );
}
