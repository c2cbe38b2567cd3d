import './aftercare.css';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../../platform/ui/Feedback.tsx';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import { formerResidentSearchInput, type FormerResidentOutput, type MeetingSessionOutput } from '../aftercare.schema.ts';
import { ClosedRecordTag } from '../../privacy/ui/ClosedRecordTag.tsx';

/** /ettervern/treff/:id — the attendance register of one session of the meeting place, printable. */
export function MeetingSessionPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const session = useApi<MeetingSessionOutput>(`/api/aftercare/sessions/${id}`);
  const [removing, setRemoving] = useState<{ personId: string; name: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  if (session.error) return <ErrorAlert error={session.error} />;
  if (!session.data) return <Loading />;
  const s = session.data;
  const write = can('aftercare:write');

  async function change(run: () => Promise<MeetingSessionOutput>) {
    try {
      session.setData(await run());
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  }

  return (
    <div className="stack">
      <Link asChild className="no-print">
        <RouterLink to="/ettervern">← {t('aftercare.meetings.backToAftercare')}</RouterLink>
      </Link>
      <div className="aftercare-head">
        <Heading level={1} data-size="lg">
          {t('aftercare.meetings.title')}: {t('aftercare.meetings.sessionTitle', { date: formatDate(s.heldOn) })}
        </Heading>
        <Button variant="secondary" className="no-print" onClick={() => window.print()}>
          {t('app.print')}
        </Button>
      </div>
      <Paragraph className="meeting-print-meta">{t('aftercare.meetings.printedAt', { at: formatDateTime(new Date().toISOString(), locale) })}</Paragraph>
      {s.notes && <Paragraph>{s.notes}</Paragraph>}
      {error && <ErrorAlert error={error} />}

      <section className="aftercare-section" aria-labelledby="attendees">
        <Heading level={2} data-size="md" id="attendees">
          {t('aftercare.meetings.attendees')}
        </Heading>
        <Paragraph role="status">
          <strong>{t('aftercare.meetings.total', { count: s.attendeeCount })}</strong>
        </Paragraph>
        {s.attendees.length === 0 ? (
          <Paragraph>{t('aftercare.meetings.attendeesNone')}</Paragraph>
        ) : (
          <ol className="attendance-list">
            {s.attendees.map((a) => (
              <li key={a.personId}>
                <div className="attendance-row">
                  <span>
                    {a.name} {a.recordClosed && <ClosedRecordTag />}
                  </span>
                  {write && (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      className="no-print"
                      aria-label={t('aftercare.meetings.removeNamed', { name: a.name })}
                      onClick={() => setRemoving(a)}
                    >
                      {t('aftercare.meetings.remove')}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      {write && (
        <AddAttendee
          present={new Set(s.attendees.map((a) => a.personId))}
          onAdd={(personId) => change(() => api.post<MeetingSessionOutput>(`/api/aftercare/sessions/${s.id}/attendance`, { personId }))}
        />
      )}

      <ConfirmDialog
        open={removing !== null}
        title={t('aftercare.meetings.confirmRemove', { name: removing?.name ?? '' })}
        confirmLabel={t('aftercare.meetings.remove')}
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          const personId = removing.personId;
          setRemoving(null);
          await change(() => api.delete<MeetingSessionOutput>(`/api/aftercare/sessions/${s.id}/attendance/${personId}`));
        }}
      />
    </div>
  );
}

/** Search former residents by name (POST, never in the URL) and put them on the register. */
function AddAttendee(props: { present: Set<string>; onAdd(personId: string): Promise<void> }) {
  const { t } = useI18n();
  const form = useSchemaForm(formerResidentSearchInput);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<FormerResidentOutput[] | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await form.submit({ query }, async (parsed) => {
      setResults(await api.post<FormerResidentOutput[]>('/api/aftercare/former-residents/search', parsed));
    });
  }

  return (
    <section className="aftercare-section no-print" aria-labelledby="add-attendee">
      <Heading level={2} data-size="md" id="add-attendee">
        {t('aftercare.meetings.add')}
      </Heading>
      <form onSubmit={handleSubmit} noValidate role="search" aria-label={t('aftercare.meetings.search')}>
        <FormErrors fields={{}} labels={{}} message={form.formError && form.formError.status !== 400 ? form.formError.message : undefined} />
        <div className="aftercare-inline">
          <Textfield
            id={fieldId('query')}
            label={t('aftercare.meetings.search')}
            description={t('aftercare.meetings.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            error={form.fieldErrors.query}
            autoComplete="off"
          />
          <Button type="submit" disabled={form.submitting}>
            {t('aftercare.meetings.searchButton')}
          </Button>
        </div>
      </form>
      {results && results.length === 0 && <Paragraph role="status">{t('aftercare.meetings.searchNone')}</Paragraph>}
      {results && results.length > 0 && (
        <ul className="aftercare-list" aria-live="polite">
          {results.map((r) => (
            <li key={r.personId} className="aftercare-item">
              <div className="aftercare-item-head">
                <span>{r.name}</span>
                <span className="aftercare-muted">{t('aftercare.meetings.lastMovedOut', { date: formatDate(r.lastMovedOutOn) })}</span>
                {props.present.has(r.personId) ? (
                  <Button variant="secondary" data-size="sm" disabled>
                    {t('aftercare.meetings.alreadyThere')}
                  </Button>
                ) : (
                  <Button data-size="sm" aria-label={t('aftercare.meetings.addNamed', { name: r.name })} onClick={() => void props.onAdd(r.personId)}>
                    {t('aftercare.meetings.add')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
