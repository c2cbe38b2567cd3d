import './allocation.css';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Heading, Link, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import {
  removeWaitingListInput,
  updateWaitingListInput,
  type Urgency,
  type WaitingListEventOutput,
  type WaitingListItemOutput,
} from '../allocation.schema.ts';

type Open = { kind: 'log' | 'change' | 'remove'; entryId: string } | null;

/** The waiting list (/tildeling): in order, with position, urgency, reason and waiting time; changes logged. */
export function WaitingListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useApi<WaitingListItemOutput[]>('/api/waiting-list');
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState('');
  const isOpen = (kind: NonNullable<Open>['kind'], entryId: string) => open?.kind === kind && open.entryId === entryId;
  const toggle = (kind: NonNullable<Open>['kind'], entryId: string) => setOpen(isOpen(kind, entryId) ? null : { kind, entryId });

  return (
    <div className="stack">
      <div className="alloc-head">
        <Heading level={1} data-size="lg">
          {t('allocation.waitingListTitle')}
        </Heading>
        <Button variant="secondary" className="no-print" onClick={() => window.print()}>
          {t('app.print')}
        </Button>
      </div>
      <Paragraph>{t('allocation.waitingListIntro')}</Paragraph>
      <div role="status" aria-live="polite">
        {status && <Alert data-color="success">{status}</Alert>}
      </div>
      {list.error && <ErrorAlert error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data?.length === 0 && <Paragraph>{t('allocation.waitingListEmpty')}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <ol className="alloc-list">
          {list.data.map((e) => (
            <li key={e.entryId}>
              <article className="alloc-panel wl-entry" data-urgency={e.urgency} aria-labelledby={`wl-${e.entryId}`}>
                <div className="wl-title">
                  <span className="wl-position">{t('allocation.position', { position: e.position })}</span>
                  <Heading level={2} data-size="xs" id={`wl-${e.entryId}`}>
                    <Link asChild>
                      <RouterLink to={`/henvisninger/${e.referralId}/vedtak`}>{e.householdName}</RouterLink>
                    </Link>
                  </Heading>
                </div>
                <dl className="alloc-facts">
                  <dt>{t('allocation.urgency')}</dt>
                  <dd>{t(`allocation.urgency.${e.urgency}`)}</dd>
                  <dt>{t('allocation.reason')}</dt>
                  <dd>{e.reason}</dd>
                  <dt>{t('allocation.waitingSinceLabel')}</dt>
                  <dd>{formatDate(new Date(e.addedAt).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }))}</dd>
                </dl>
                <div className="alloc-actions no-print">
                  <Button variant="tertiary" data-size="sm" aria-expanded={isOpen('log', e.entryId)} onClick={() => toggle('log', e.entryId)}>
                    {isOpen('log', e.entryId) ? t('allocation.hideLog') : t('allocation.showLog')}
                    <span className="ds-sr-only"> – {e.householdName}</span>
                  </Button>
                  {can('waiting_list:manage') && (
                    <>
                      <Button variant="secondary" data-size="sm" aria-expanded={isOpen('change', e.entryId)} onClick={() => toggle('change', e.entryId)}>
                        {t('allocation.change')}
                        <span className="ds-sr-only"> – {e.householdName}</span>
                      </Button>
                      <Button variant="secondary" data-color="danger" data-size="sm" aria-expanded={isOpen('remove', e.entryId)} onClick={() => toggle('remove', e.entryId)}>
                        {t('allocation.remove')}
                        <span className="ds-sr-only"> – {e.householdName}</span>
                      </Button>
                    </>
                  )}
                </div>
                {isOpen('log', e.entryId) && <EntryLog entry={e} />}
                {isOpen('change', e.entryId) && (
                  <ChangeEntryForm
                    entry={e}
                    onCancel={() => setOpen(null)}
                    onDone={() => {
                      setOpen(null);
                      setStatus(t('allocation.entryChanged'));
                      void list.reload();
                    }}
                  />
                )}
                {isOpen('remove', e.entryId) && (
                  <RemoveEntryForm
                    entry={e}
                    onCancel={() => setOpen(null)}
                    onDone={() => {
                      setOpen(null);
                      setStatus(t('allocation.removed', { name: e.householdName }));
                      void list.reload();
                    }}
                  />
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function EntryLog({ entry }: { entry: WaitingListItemOutput }) {
  const { t, locale } = useI18n();
  const log = useApi<WaitingListEventOutput[]>(`/api/waiting-list/${entry.entryId}/events`);
  const urgencyText = (u: unknown) => (typeof u === 'string' && ['tonight', 'this_week', 'later'].includes(u) ? t(`allocation.urgency.${u as Urgency}`) : String(u ?? ''));
  const describe = (e: WaitingListEventOutput) => {
    const d = e.details ?? {};
    switch (e.change) {
      case 'added':
        return t('allocation.change.added', { urgency: urgencyText(d.urgency) });
      case 'urgency_changed':
        return t('allocation.change.urgency_changed', { from: urgencyText(d.from), to: urgencyText(d.to) });
      case 'reason_changed':
        return t('allocation.change.reason_changed', { from: String(d.from ?? ''), to: String(d.to ?? '') });
      case 'removed':
        return t('allocation.change.removed', { reason: String(d.reason ?? '') });
      default:
        return t('allocation.change.offered');
    }
  };
  return (
    <section className="stack alloc-subform" aria-label={t('allocation.logTitle', { name: entry.householdName })} aria-busy={log.loading}>
      <Heading level={3} data-size="2xs">
        {t('allocation.logTitle', { name: entry.householdName })}
      </Heading>
      {log.error && <ErrorAlert error={log.error} />}
      {!log.data && !log.error && <Loading />}
      {log.data && (
        <ol className="alloc-log">
          {log.data.map((e) => (
            <li key={e.id}>
              <span className="when">
                {formatDateTime(e.at, locale)}
                {e.byName ? ` ${t('allocation.by', { name: e.byName })}` : ''}
              </span>
              <span>{describe(e)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ChangeEntryForm({ entry, onCancel, onDone }: { entry: WaitingListItemOutput; onCancel(): void; onDone(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(updateWaitingListInput);
  const prefix = `change-${entry.entryId.slice(0, 8)}`;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const urgency = String(data.get('urgency') ?? '');
    const reason = String(data.get('reason') ?? '');
    // Only what changed is sent, so the log holds real changes only.
    await form.submit(
      { urgency: urgency !== entry.urgency ? urgency : undefined, reason: reason.trim() !== entry.reason ? reason : undefined },
      async (value) => {
        await api.put<WaitingListItemOutput>(`/api/waiting-list/${entry.entryId}`, value);
        onDone();
      },
    );
  }

  return (
    <form onSubmit={handleSubmit} className="stack alloc-subform no-print" noValidate aria-labelledby={`${prefix}-title`}>
      <Heading level={3} data-size="2xs" id={`${prefix}-title`}>
        {t('allocation.changeTitle', { name: entry.householdName })}
      </Heading>
      {form.formError && <Alert data-color="danger">{form.formError.message}</Alert>}
      <Fieldset>
        <Fieldset.Legend>{t('allocation.urgency')}</Fieldset.Legend>
        {(['tonight', 'this_week', 'later'] as const).map((u) => (
          <Radio key={u} id={`${prefix}-${u}`} name="urgency" value={u} label={t(`allocation.urgency.${u}`)} defaultChecked={entry.urgency === u} />
        ))}
        {form.fieldErrors.urgency && <ValidationMessage>{form.fieldErrors.urgency}</ValidationMessage>}
      </Fieldset>
      <Textfield id={`${prefix}-reason`} name="reason" multiline rows={2} label={t('allocation.reason')} defaultValue={entry.reason} error={form.fieldErrors.reason} />
      <div className="alloc-actions">
        <Button type="submit" data-size="sm" disabled={form.submitting}>
          {t('app.save')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}

function RemoveEntryForm({ entry, onCancel, onDone }: { entry: WaitingListItemOutput; onCancel(): void; onDone(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(removeWaitingListInput);
  const [confirming, setConfirming] = useState<string | null>(null);
  const prefix = `remove-${entry.entryId.slice(0, 8)}`;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    // The reason is checked first; the dialog asks before anything is removed.
    void form.submit({ reason }, async (value) => setConfirming(value.reason));
  }

  async function remove(reason: string) {
    setConfirming(null);
    await form.submit({ reason }, async (value) => {
      await api.delete(`/api/waiting-list/${entry.entryId}`, value);
      onDone();
    });
  }

  return (
    <form onSubmit={handleSubmit} className="stack alloc-subform no-print" noValidate aria-labelledby={`${prefix}-title`}>
      <Heading level={3} data-size="2xs" id={`${prefix}-title`}>
        {t('allocation.removeTitle', { name: entry.householdName })}
      </Heading>
      {form.formError && !form.fieldErrors.reason && <Alert data-color="danger">{form.formError.message}</Alert>}
      <Textfield id={`${prefix}-reason`} name="reason" multiline rows={2} label={t('allocation.removeReason')} error={form.fieldErrors.reason} autoFocus />
      <div className="alloc-actions">
        <Button type="submit" data-color="danger" data-size="sm" disabled={form.submitting}>
          {t('allocation.remove')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={t('allocation.removeConfirmTitle', { name: entry.householdName })}
        body={t('allocation.removeConfirmBody')}
        confirmLabel={t('allocation.removeConfirm')}
        onConfirm={() => void remove(confirming ?? '')}
        onCancel={() => setConfirming(null)}
      />
    </form>
  );
}
