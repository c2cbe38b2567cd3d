import './moving-on.css';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Details, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { storeBelongingsInput, type BelongingsOutput } from '../belongings.schema.ts';

// Ids carry a prefix, so the person page's other forms can have fields of the same names.
const fid = (field: string) => fieldId(`belongings.${field}`);
const prefixed = (map: Record<string, string>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [`belongings.${k}`, v]));

/** The person page's section of belongings kept for them: what, where, until when, picked up. */
export function BelongingsSection({ personId }: { personId: string }) {
  const { can } = useSession();
  if (!can('stay:read')) return null;
  return <Belongings personId={personId} canWrite={can('stay:move_out')} />;
}

function Belongings({ personId, canWrite }: { personId: string; canWrite: boolean }) {
  const { t } = useI18n();
  const list = useApi<BelongingsOutput[]>(`/api/people/${personId}/belongings`);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  async function pickedUp(b: BelongingsOutput) {
    try {
      await api.post(`/api/belongings/${b.id}/picked-up`, {});
      setActionError(null);
      setMessage(t('moveOut.belongings.pickedUpDone', { what: b.description }));
      await list.reload();
    } catch (err) {
      setActionError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  }

  return (
    <section className="stack" aria-labelledby="belongings-heading">
      <Heading level={2} data-size="md" id="belongings-heading">
        {t('moveOut.belongings.title')}
      </Heading>
      {list.error && <ErrorAlert error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {message && (
        <Alert data-color="success" role="status">
          {message}
        </Alert>
      )}
      {actionError && <ErrorAlert error={actionError} />}
      {list.data?.length === 0 && <Paragraph>{t('moveOut.belongings.none')}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <TableScroll label={t('moveOut.belongings.title')}>
          <Table data-testid="belongings">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('moveOut.belongings.description')}</Table.HeaderCell>
                <Table.HeaderCell>{t('moveOut.belongings.location')}</Table.HeaderCell>
                <Table.HeaderCell>{t('moveOut.belongings.storedOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('moveOut.belongings.keepUntilOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('moveOut.belongings.pickedUpOn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.map((b) => (
                <Table.Row key={b.id}>
                  <Table.Cell>{b.description}</Table.Cell>
                  <Table.Cell>{b.location}</Table.Cell>
                  <Table.Cell>{formatDate(b.storedOn)}</Table.Cell>
                  <Table.Cell>
                    {formatDate(b.keepUntilOn)}{' '}
                    {b.pastKeepUntil && (
                      <Tag data-color="warning" data-size="sm">
                        {t('moveOut.belongings.pastKeepUntil')}
                      </Tag>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {b.pickedUpOn ? (
                      formatDate(b.pickedUpOn)
                    ) : canWrite ? (
                      <Button variant="secondary" data-size="sm" className="no-print" onClick={() => void pickedUp(b)} aria-label={t('moveOut.belongings.markPickedUpNamed', { what: b.description })}>
                        {t('moveOut.belongings.markPickedUp')}
                      </Button>
                    ) : (
                      t('moveOut.belongings.notPickedUp')
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {canWrite && (
        <StoreForm
          personId={personId}
          onStored={async (b) => {
            setMessage(t('moveOut.belongings.storedDone', { what: b.description }));
            await list.reload();
          }}
        />
      )}
    </section>
  );
}

function StoreForm({ personId, onStored }: { personId: string; onStored(b: BelongingsOutput): Promise<void> }) {
  const { t } = useI18n();
  const form = useSchemaForm(storeBelongingsInput);
  const [formKey, setFormKey] = useState(0);
  const err = (field: string) => form.fieldErrors[field];
  const labels: Record<string, string> = {
    description: t('moveOut.belongings.description'),
    location: t('moveOut.belongings.location'),
    storedOn: t('moveOut.belongings.storedOn'),
    keepUntilOn: t('moveOut.belongings.keepUntilOn'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    await form.submit(
      { description: text('description'), location: text('location'), storedOn: parseDateInput(text('storedOn')), keepUntilOn: parseDateInput(text('keepUntilOn')) },
      async (value) => {
        await onStored(await api.post<BelongingsOutput>(`/api/people/${personId}/belongings`, value));
        setFormKey((k) => k + 1);
      },
    );
  }

  return (
    <Details className="no-print">
      <Details.Summary>{t('moveOut.belongings.add')}</Details.Summary>
      <Details.Content>
        <form key={formKey} onSubmit={handleSubmit} className="stack" noValidate aria-label={t('moveOut.belongings.add')}>
          <FormErrors fields={prefixed(form.fieldErrors)} labels={prefixed(labels)} message={form.formError?.message} />
          <Textfield id={fid('description')} name="description" label={t('moveOut.belongings.description')} description={t('moveOut.belongings.descriptionHint')} error={err('description')} autoComplete="off" />
          <Textfield id={fid('location')} name="location" label={t('moveOut.belongings.location')} description={t('moveOut.belongings.locationHint')} error={err('location')} autoComplete="off" />
          <div className="belongings-dates">
            <Textfield id={fid('storedOn')} name="storedOn" label={t('moveOut.belongings.storedOn')} description={t('moveOut.dateHintToday')} error={err('storedOn')} inputMode="numeric" autoComplete="off" />
            <Textfield id={fid('keepUntilOn')} name="keepUntilOn" label={t('moveOut.belongings.keepUntilOn')} description={t('moveOut.dateHint')} error={err('keepUntilOn')} inputMode="numeric" autoComplete="off" />
          </div>
          <div>
            <Button type="submit" disabled={form.submitting}>
              {t('moveOut.belongings.save')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
