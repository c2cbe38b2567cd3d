import './stays.css';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate } from '../../../platform/ui/format.ts';
import { osloDate } from '../stays.rules.ts';
import type { HouseOutput } from '../../rooms/rooms.schema.ts';
import {
  inventoryCondition,
  inventoryItemInput,
  keyDoor,
  registerKeyInput,
  type InventoryItemOutput,
  type KeyOutput,
} from '../stays.schema.ts';

/** /hybler/:roomId — the keys and the inventory list of a room, as used at check-in. */
export function RoomEquipmentPage() {
  const { roomId } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const houses = useApi<HouseOutput[]>('/api/houses');
  const room = houses.data?.flatMap((h) => h.rooms).find((r) => r.id === roomId);

  if (houses.error) return <ErrorAlert error={houses.error} />;
  if (!houses.data) return <Loading />;
  if (!room) return <Alert data-color="warning">{t('app.notFound')}</Alert>;
  return (
    <div className="stack">
      <div>
        <Heading level={1} data-size="lg">
          {t('stays.equipment.title', { name: room.name })}
        </Heading>
        <Paragraph>{t('stays.equipment.intro')}</Paragraph>
        <div className="row">
          <Link asChild>
            <RouterLink to="/hybler">{t('stays.equipment.backToRooms')}</RouterLink>
          </Link>
          <Link asChild>
            <RouterLink to={`/hybler/${room.id}/tilstand`}>{t('keys.condition')}</RouterLink>
          </Link>
          {can('key:manage') && (
            <Link asChild>
              <RouterLink to="/nokler">{t('keys.register')}</RouterLink>
            </Link>
          )}
        </div>
      </div>
      {can('key:manage') ? <KeysSection roomId={room.id} /> : <Paragraph>{t('stays.equipment.keysForbidden')}</Paragraph>}
      <InventorySection roomId={room.id} canWrite={can('inventory:write')} />
    </div>
  );
}

function KeysSection({ roomId }: { roomId: string }) {
  const { t } = useI18n();
  const keys = useApi<KeyOutput[]>(`/api/rooms/${roomId}/keys`);
  const form = useSchemaForm(registerKeyInput);
  const [status, setStatus] = useState('');
  const labels = { keyNumber: t('stays.equipment.keyNumber'), door: t('stays.equipment.door') };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const ok = await form.submit({ keyNumber: String(data.get('keyNumber') ?? ''), door: String(data.get('door') ?? '') }, async (value) => {
      const created = await api.post<KeyOutput>(`/api/rooms/${roomId}/keys`, value);
      keys.setData((list) => [...(list ?? []), created]);
      setStatus(t('stays.equipment.keyRegistered', { number: created.keyNumber }));
    });
    if (ok) element.reset();
  }

  return (
    <section className="check-in-section" aria-labelledby="equipment-keys">
      <Heading level={2} data-size="sm" id="equipment-keys">
        {t('stays.equipment.keys')}
      </Heading>
      {keys.error && <ErrorAlert error={keys.error} />}
      {!keys.data && !keys.error && <Loading />}
      {keys.data?.length === 0 && <Paragraph>{t('stays.equipment.noKeys')}</Paragraph>}
      {keys.data && keys.data.length > 0 && (
        <div className="table-wrap">
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('stays.equipment.keyNumber')}</Table.HeaderCell>
                <Table.HeaderCell>{t('stays.equipment.door')}</Table.HeaderCell>
                <Table.HeaderCell>{t('stays.equipment.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {keys.data.map((k) => (
                <Table.Row key={k.id}>
                  <Table.Cell>{k.keyNumber}</Table.Cell>
                  <Table.Cell>{t(`stays.doorLabel.${k.door}`)}</Table.Cell>
                  <Table.Cell>{k.issuedAt ? t('stays.equipment.issued', { date: formatDate(osloDate(new Date(k.issuedAt))) }) : t('stays.equipment.available')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <div role="status" aria-live="polite">
        {status && <Alert data-color="success">{status}</Alert>}
      </div>
      <form onSubmit={handleSubmit} className="stack" noValidate aria-label={t('stays.equipment.registerKey')}>
        <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
        <div className="new-key">
          <Textfield id={fieldId('keyNumber')} name="keyNumber" label={t('stays.equipment.keyNumber')} error={form.fieldErrors.keyNumber} autoComplete="off" />
          <Field>
            <Label htmlFor={fieldId('door')}>{t('stays.equipment.door')}</Label>
            <Select id={fieldId('door')} name="door" defaultValue="room">
              {keyDoor.options.map((door) => (
                <Select.Option key={door} value={door}>
                  {t(`stays.doorLabel.${door}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={form.submitting}>
            {t('stays.equipment.registerKey')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function InventorySection({ roomId, canWrite }: { roomId: string; canWrite: boolean }) {
  const { t } = useI18n();
  const items = useApi<InventoryItemOutput[]>(`/api/rooms/${roomId}/inventory`);
  const form = useSchemaForm(inventoryItemInput);
  const [status, setStatus] = useState('');
  const labels = { name: t('stays.equipment.itemName'), condition: t('stays.equipment.condition') };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const ok = await form.submit({ name: String(data.get('name') ?? ''), condition: String(data.get('condition') ?? 'good') }, async (value) => {
      const created = await api.post<InventoryItemOutput>(`/api/rooms/${roomId}/inventory`, value);
      items.setData((list) => [...(list ?? []), created].sort((a, b) => a.name.localeCompare(b.name, 'nb')));
      setStatus(t('stays.equipment.itemAdded', { name: created.name }));
    });
    if (ok) element.reset();
  }

  return (
    <section className="check-in-section" aria-labelledby="equipment-inventory">
      <Heading level={2} data-size="sm" id="equipment-inventory">
        {t('stays.equipment.inventory')}
      </Heading>
      {items.error && <ErrorAlert error={items.error} />}
      {!items.data && !items.error && <Loading />}
      {items.data?.length === 0 && <Paragraph>{t('stays.equipment.noInventory')}</Paragraph>}
      {items.data && items.data.length > 0 && (
        <div className="table-wrap">
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('stays.equipment.itemName')}</Table.HeaderCell>
                <Table.HeaderCell>{t('stays.equipment.condition')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.data.map((i) => (
                <Table.Row key={i.id}>
                  <Table.Cell>{i.name}</Table.Cell>
                  <Table.Cell>{t(`stays.condition.${i.condition}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {canWrite && (
        <>
          <div role="status" aria-live="polite">
            {status && <Alert data-color="success">{status}</Alert>}
          </div>
          <form onSubmit={handleSubmit} className="stack" noValidate aria-label={t('stays.equipment.addItem')}>
            <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
            <div className="new-key">
              <Textfield id={fieldId('name')} name="name" label={t('stays.equipment.itemName')} description={t('stays.equipment.itemNameHint')} error={form.fieldErrors.name} autoComplete="off" />
              <Field>
                <Label htmlFor={fieldId('condition')}>{t('stays.equipment.condition')}</Label>
                <Select id={fieldId('condition')} name="condition" defaultValue="good">
                  {inventoryCondition.options.map((c) => (
                    <Select.Option key={c} value={c}>
                      {t(`stays.condition.${c}`)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Button type="submit" disabled={form.submitting}>
                {t('stays.equipment.addItem')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
