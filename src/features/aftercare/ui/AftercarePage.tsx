import './aftercare.css';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Alert, Button, Heading, Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import {
  meetingSessionInput,
  type AftercareAgreementOutput,
  type DueFollowUpOutput,
  type FollowUpOutput,
  type MeetingSessionOutput,
  type MeetingSessionSummaryOutput,
} from '../aftercare.schema.ts';
import { FollowUpStateTag, monthsAfter } from './FollowUpStateTag.tsx';
import { RecordFollowUpForm } from './RecordFollowUpForm.tsx';
import { ClosedRecordTag } from '../../privacy/ui/ClosedRecordTag.tsx';

/** A due follow-up whose details are there (not a closed record's row). */
const isOpenRow = (f: DueFollowUpOutput): f is DueFollowUpOutput & FollowUpOutput => !f.recordClosed && f.dueOn !== null && f.state !== null && f.monthsAfter !== null;

const todayInOslo = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

/** /ettervern — follow-ups falling due, running aftercare agreements, and the meeting place. */
export function AftercarePage() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <div className="aftercare-head">
        <Heading level={1} data-size="lg">
          {t('aftercare.title')}
        </Heading>
      </div>
      <Paragraph>{t('aftercare.intro')}</Paragraph>
      <DueFollowUps />
      <Agreements />
      <MeetingPlace />
    </div>
  );
}

function DueFollowUps() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useApi<DueFollowUpOutput[]>('/api/aftercare/follow-ups');
  const [recording, setRecording] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <section className="aftercare-section">
      <Heading level={2} data-size="md" id="due-follow-ups">
        {t('aftercare.followUps.title')}
      </Heading>
      <Paragraph>{t('aftercare.followUps.intro')}</Paragraph>
      {saved && (
        <Alert data-color="success" role="status">
          {t('aftercare.followUps.saved')}
        </Alert>
      )}
      {list.error && <ErrorAlert error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && <Paragraph>{t('aftercare.followUps.none')}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <ul className="aftercare-list">
          {list.data.map((f) =>
            !isOpenRow(f) ? (
              <li key={f.id} className="aftercare-item">
                <div className="aftercare-item-head">
                  <Link asChild>
                    <RouterLink to={`/personer/${f.personId}`}>{f.personName}</RouterLink>
                  </Link>
                  <ClosedRecordTag />
                </div>
              </li>
            ) : (
              <li key={f.id} className="aftercare-item" data-state={f.state}>
                <div className="aftercare-item-head">
                  <Link asChild>
                    <RouterLink to={`/personer/${f.personId}`}>{f.personName}</RouterLink>
                  </Link>
                  <FollowUpStateTag state={f.state} />
                  {can('aftercare:write') && recording !== f.id && (
                    <Button
                      variant="secondary"
                      data-size="sm"
                      aria-label={t('aftercare.followUps.recordFor', { name: f.personName })}
                      onClick={() => {
                        setRecording(f.id);
                        setSaved(null);
                      }}
                    >
                      {t('aftercare.followUps.record')}
                    </Button>
                  )}
                </div>
                <p>
                  {monthsAfter(t, f.monthsAfter)} · {t('aftercare.followUps.dueOn')} {formatDate(f.dueOn)}
                </p>
                {f.movedOutOn && (
                  <p className="aftercare-muted">
                    {t('aftercare.movedOut')}{' '}
                    {f.destination ? t('aftercare.movedOutTo', { date: formatDate(f.movedOutOn), destination: t(`aftercare.destination.${f.destination}`) }) : formatDate(f.movedOutOn)}
                  </p>
                )}
                {recording === f.id && (
                  <RecordFollowUpForm
                    followUp={f}
                    onCancel={() => setRecording(null)}
                    onSaved={() => {
                      setRecording(null);
                      setSaved(f.id);
                      void list.reload();
                    }}
                  />
                )}
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function Agreements() {
  const { t } = useI18n();
  const list = useApi<AftercareAgreementOutput[]>('/api/aftercare/agreements');
  return (
    <section className="aftercare-section">
      <Heading level={2} data-size="md" id="aftercare-agreements">
        {t('aftercare.agreements.title')}
      </Heading>
      <Paragraph>{t('aftercare.agreements.intro')}</Paragraph>
      {list.error && <ErrorAlert error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && <Paragraph>{t('aftercare.agreements.none')}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <TableScroll label={t('aftercare.agreements.title')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('aftercare.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('aftercare.agreements.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('aftercare.agreements.contactFrequency')}</Table.HeaderCell>
                <Table.HeaderCell>{t('aftercare.agreements.contactPerson')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/personer/${a.personId}`}>{a.personName}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    {t('aftercare.agreements.periodValue', { from: formatDate(a.startsOn), to: formatDate(a.endsOn) })}
                    {!a.isCurrent && ` (${t('aftercare.agreements.notStarted')})`}
                  </Table.Cell>
                  <Table.Cell>{a.contactFrequency}</Table.Cell>
                  <Table.Cell>{a.contactPersonName ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

function MeetingPlace() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const sessions = useApi<MeetingSessionSummaryOutput[]>('/api/aftercare/sessions');
  const form = useSchemaForm(meetingSessionInput);
  const [heldOn, setHeldOn] = useState(formatDate(todayInOslo()));
  const [notes, setNotes] = useState('');
  const labels: Record<string, string> = { heldOn: t('aftercare.meetings.heldOn'), notes: t('aftercare.meetings.notes') };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await form.submit({ heldOn: parseDateInput(heldOn), notes }, async (parsed) => {
      const session = await api.post<MeetingSessionOutput>('/api/aftercare/sessions', parsed);
      navigate(`/ettervern/treff/${session.id}`);
    });
  }

  return (
    <section className="aftercare-section">
      <Heading level={2} data-size="md" id="meeting-place">
        {t('aftercare.meetings.title')}
      </Heading>
      <Paragraph>{t('aftercare.meetings.intro')}</Paragraph>
      {can('aftercare:write') && (
        <form className="aftercare-form" onSubmit={handleSubmit} noValidate aria-label={t('aftercare.meetings.create')}>
          <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
          <div className="aftercare-inline">
            <Textfield
              id={fieldId('heldOn')}
              label={labels.heldOn}
              description={t('aftercare.dateHint')}
              value={heldOn}
              onChange={(e) => setHeldOn(e.target.value)}
              error={form.fieldErrors.heldOn}
              inputMode="numeric"
              autoComplete="off"
            />
            <Textfield
              id={fieldId('notes')}
              label={labels.notes}
              description={t('aftercare.meetings.notesHint')}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              error={form.fieldErrors.notes}
            />
          </div>
          <div>
            <Button type="submit" disabled={form.submitting}>
              {t('aftercare.meetings.create')}
            </Button>
          </div>
        </form>
      )}
      {sessions.error && <ErrorAlert error={sessions.error} />}
      {!sessions.data && !sessions.error && <Loading />}
      {sessions.data && sessions.data.length === 0 && <Paragraph>{t('aftercare.meetings.none')}</Paragraph>}
      {sessions.data && sessions.data.length > 0 && (
        <TableScroll label={t('aftercare.meetings.title')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('aftercare.meetings.heldOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('aftercare.meetings.count')}</Table.HeaderCell>
                <Table.HeaderCell>{t('aftercare.meetings.notesColumn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {sessions.data.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/ettervern/treff/${s.id}`} aria-label={t('aftercare.meetings.open', { date: formatDate(s.heldOn) })}>
                        {formatDate(s.heldOn)}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{s.attendeeCount}</Table.Cell>
                  <Table.Cell>{s.notes ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
