import './agreements.css';
import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../../platform/ui/Feedback.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { formatDate, formatDateTime, parseDateInput } from '../../../platform/ui/format.ts';
import { agreementContent, signAgreementInput, type AgreementOutput, type StayAgreementsOutput } from '../agreements.schema.ts';
import { AgreementSectionsEditor, fromEditable, sectionLabels, toEditable, type EditableContent } from './AgreementSectionsEditor.tsx';
import { AgreementSectionsView } from './AgreementSectionsView.tsx';

const day = (iso: string) => formatDateTime(iso).slice(0, 10);
const todayInOslo = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
const pdfHref = (a: AgreementOutput) => `/api/agreements/${a.id}/agreement.pdf`;

function EditAgreementForm({ agreement, onSaved, onCancel }: { agreement: AgreementOutput; onSaved(a: AgreementOutput): void; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(agreementContent);
  const [value, setValue] = useState<EditableContent>(() => toEditable(agreement.content));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await form.submit(fromEditable(value, true), async (content) => onSaved(await api.put<AgreementOutput>(`/api/agreements/${agreement.id}`, content)));
  }

  return (
    <form onSubmit={handleSubmit} className="stack form-panel" noValidate aria-labelledby="agreement-form-title">
      <Heading level={2} data-size="sm" id="agreement-form-title" tabIndex={-1}>
        {t('agreements.editTitle')}
      </Heading>
      <Alert data-color="info">{t('agreements.editNewVersion', { version: agreement.version + 1, current: agreement.version })}</Alert>
      <FormErrors fields={form.fieldErrors} labels={sectionLabels(t, value)} message={form.formError?.message} />
      <AgreementSectionsEditor value={value} onChange={setValue} errors={form.fieldErrors} withConsentDates />
      <div className="agreement-actions">
        <Button type="submit" disabled={form.submitting}>
          {t('agreements.saveNewVersion', { version: agreement.version + 1 })}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}

function SignForm({ agreement, onSigned, onCancel }: { agreement: AgreementOutput; onSigned(a: AgreementOutput): void; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(signAgreementInput);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get('signedOn') ?? '');
    await form.submit({ signedOn: parseDateInput(typed) }, async (value) => onSigned(await api.post<AgreementOutput>(`/api/agreements/${agreement.id}/signed`, value)));
  }

  return (
    <form onSubmit={handleSubmit} className="stack form-panel" noValidate aria-labelledby="sign-form-title">
      <Heading level={2} data-size="sm" id="sign-form-title">
        {t('agreements.signTitle')}
      </Heading>
      <Paragraph>{t('agreements.signIntro', { version: agreement.version })}</Paragraph>
      {/* A refusal without a field (a rule) is shown here; a field error stands by its field. */}
      <FormErrors fields={form.fieldErrors} labels={{ signedOn: t('agreements.signedDate') }} message={form.formError?.message} />
      <Textfield
        id={fieldId('signedOn')}
        name="signedOn"
        label={t('agreements.signedDate')}
        description={t('agreements.dateHint')}
        defaultValue={formatDate(todayInOslo())}
        error={form.fieldErrors.signedOn}
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        style={{ maxWidth: '12rem' }}
      />
      <div className="agreement-actions">
        <Button type="submit" disabled={form.submitting}>
          {t('agreements.sign')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}

type Mode = 'view' | 'edit' | 'sign';

/** The housing and follow-up agreement of one stay: make it from the template, change it (new version), print, record signing. */
export function StayAgreementPage() {
  const { stayId } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const data = useApi<StayAgreementsOutput>(`/api/stays/${stayId}/agreements`);
  const [mode, setMode] = useState<Mode>('view');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [createError, setCreateError] = useState<ApiError | null>(null);
  const [creating, setCreating] = useState(false);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget, mode]);

  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data) return <Loading />;
  const { stay, agreements } = data.data;
  const latest = agreements[0];
  const shown = agreements.find((a) => a.id === selectedId) ?? latest;
  const writable = can('agreement:write');

  function replace(next: AgreementOutput) {
    data.setData((d) => d && { ...d, agreements: [next, ...d.agreements.filter((a) => a.id !== next.id)].sort((a, b) => b.version - a.version) });
  }

  async function create() {
    setCreating(true);
    setCreateError(null);
    try {
      replace(await api.post<AgreementOutput>(`/api/stays/${stayId}/agreements`));
      setStatus(t('agreements.created'));
      setFocusTarget('agreement-version-heading');
    } catch (err) {
      setCreateError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setCreating(false);
    }
  }

  return (
    <div className="stack">
      <div>
        <Heading level={1} data-size="lg">
          {t('agreements.pageTitle')}
        </Heading>
        <Paragraph data-size="lg">
          {stay.residentName} · {t('agreements.room')} {stay.roomName} · {formatDate(stay.startOn)}–{formatDate(stay.plannedEndOn)}
        </Paragraph>
      </div>
      <Alert data-color="info">{t('agreements.notALease')}</Alert>
      <dl className="facts">
        <dt>{t('agreements.resident')}</dt>
        <dd>
          {stay.residentName}
          {stay.residentBirthDate ? `, ${t('agreements.birthDate').toLowerCase()} ${formatDate(stay.residentBirthDate)}` : ''}
        </dd>
        {stay.partnerName && (
          <>
            <dt>{t('agreements.partner')}</dt>
            <dd>{stay.partnerName}</dd>
          </>
        )}
        <dt>{t('agreements.room')}</dt>
        <dd>
          {stay.roomName}, {stay.houseName}
        </dd>
        <dt>{t('agreements.period')}</dt>
        <dd>
          {formatDate(stay.startOn)}–{formatDate(stay.plannedEndOn)}
        </dd>
        <dt>{t('agreements.latestEnd')}</dt>
        <dd>{formatDate(stay.latestEndOn)}</dd>
      </dl>
      {stay.endOn && <Alert data-color="warning">{t('agreements.ended', { date: formatDate(stay.endOn) })}</Alert>}
      <div role="status" aria-live="polite">
        {status && <Alert data-color="success">{status}</Alert>}
      </div>

      {!latest && (
        <section className="stack">
          <Paragraph>{t('agreements.none')}</Paragraph>
          {createError && <ErrorAlert error={createError} />}
          {writable && !stay.endOn && (
            <div>
              <Button onClick={() => void create()} disabled={creating}>
                {t('agreements.create')}
              </Button>
            </div>
          )}
        </section>
      )}

      {shown && mode === 'edit' && latest && (
        <EditAgreementForm
          agreement={latest}
          onCancel={() => {
            setMode('view');
            setFocusTarget('edit-agreement');
          }}
          onSaved={(next) => {
            replace(next);
            setSelectedId(null);
            setMode('view');
            setStatus(t('agreements.saved', { version: next.version }));
            setFocusTarget('agreement-version-heading');
          }}
        />
      )}

      {shown && mode !== 'edit' && (
        <section className="stack" aria-labelledby="agreement-version-heading">
          <div className="agreement-head">
            <Heading level={2} data-size="md" id="agreement-version-heading" tabIndex={-1}>
              {t('agreements.versionHeading', { version: shown.version })}
            </Heading>
            {shown.signedOn ? (
              <Tag data-color="success">{t('agreements.signedOn', { date: formatDate(shown.signedOn) })}</Tag>
            ) : (
              <Tag data-color="warning">{t('agreements.notSigned')}</Tag>
            )}
          </div>
          <Paragraph data-size="sm" className="muted">
            {shown.createdByName ? t('agreements.madeBy', { date: day(shown.createdAt), name: shown.createdByName }) : t('agreements.madeOn', { date: day(shown.createdAt) })}
            {shown.templateVersion ? `, ${t('agreements.fromTemplate', { version: shown.templateVersion })}` : ''}.{' '}
            {t('agreements.period')}: {formatDate(shown.fromOn)}–{formatDate(shown.toOn)}.
          </Paragraph>
          {shown !== latest && latest && (
            <Alert data-color="warning">
              {t('agreements.viewingOld', { version: shown.version, latest: latest.version })}{' '}
              <Button variant="tertiary" data-size="sm" onClick={() => setSelectedId(null)}>
                {t('agreements.showLatest')}
              </Button>
            </Alert>
          )}
          <div className="agreement-actions no-print">
            <Link href={pdfHref(shown)} download>
              {t('agreements.downloadPdf')}
            </Link>
            {writable && shown === latest && mode === 'view' && (
              <Button
                id="edit-agreement"
                variant="secondary"
                onClick={() => {
                  setStatus('');
                  setMode('edit');
                  setFocusTarget('agreement-form-title');
                }}
              >
                {t('agreements.edit')}
              </Button>
            )}
            {writable && !shown.signedOn && mode === 'view' && (
              <Button
                id="sign-agreement"
                variant="secondary"
                onClick={() => {
                  setStatus('');
                  setMode('sign');
                }}
              >
                {t('agreements.sign')}
              </Button>
            )}
          </div>
          {mode === 'sign' && (
            <SignForm
              agreement={shown}
              onCancel={() => {
                setMode('view');
                setFocusTarget('sign-agreement');
              }}
              onSigned={(next) => {
                replace(next);
                setMode('view');
                setStatus(t('agreements.signedStatus', { version: next.version, date: formatDate(next.signedOn) }));
                setFocusTarget('agreement-version-heading');
              }}
            />
          )}
          <AgreementSectionsView content={shown.content} houseRules={shown.houseRules} />
        </section>
      )}

      {agreements.length > 0 && (
        <section className="stack no-print" aria-labelledby="agreement-versions">
          <Heading level={2} data-size="sm" id="agreement-versions">
            {t('agreements.versions')}
          </Heading>
          <Paragraph>{t('agreements.versionsIntro')}</Paragraph>
          <div className="table-wrap">
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('agreements.version')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('agreements.made')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('agreements.by')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('agreements.signed')}</Table.HeaderCell>
                  <Table.HeaderCell>
                    <span className="ds-sr-only">{t('agreements.choose')}</span>
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {agreements.map((a) => (
                  <Table.Row key={a.id}>
                    <Table.Cell>{a.version}</Table.Cell>
                    <Table.Cell>{day(a.createdAt)}</Table.Cell>
                    <Table.Cell>{a.createdByName ?? '–'}</Table.Cell>
                    <Table.Cell>{a.signedOn ? formatDate(a.signedOn) : t('agreements.notSigned')}</Table.Cell>
                    <Table.Cell>
                      {a === shown ? (
                        <span className="muted">{t('agreements.showing')}</span>
                      ) : (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          onClick={() => {
                            setSelectedId(a.id);
                            setStatus('');
                            setMode('view');
                            setFocusTarget('agreement-version-heading');
                          }}
                        >
                          {t('agreements.show', { version: a.version })}
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </section>
      )}
    </div>
  );
}
