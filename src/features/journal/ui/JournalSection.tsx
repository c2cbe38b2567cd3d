import './journal.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import type { JournalEntryOutput } from '../journal.schema.ts';
import { JournalEntryForm } from './JournalEntryForm.tsx';

/** The "Journal" section of a resident's page; nothing for roles that may not read the journal. */
export function JournalSection({ personId }: { personId: string }) {
  const { can } = useSession();
  if (!can('journal:read')) return null;
  return <Journal personId={personId} />;
}

type OpenForm = { kind: 'new' } | { kind: 'correct'; entry: JournalEntryOutput } | null;

function Journal({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const entries = useApi<JournalEntryOutput[]>(`/api/people/${personId}/journal`);
  const [open, setOpen] = useState<OpenForm>(null);
  const [saved, setSaved] = useState<JournalEntryOutput | null>(null);
  const canWrite = can('journal:write');
  const dayOf = (e: JournalEntryOutput) => formatDate(e.occurredOn);

  function onSaved(entry: JournalEntryOutput) {
    setOpen(null);
    setSaved(entry);
    void entries.reload();
  }

  return (
    <section className="jr-section" aria-labelledby="journal-title">
      <div className="jr-actions">
        <Heading level={2} data-size="md" id="journal-title" style={{ marginRight: 'auto' }}>
          {t('journal.title')}
        </Heading>
        {canWrite && open?.kind !== 'new' && (
          <Button variant="secondary" className="no-print" onClick={() => {
              setSaved(null);
              setOpen({ kind: 'new' });
            }}>
            {t('journal.new')}
          </Button>
        )}
      </div>
      <Paragraph>{t('journal.intro')}</Paragraph>
      {saved && (
        <Alert data-color="success" role="status">
          {saved.shielded ? t('journal.savedShielded') : t('journal.saved')}
        </Alert>
      )}
      {open?.kind === 'new' && (
        <FormPanel title={t('journal.new')}>
          <JournalEntryForm personId={personId} onSaved={onSaved} onCancel={() => setOpen(null)} />
        </FormPanel>
      )}
      {entries.error && <ErrorAlert error={entries.error} />}
      {!entries.data && !entries.error && <Loading />}
      {entries.data?.length === 0 && <Paragraph>{t('journal.empty')}</Paragraph>}
      {entries.data && entries.data.length > 0 && (
        <ol className="jr-entries">
          {entries.data.map((e) => (
            <li
              key={e.id}
              id={`journal-entry-${e.id}`}
              className="jr-entry"
              data-shielded={e.shielded}
              data-sensitive={e.isSensitive}
              data-corrected={e.correctedByEntryId !== null}
            >
              {e.shielded ? <ShieldedEntry entry={e} /> : <Entry entry={e} />}
              <EntryLinks entry={e} />
              {canWrite && !e.shielded && !e.correctedByEntryId && open?.kind !== 'correct' && (
                <div className="no-print">
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => {
                      setSaved(null);
                      setOpen({ kind: 'correct', entry: e });
                    }}
                    aria-label={t('journal.correctNamed', { date: dayOf(e) })}
                  >
                    {t('journal.correct')}
                  </Button>
                </div>
              )}
              {open?.kind === 'correct' && open.entry.id === e.id && (
                <FormPanel title={t('journal.correctNamed', { date: dayOf(e) })}>
                  <JournalEntryForm personId={personId} correcting={e} onSaved={onSaved} onCancel={() => setOpen(null)} />
                </FormPanel>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A form in a panel whose heading takes the focus when it opens, so keyboard and screen-reader users land in it. */
function FormPanel({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="jr-panel no-print">
      <Heading level={3} data-size="xs" ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      {children}
    </div>
  );
}

function Entry({ entry: e }: { entry: JournalEntryOutput }) {
  const { t, locale } = useI18n();
  return (
    <>
      <div className="jr-entry-head">
        <Heading level={3} data-size="2xs">
          {e.occurredAt ? formatDateTime(e.occurredAt, locale) : formatDate(e.occurredOn)}
        </Heading>
        <span>
          {e.type && t(`journal.type.${e.type}`)}
          {e.service && `: ${t(`journal.service.${e.service}`)}`}
        </span>
        {e.isSensitive && (
          <Tag data-color="warning" data-size="sm">
            {t('journal.sensitiveTag')}
          </Tag>
        )}
        {e.correctedByEntryId && (
          <Tag data-color="neutral" data-size="sm">
            {t('journal.corrected')}
          </Tag>
        )}
      </div>
      {e.present && <p>{t('journal.presentShown', { names: e.present })}</p>}
      <p className="jr-entry-body">{e.body}</p>
      {e.createdByName && e.createdAt && <p className="jr-muted">{t('journal.writtenBy', { name: e.createdByName, when: formatDateTime(e.createdAt, locale) })}</p>}
    </>
  );
}

function ShieldedEntry({ entry: e }: { entry: JournalEntryOutput }) {
  const { t } = useI18n();
  return (
    <>
      <div className="jr-entry-head">
        <Heading level={3} data-size="2xs">
          {formatDate(e.occurredOn)}
        </Heading>
        <span>{t('journal.shielded')}</span>
        {e.correctedByEntryId && (
          <Tag data-color="neutral" data-size="sm">
            {t('journal.corrected')}
          </Tag>
        )}
      </div>
      <p className="jr-muted">{t('journal.shieldedHint')}</p>
    </>
  );
}

// Corrections and the entries they correct link to each other on the page.
function EntryLinks({ entry: e }: { entry: JournalEntryOutput }) {
  const { t } = useI18n();
  if (!e.correctsEntryId && !e.correctedByEntryId) return null;
  return (
    <p className="jr-actions">
      {e.correctsEntryId && (
        <span>
          {t('journal.corrects')} – <Link href={`#journal-entry-${e.correctsEntryId}`}>{t('journal.seeOriginal')}</Link>
        </span>
      )}
      {e.correctedByEntryId && <Link href={`#journal-entry-${e.correctedByEntryId}`}>{t('journal.seeCorrection')}</Link>}
    </p>
  );
}
