import './stays.css';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Checkbox, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { ErrorAlert, FormErrors, Loading } from '../../../platform/ui/Feedback.tsx';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDateTime } from '../../../platform/ui/format.ts';
import { reportKeyLostInput, type KeyRegisterRow } from '../keys.schema.ts';
import { ClosedRecordTag } from '../../privacy/ui/ClosedRecordTag.tsx';

const statusColour = { available: 'success', issued: 'info', not_returned: 'warning', lost: 'danger' } as const;

/** /nokler — the key register, with "report lost" (an incident, and the key never handed out again). */
export function KeyRegisterPage() {
  const { t, locale } = useI18n();
  const keys = useApi<KeyRegisterRow[]>('/api/keys');
  const [reporting, setReporting] = useState<KeyRegisterRow | null>(null);
  const [reported, setReported] = useState<{ number: string; incidentId: string } | null>(null);

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('keys.title')}
      </Heading>
      <Paragraph>{t('keys.intro')}</Paragraph>
      {reported && (
        <Alert data-color="success" role="status">
          {t('keys.lostSaved', { number: reported.number })}{' '}
          <Link asChild>
            <RouterLink to={`/avvik/${reported.incidentId}`}>{t('keys.openIncident')}</RouterLink>
          </Link>
        </Alert>
      )}
      {keys.error && <ErrorAlert error={keys.error} />}
      {!keys.data && !keys.error && <Loading />}
      {keys.data && keys.data.length === 0 && <Paragraph>{t('keys.none')}</Paragraph>}
      {reporting && (
        <ReportLostForm
          keyRow={reporting}
          onDone={(incidentId) => {
            setReported({ number: reporting.keyNumber, incidentId });
            setReporting(null);
            void keys.reload();
          }}
          onCancel={() => setReporting(null)}
        />
      )}
      {keys.data && keys.data.length > 0 && (
        <TableScroll label={t('keys.caption')}>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('keys.number')}</Table.HeaderCell>
                <Table.HeaderCell>{t('keys.door')}</Table.HeaderCell>
                <Table.HeaderCell>{t('keys.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('keys.issuedTo')}</Table.HeaderCell>
                <Table.HeaderCell>{t('keys.issuedAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('keys.returnedAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('keys.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {keys.data.map((k) => (
                <Table.Row key={k.id}>
                  <Table.Cell>{k.keyNumber}</Table.Cell>
                  <Table.Cell>{k.door === 'front_door' ? t('keys.frontDoor') : t('keys.doorRoom', { room: k.roomName ?? '–' })}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={statusColour[k.status]}>{t(`keys.status.${k.status}`)}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {k.issuedToName ?? '–'} {k.issuedToRecordClosed && <ClosedRecordTag />}
                  </Table.Cell>
                  <Table.Cell>{k.issuedAt ? formatDateTime(k.issuedAt, locale) : '–'}</Table.Cell>
                  <Table.Cell>{k.returnedAt ? formatDateTime(k.returnedAt, locale) : '–'}</Table.Cell>
                  <Table.Cell>
                    {k.status === 'lost' && k.lostIncidentId ? (
                      <Link asChild>
                        <RouterLink to={`/avvik/${k.lostIncidentId}`}>{t('keys.openIncident')}</RouterLink>
                      </Link>
                    ) : (
                      <Button variant="secondary" data-size="sm" onClick={() => setReporting(k)} aria-label={t('keys.reportLostNamed', { number: k.keyNumber })}>
                        {t('keys.reportLost')}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </div>
  );
}

function ReportLostForm({ keyRow, onDone, onCancel }: { keyRow: KeyRegisterRow; onDone(incidentId: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(reportKeyLostInput);
  const [description, setDescription] = useState('');
  const [stolen, setStolen] = useState(false);
  const [asking, setAsking] = useState(false);
  const labels = { description: t('keys.lostDescription'), stolen: t('keys.lostStolen') };
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reportKeyLostInput.safeParse({ description, stolen }).success) {
      void form.submit({ description, stolen }, async () => {});
      return;
    }
    setAsking(true);
  }
  async function confirm() {
    setAsking(false);
    await form.submit({ description, stolen }, async (parsed) => {
      const { incidentId } = await api.post<{ incidentId: string }>(`/api/keys/${keyRow.id}/lost`, parsed);
      onDone(incidentId);
    });
  }
  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-labelledby="key-lost-title">
      <Heading level={2} data-size="sm" id="key-lost-title">
        {t('keys.lostTitle', { number: keyRow.keyNumber })}
      </Heading>
      <Paragraph>{t('keys.lostIntro')}</Paragraph>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <Textfield id="field-description" label={labels.description} multiline rows={2} value={description} onChange={(e) => setDescription(e.target.value)} error={form.fieldErrors.description} />
      <Checkbox id="field-stolen" label={labels.stolen} checked={stolen} onChange={(e) => setStolen(e.target.checked)} />
      <div className="row">
        <Button type="submit" disabled={form.submitting}>
          {t('keys.reportLost')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
      <ConfirmDialog open={asking} title={t('keys.lostConfirm')} body={t('keys.lostConfirmBody')} confirmLabel={t('keys.reportLost')} onConfirm={() => void confirm()} onCancel={() => setAsking(false)} />
    </form>
  );
}
