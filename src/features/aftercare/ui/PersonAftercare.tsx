import './aftercare.css';
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert } from '../../../platform/ui/Feedback.tsx';
import { formatDate } from '../../../platform/ui/format.ts';
import type { PersonAftercareOutput } from '../aftercare.schema.ts';
import { AftercareAgreementForm } from './AftercareAgreementForm.tsx';
import { FollowUpStateTag, monthsAfter } from './FollowUpStateTag.tsx';
import { RecordFollowUpForm } from './RecordFollowUpForm.tsx';

/**
 * The aftercare section of the person page: the last move-out, the aftercare agreement, the
 * follow-ups after 1, 3 and 6 months, and visits to the meeting place. Only for former residents
 * (and only for roles with aftercare:read); nothing is shown for anyone else.
 */
export function PersonAftercare({ personId }: { personId: string }) {
  const { can } = useSession();
  if (!can('aftercare:read')) return null;
  return <PersonAftercareSection personId={personId} />;
}

function PersonAftercareSection({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const data = useApi<PersonAftercareOutput>(`/api/people/${personId}/aftercare`);
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data) return null;
  const a = data.data;
  if (a.moveOuts.length === 0 && a.agreements.length === 0 && a.followUps.length === 0 && a.meetings.length === 0) return null;
  const last = a.moveOuts[0];
  const agreement = a.agreements[0];
  const write = can('aftercare:write');
  const done = (key: string) => {
    setSaved(key);
    setEditing(false);
    setRecording(null);
    void data.reload();
  };

  return (
    <section className="stack" aria-labelledby="person-aftercare">
      <Heading level={2} data-size="md" id="person-aftercare">
        {t('aftercare.person.title')}
      </Heading>
      {saved && (
        <Alert data-color="success" role="status">
          {saved === 'agreement' ? t('aftercare.agreements.saved') : t('aftercare.followUps.saved')}
        </Alert>
      )}
      <dl className="facts">
        {last && (
          <>
            <dt>{t('aftercare.person.lastMoveOut')}</dt>
            <dd>{t('aftercare.movedOutTo', { date: formatDate(last.movedOutOn), destination: t(`aftercare.destination.${last.destination}`) })}</dd>
          </>
        )}
        <dt>{t('aftercare.person.agreement')}</dt>
        <dd>
          {agreement ? (
            <>
              {t('aftercare.agreements.periodValue', { from: formatDate(agreement.startsOn), to: formatDate(agreement.endsOn) })} · {agreement.contactFrequency} ·{' '}
              {t('aftercare.agreements.contactPerson')}: {agreement.contactPersonName ?? '–'}
            </>
          ) : (
            t('aftercare.person.noAgreement')
          )}
        </dd>
        {a.meetings.length > 0 && (
          <>
            <dt>{t('aftercare.meetings.title')}</dt>
            <dd>
              {a.meetings.length === 1
                ? t('aftercare.meetings.visitsOne', { date: formatDate(a.meetings[0]!.heldOn) })
                : t('aftercare.meetings.visits', { count: a.meetings.length, date: formatDate(a.meetings[0]!.heldOn) })}
            </dd>
          </>
        )}
      </dl>
      {write && last && !editing && (
        <div className="no-print">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {agreement ? t('aftercare.agreements.edit') : t('aftercare.agreements.create')}
          </Button>
        </div>
      )}
      {editing && last && (
        <AftercareAgreementForm
          personId={personId}
          agreement={agreement}
          defaultStartsOn={last.movedOutOn}
          onCancel={() => setEditing(false)}
          onSaved={() => done('agreement')}
        />
      )}

      <Heading level={3} data-size="sm">
        {t('aftercare.person.followUps')}
      </Heading>
      {a.followUps.length === 0 ? (
        <Paragraph>{t('aftercare.person.noFollowUps')}</Paragraph>
      ) : (
        <ul className="aftercare-list">
          {a.followUps.map((f) => (
            <li key={f.id} className="aftercare-item" data-state={f.state}>
              <div className="aftercare-item-head">
                <span>{monthsAfter(t, f.monthsAfter)}</span>
                <FollowUpStateTag state={f.state} />
                {write && recording !== f.id && (
                  <Button
                    variant="secondary"
                    data-size="sm"
                    className="no-print"
                    onClick={() => {
                      setRecording(f.id);
                      setSaved(null);
                    }}
                  >
                    {f.doneOn ? t('aftercare.followUps.correct') : t('aftercare.followUps.record')}
                  </Button>
                )}
              </div>
              <p>
                {t('aftercare.followUps.dueOn')} {formatDate(f.dueOn)}
                {f.doneOn && (
                  <>
                    {' · '}
                    <strong>{f.stillHoused ? t('aftercare.followUps.housed') : t('aftercare.followUps.notHoused')}</strong>
                    {' · '}
                    {t('aftercare.followUps.doneBy', { date: formatDate(f.doneOn), name: f.doneByName ?? '–' })}
                  </>
                )}
              </p>
              {f.notes && <p className="aftercare-muted">{f.notes}</p>}
              {recording === f.id && <RecordFollowUpForm followUp={f} onCancel={() => setRecording(null)} onSaved={() => done(f.id)} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
