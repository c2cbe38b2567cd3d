import { useState } from 'react';
import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useLocation, useParams } from 'react-router';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import { isMessageKey } from '../../../platform/i18n/i18n.ts';
import type { PersonOutput } from '../people.schema.ts';
import { PersonForm } from './PersonForm.tsx';
import { maskNationalId } from '../people.rules.ts';
import { languageName } from '../../../platform/ui/languages.ts';
import { HousingSearchSection } from '../../housing-search/ui/HousingSearchSection.tsx';
import { PersonAftercare } from '../../aftercare/ui/PersonAftercare.tsx';
import { PersonTimeline } from './PersonTimeline.tsx';
import { JournalSection } from '../../journal/ui/JournalSection.tsx';
import { GoalsAndTasksSection } from '../../journal/ui/GoalsAndTasksSection.tsx';
import { BelongingsSection } from '../../stays/ui/BelongingsSection.tsx';
import { StayClockSection } from '../../stays/ui/StayClockSection.tsx';
import { PersonPayments } from '../../payments/ui/PersonPayments.tsx';
import { ClosedRecord } from '../../privacy/ui/ClosedRecord.tsx';
import { PersonRights } from '../../privacy/ui/PersonRights.tsx';

interface AccessLogEntry {
  at: string;
  kind: 'read' | 'write';
  action: string;
  purpose: string | null;
  actorName: string | null;
}

/** A person's record: details, household and the log of who accessed it, when and why. */
export function PersonPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const location = useLocation();
  const person = useApi<PersonOutput>(`/api/people/${id}?purpose=follow_up`);
  const accessLog = useApi<AccessLogEntry[]>(person.data ? `/api/people/${id}/access-log` : null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [showId, setShowId] = useState(false);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);

  // A former resident's closed record (access by need): the message and "break the glass".
  if (person.error?.code === 'privacy.record_closed') return <ClosedRecord personId={id!} onOpened={() => void person.reload()} />;
  if (person.error) return <ErrorAlert error={person.error} />;
  if (!person.data) return <Loading />;
  const p = person.data;
  const label = (key: string) => (isMessageKey(key) ? t(key) : key);
  const registered = (location.state as { registered?: string } | null)?.registered;

  return (
    <div className="stack">
      <div className="row">
        <Heading level={1} data-size="lg" style={{ marginRight: 'auto' }}>
          {p.givenName} {p.familyName}
        </Heading>
        {p.hasProtectedAddress && <Tag data-color="warning">{t('people.protectedAddress')}</Tag>}
        <Button variant="secondary" className="no-print" onClick={() => window.print()}>
          {t('app.print')}
        </Button>
        {can('person:write') && !editing && (
          <Button variant="secondary" className="no-print" onClick={() => setEditing(true)}>
            {t('people.edit')}
          </Button>
        )}
      </div>
      {registered && !saved && <Alert data-color="success">{t('people.registered', { name: registered })}</Alert>}
      {saved && <Alert data-color="success">{t('people.saved')}</Alert>}

      {editing ? (
        <section className="stack">
          <Heading level={2} data-size="md">
            {t('people.formTitleEdit')}
          </Heading>
          <PersonForm
            person={p}
            onSubmit={async (value) => {
              person.setData(await api.put<PersonOutput>(`/api/people/${p.id}`, value));
              setEditing(false);
              setSaved(true);
              void accessLog.reload();
            }}
          />
          <Button variant="tertiary" onClick={() => setEditing(false)}>
            {t('app.cancel')}
          </Button>
        </section>
      ) : (
        <section className="stack">
          <Heading level={2} data-size="md">
            {t('people.details')}
          </Heading>
          <dl className="facts">
            <dt>{t('people.birthDate')}</dt>
            <dd>{formatDate(p.birthDate)}</dd>
            <dt>{t('people.idType')}</dt>
            <dd>
              {t(`idType.${p.idType}`)}
              {p.nationalId && (
                <>
                  {' '}
                  {showId ? p.nationalId : maskNationalId(p.nationalId)}{' '}
                  {!showId && (
                    <Button variant="tertiary" data-size="sm" className="no-print" onClick={() => setShowId(true)}>
                      {t('people.showNationalId')}
                    </Button>
                  )}
                </>
              )}
              {p.otherIdDescription ? `: ${p.otherIdDescription}` : ''}
            </dd>
            <dt>{t('people.phone')}</dt>
            <dd>{p.phone ?? '–'}</dd>
            <dt>{t('people.email')}</dt>
            <dd>{p.email ?? '–'}</dd>
            <dt>{t('people.preferredLanguage')}</dt>
            <dd>{languageName(p.preferredLanguage, locale)}</dd>
          </dl>
        </section>
      )}

      <section className="stack">
        <Heading level={2} data-size="md">
          {t('people.household')}
        </Heading>
        {p.household.length === 0 ? (
          <Paragraph>{t('people.noHousehold')}</Paragraph>
        ) : (
          <ul>
            {p.household.map((m) => (
              <li key={m.id}>
                {t(`people.relation.${m.relation}`)}: {m.name}
                {m.birthDate ? ` (${formatDate(m.birthDate)})` : ''}{' '}
                {can('person:write') && (
                  <Button variant="tertiary" data-size="sm" className="no-print" onClick={() => setRemoving({ id: m.id, name: m.name })}>
                    {t('people.removeMember')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* In the order of the story: the stay now, the work with the resident, moving on, aftercare, then the whole history. */}
      <StayClockSection personId={p.id} />
      <JournalSection personId={p.id} />
      <GoalsAndTasksSection personId={p.id} />
      <HousingSearchSection personId={p.id} />
      <BelongingsSection personId={p.id} />
      <PersonPayments personId={p.id} />
      <PersonAftercare personId={p.id} />
      <PersonTimeline personId={p.id} />
      <PersonRights personId={p.id} personName={`${p.givenName} ${p.familyName}`} />

      <section className="stack">
        <Heading level={2} data-size="md">
          {t('people.accessLog')}
        </Heading>
        <Paragraph>{t('people.accessLogIntro')}</Paragraph>
        {accessLog.error && <ErrorAlert error={accessLog.error} />}
        {accessLog.data && accessLog.data.length === 0 && <Paragraph>{t('people.accessLogEmpty')}</Paragraph>}
        {accessLog.data && accessLog.data.length > 0 && (
          <TableScroll label={t('people.accessLog')}>
            <Table data-testid="access-log">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('people.when')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('people.what')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('people.purpose')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('people.who')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {accessLog.data.map((e, i) => (
                  <Table.Row key={i}>
                    <Table.Cell>{formatDateTime(e.at, locale)}</Table.Cell>
                    <Table.Cell>{label(`action.${e.action}`)}</Table.Cell>
                    <Table.Cell>{e.purpose ? label(`purpose.${e.purpose}`) : '–'}</Table.Cell>
                    <Table.Cell>{e.actorName ?? '–'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>

      <ConfirmDialog
        open={removing !== null}
        title={t('people.confirmRemoveMember', { name: removing?.name ?? '' })}
        confirmLabel={t('people.removeMember')}
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          person.setData(await api.delete<PersonOutput>(`/api/people/${p.id}/household/${removing.id}`));
          setRemoving(null);
          void accessLog.reload();
        }}
      />
    </div>
  );
}
