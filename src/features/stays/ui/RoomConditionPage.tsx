import './stays.css';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { ErrorAlert, FormErrors, Loading } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDateTime } from '../../../platform/ui/format.ts';
import { inventoryCondition } from '../stays.schema.ts';
import { roomCheckInput, type RoomCheckOutput, type RoomConditionOutput } from '../inventory.schema.ts';

/** /hybler/:roomId/tilstand — each item of the room with its condition and latest check; a check of the room. */
export function RoomConditionPage() {
  const { roomId } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const condition = useApi<RoomConditionOutput>(`/api/rooms/${roomId}/condition`);
  const [saved, setSaved] = useState<number | null>(null);

  if (condition.error) return <ErrorAlert error={condition.error} />;
  if (!condition.data) return <Loading />;
  const c = condition.data;
  return (
    <div className="stack">
      <div>
        <Heading level={1} data-size="lg">
          {t('inventory.condition.title', { name: c.roomName })}
        </Heading>
        <Paragraph>{t('inventory.condition.intro')}</Paragraph>
        <Link asChild>
          <RouterLink to={`/hybler/${c.roomId}`}>{t('inventory.condition.back')}</RouterLink>
        </Link>
      </div>
      {saved !== null && (
        <Alert data-color="success" role="status">
          {saved > 0 ? t('inventory.check.savedWithIncidents', { count: saved }) : t('inventory.check.saved')}
        </Alert>
      )}
      {c.items.length === 0 ? (
        <Paragraph>{t('inventory.condition.none')}</Paragraph>
      ) : (
        <TableScroll label={t('inventory.condition.caption')}>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('inventory.condition.item')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inventory.condition.condition')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inventory.condition.lastCheck')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inventory.condition.note')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inventory.condition.incident')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {c.items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.Cell>{item.name}</Table.Cell>
                  <Table.Cell>{t(`stays.condition.${item.condition}`)}</Table.Cell>
                  <Table.Cell>
                    {item.lastCheckedAt && item.lastCheck
                      ? t('inventory.check.when', { date: formatDateTime(item.lastCheckedAt, locale), kind: t(`inventory.check.${item.lastCheck}`) })
                      : t('inventory.condition.never')}
                  </Table.Cell>
                  <Table.Cell>{item.lastNote ?? '–'}</Table.Cell>
                  <Table.Cell>
                    {item.openIncidentId && can('incident:read') ? (
                      <Link asChild>
                        <RouterLink to={`/avvik/${item.openIncidentId}`}>{t('keys.openIncident')}</RouterLink>
                      </Link>
                    ) : (
                      '–'
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {c.items.length > 0 && can('inventory:write') && can('incident:create') && (
        <RoomCheckForm
          condition={c}
          onSaved={(result) => {
            setSaved(result.incidentIds.length);
            condition.setData(result.condition);
          }}
        />
      )}
    </div>
  );
}

function RoomCheckForm({ condition, onSaved }: { condition: RoomConditionOutput; onSaved(result: RoomCheckOutput): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(roomCheckInput);
  const [lines, setLines] = useState(() => condition.items.map((i) => ({ itemId: i.id, condition: i.condition as string, note: '' })));
  const set = (index: number, patch: Partial<(typeof lines)[number]>) => setLines(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await form.submit({ lines }, async (parsed) => {
      onSaved(await api.post<RoomCheckOutput>(`/api/rooms/${condition.roomId}/inventory-checks`, parsed));
    });
  }
  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-labelledby="room-check-title">
      <Heading level={2} data-size="sm" id="room-check-title">
        {t('inventory.check.title')}
      </Heading>
      <Paragraph>{t('inventory.check.intro')}</Paragraph>
      <FormErrors fields={form.fieldErrors} labels={{ lines: t('inventory.check.title') }} message={form.formError?.message} />
      {condition.items.map((item, index) => (
        <div key={item.id} className="row">
          <Field>
            <Label htmlFor={`check-${item.id}`}>{t('inventory.check.conditionOf', { item: item.name })}</Label>
            <Select id={`check-${item.id}`} value={lines[index]!.condition} onChange={(e) => set(index, { condition: e.target.value })}>
              {inventoryCondition.options.map((o) => (
                <Select.Option key={o} value={o}>
                  {t(`stays.condition.${o}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield id={`check-note-${item.id}`} label={t('inventory.check.noteOf', { item: item.name })} value={lines[index]!.note} onChange={(e) => set(index, { note: e.target.value })} />
        </div>
      ))}
      <div>
        <Button type="submit" disabled={form.submitting}>
          {t('inventory.check.save')}
        </Button>
      </div>
    </form>
  );
}
