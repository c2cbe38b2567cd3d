import './moving-on.css';
import './stays.css';
import { useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Link, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { api } from '../../../platform/ui/api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { inventoryCondition } from '../stays.schema.ts';
import { addDays } from '../stays.rules.ts';
import { destinationGroups, destinationsInGroup } from '../move-out.rules.ts';
import { moveOutInput, type MoveOutInput, type MoveOutOutput, type MoveOutViewOutput } from '../move-out.schema.ts';

import { MoveOutSummary } from './MoveOutSummary.tsx';

/** How long belongings are kept unless staff type another day. */
const DEFAULT_KEEP_DAYS = 30;

/** /utflytting/:stayId — record a move-out: date, where to, keys, the room's inventory, damage, storage. */
export function MoveOutPage() {
  const { stayId } = useParams();
  const { t } = useI18n();
  const view = useApi<MoveOutViewOutput>(`/api/stays/${stayId}/move-out`);
  const [recorded, setRecorded] = useState<MoveOutOutput | null>(null);

  if (view.error) return <ErrorAlert error={view.error} />;
  if (!view.data) return <Loading />;
  const v = view.data;
  const household = v.partnerName ? `${v.personName} ${t('stays.and')} ${v.partnerName}` : v.personName;
  const moveOut = recorded ?? v.moveOut;

  return (
    <div className="stack move-out-page">
      <div>
        <Heading level={1} data-size="lg">
          {t('moveOut.title')}: {household}
        </Heading>
        <Paragraph>{t('moveOut.intro')}</Paragraph>
      </div>
      <dl className="facts">
        <dt>{t('moveOut.room')}</dt>
        <dd>
          {v.room.name}, {v.room.houseName}
        </dd>
        <dt>{t('moveOut.stayStartOn')}</dt>
        <dd>{formatDate(v.stayStartOn)}</dd>
        {v.startOn !== v.stayStartOn && (
          <>
            <dt>{t('moveOut.roomStartOn')}</dt>
            <dd>{formatDate(v.startOn)}</dd>
          </>
        )}
        <dt>{t('moveOut.plannedEndOn')}</dt>
        <dd>{formatDate(v.plannedEndOn)}</dd>
      </dl>
      {moveOut ? (
        <MoveOutSummary moveOut={moveOut} household={household} personId={v.personId} justRecorded={recorded !== null} />
      ) : v.movedToStayId ? (
        <Alert data-color="info">
          <Paragraph>{t('moveOut.movedToOtherRoom')}</Paragraph>
          <Link asChild>
            <RouterLink to={`/utflytting/${v.movedToStayId}`}>{t('moveOut.goToCurrentStay')}</RouterLink>
          </Link>
        </Alert>
      ) : v.endOn ? (
        <Alert data-color="info">{t('moveOut.alreadyEnded', { date: formatDate(v.endOn) })}</Alert>
      ) : (
        <MoveOutForm view={v} household={household} onDone={setRecorded} />
      )}
    </div>
  );
}

interface BelongingsRow {
  rowId: number;
}

function MoveOutForm({ view, household, onDone }: { view: MoveOutViewOutput; household: string; onDone(m: MoveOutOutput): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(moveOutInput);
  const [returned, setReturned] = useState<Set<string>>(() => new Set(view.heldKeys.map((k) => k.id)));
  const [roomChecked, setRoomChecked] = useState(view.inventory.length > 0);
  const [conditions, setConditions] = useState<Record<string, string>>(() => Object.fromEntries(view.inventory.map((i) => [i.id, i.condition])));
  const [wasPlanned, setWasPlanned] = useState<boolean | null>(null);
  const [rows, setRows] = useState<BelongingsRow[]>([]);
  const nextRow = useRef(0);
  const [pending, setPending] = useState<{ raw: unknown; value: MoveOutInput } | null>(null);
  const err = (field: string) => form.fieldErrors[field];
  const keyLabel = (k: { keyNumber: string; door: string }) => t('moveOut.keyLabel', { number: k.keyNumber, door: t(`stays.door.${k.door as 'room'}`) });
  const notReturned = view.heldKeys.filter((k) => !returned.has(k.id));
  const damaged = roomChecked ? view.inventory.filter((i) => conditions[i.id] === 'damaged' || conditions[i.id] === 'missing') : [];

  const labels: Record<string, string> = {
    movedOutOn: t('moveOut.movedOutOn'),
    destination: t('moveOut.destination'),
    destinationNote: t('moveOut.destinationNote'),
    wasPlanned: t('moveOut.wasPlanned'),
    returnedKeyIds: t('moveOut.keys'),
    roomChecked: t('moveOut.roomChecked'),
    inventory: t('moveOut.inventory'),
    damageNotes: t('moveOut.damageNotes'),
    furnitureObtained: t('moveOut.furnitureObtained'),
  };
  rows.forEach((_, i) => {
    labels[`belongings.${i}.description`] = t('moveOut.belongingsRow.description', { n: i + 1 });
    labels[`belongings.${i}.location`] = t('moveOut.belongingsRow.location', { n: i + 1 });
    labels[`belongings.${i}.keepUntilOn`] = t('moveOut.belongingsRow.keepUntilOn', { n: i + 1 });
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw = {
      movedOutOn: parseDateInput(text('movedOutOn')),
      destination: text('destination') || undefined,
      destinationNote: text('destinationNote'),
      wasPlanned: wasPlanned ?? undefined,
      returnedKeyIds: [...returned],
      roomChecked,
      inventory: roomChecked ? view.inventory.map((i) => ({ itemId: i.id, condition: conditions[i.id], note: text(`note-${i.id}`) })) : [],
      damageNotes: text('damageNotes'),
      movingHelp: data.get('movingHelp') === 'yes',
      furnitureObtained: text('furnitureObtained'),
      belongings: rows.map((r) => ({
        description: text(`belongings-description-${r.rowId}`),
        location: text(`belongings-location-${r.rowId}`),
        keepUntilOn: parseDateInput(text(`belongings-keepUntilOn-${r.rowId}`)),
      })),
    };
    // Bad input shows its messages now; good input is confirmed first, since it ends the stay.
    await form.submit(raw, async (value) => setPending({ raw, value }));
  }

  async function confirm() {
    const raw = pending?.raw;
    setPending(null);
    await form.submit(raw, async (value) => onDone(await api.post<MoveOutOutput>(`/api/stays/${view.stayId}/move-out`, value)));
  }

  return (
    <form onSubmit={handleSubmit} className="stack" noValidate aria-label={t('moveOut.title')}>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />

      <section className="check-in-section" aria-labelledby="move-out-where">
        <Heading level={2} data-size="xs" id="move-out-where">
          {t('moveOut.sectionWhere')}
        </Heading>
        <Textfield
          id={fieldId('movedOutOn')}
          name="movedOutOn"
          label={t('moveOut.movedOutOn')}
          description={t('moveOut.movedOutOnHint')}
          defaultValue={formatDate(view.today)}
          error={err('movedOutOn')}
          inputMode="numeric"
          autoComplete="off"
          style={{ maxWidth: '20rem' }}
        />
        <Field>
          <Label htmlFor={fieldId('destination')}>{t('moveOut.destination')}</Label>
          <Select id={fieldId('destination')} name="destination" defaultValue="" aria-invalid={err('destination') ? true : undefined} aria-describedby={err('destination') ? 'destination-error' : undefined}>
            <Select.Option value="">{t('moveOut.chooseDestination')}</Select.Option>
            {destinationGroups.map((group) => (
              <Select.Optgroup key={group} label={t(`moveOut.group.${group}`)}>
                {destinationsInGroup(group).map((d) => (
                  <Select.Option key={d} value={d}>
                    {t(`moveOut.destination.${d}`)}
                  </Select.Option>
                ))}
              </Select.Optgroup>
            ))}
          </Select>
          {err('destination') && <ValidationMessage id="destination-error">{err('destination')}</ValidationMessage>}
        </Field>
        <Textfield id={fieldId('destinationNote')} name="destinationNote" label={t('moveOut.destinationNote')} description={t('moveOut.destinationNoteHint')} error={err('destinationNote')} autoComplete="off" />
        <Fieldset id={fieldId('wasPlanned')} aria-describedby={err('wasPlanned') ? 'wasPlanned-error' : undefined}>
          <Fieldset.Legend>{t('moveOut.wasPlanned')}</Fieldset.Legend>
          <Fieldset.Description>{t('moveOut.wasPlannedHint')}</Fieldset.Description>
          <Radio name="wasPlanned" value="yes" label={t('app.yes')} checked={wasPlanned === true} onChange={() => setWasPlanned(true)} aria-invalid={err('wasPlanned') ? true : undefined} />
          <Radio name="wasPlanned" value="no" label={t('app.no')} checked={wasPlanned === false} onChange={() => setWasPlanned(false)} aria-invalid={err('wasPlanned') ? true : undefined} />
          {err('wasPlanned') && <ValidationMessage id="wasPlanned-error">{err('wasPlanned')}</ValidationMessage>}
        </Fieldset>
      </section>

      <section className="check-in-section" aria-labelledby="move-out-keys">
        <Fieldset id={fieldId('returnedKeyIds')}>
          <Fieldset.Legend id="move-out-keys">{t('moveOut.keys')}</Fieldset.Legend>
          <Fieldset.Description>{t('moveOut.keysHint')}</Fieldset.Description>
          {view.heldKeys.length === 0 && <Paragraph data-size="sm">{t('moveOut.noKeysHeld')}</Paragraph>}
          {view.heldKeys.map((k) => (
            <Checkbox
              key={k.id}
              name="returnedKeyIds"
              value={k.id}
              label={t('moveOut.keyReturned', { key: keyLabel(k) })}
              checked={returned.has(k.id)}
              onChange={(e) => {
                const isReturned = e.currentTarget.checked;
                setReturned((s) => {
                  const next = new Set(s);
                  if (isReturned) next.add(k.id);
                  else next.delete(k.id);
                  return next;
                });
              }}
            />
          ))}
          {err('returnedKeyIds') && <ValidationMessage>{err('returnedKeyIds')}</ValidationMessage>}
        </Fieldset>
        <div aria-live="polite">
          {notReturned.length > 0 && (
            <Alert data-color="warning" data-size="sm">
              <Paragraph data-size="sm">{t('moveOut.keysNotReturned', { keys: notReturned.map(keyLabel).join(', ') })}</Paragraph>
            </Alert>
          )}
        </div>
      </section>

      <section className="check-in-section" aria-labelledby="move-out-room" id={fieldId('inventory')} tabIndex={-1}>
        <Heading level={2} data-size="xs" id="move-out-room">
          {t('moveOut.sectionRoom')}
        </Heading>
        <Checkbox
          id={fieldId('roomChecked')}
          name="roomChecked"
          value="yes"
          label={t('moveOut.roomChecked')}
          description={t('moveOut.roomCheckedHint')}
          checked={roomChecked}
          onChange={(e) => setRoomChecked(e.currentTarget.checked)}
          error={err('roomChecked')}
        />
        {err('inventory') && <ValidationMessage>{err('inventory')}</ValidationMessage>}
        {roomChecked && view.inventory.length === 0 && <Paragraph data-size="sm">{t('moveOut.noInventory')}</Paragraph>}
        {roomChecked && view.inventory.length > 0 && (
          <ul className="inventory-lines">
            {view.inventory.map((item) => (
              <li key={item.id} className="inventory-line">
                <span className="board-resident">{item.name}</span>
                <Field>
                  <Label htmlFor={`condition-${item.id}`}>{t('moveOut.conditionFor', { name: item.name })}</Label>
                  <Select id={`condition-${item.id}`} value={conditions[item.id]} onChange={(e) => {
                      const condition = e.currentTarget.value;
                      setConditions((c) => ({ ...c, [item.id]: condition }));
                    }}>
                    {inventoryCondition.options.map((c) => (
                      <Select.Option key={c} value={c}>
                        {t(`stays.condition.${c}`)}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
                <Textfield id={`note-${item.id}`} name={`note-${item.id}`} label={t('moveOut.noteFor', { name: item.name })} autoComplete="off" />
              </li>
            ))}
          </ul>
        )}
        <div aria-live="polite">{damaged.length > 0 && <Paragraph data-size="sm">{t('moveOut.damagedItems', { items: damaged.map((i) => i.name).join(', ') })}</Paragraph>}</div>
        <Textfield id={fieldId('damageNotes')} name="damageNotes" label={t('moveOut.damageNotes')} description={t('moveOut.damageNotesHint')} error={err('damageNotes')} multiline rows={3} />
      </section>

      <section className="check-in-section" aria-labelledby="move-out-help">
        <Heading level={2} data-size="xs" id="move-out-help">
          {t('moveOut.sectionHelp')}
        </Heading>
        <Checkbox id={fieldId('movingHelp')} name="movingHelp" value="yes" label={t('moveOut.movingHelp')} />
        <Textfield id={fieldId('furnitureObtained')} name="furnitureObtained" label={t('moveOut.furnitureObtained')} description={t('moveOut.furnitureObtainedHint')} error={err('furnitureObtained')} autoComplete="off" />
      </section>

      <section className="check-in-section" aria-labelledby="move-out-belongings">
        <Heading level={2} data-size="xs" id="move-out-belongings">
          {t('moveOut.sectionBelongings')}
        </Heading>
        <Paragraph data-size="sm">{t('moveOut.belongingsHint')}</Paragraph>
        {rows.map((row, i) => (
          <div key={row.rowId} className="belongings-row">
            <Textfield
              id={fieldId(`belongings.${i}.description`)}
              name={`belongings-description-${row.rowId}`}
              label={t('moveOut.belongingsRow.description', { n: i + 1 })}
              error={err(`belongings.${i}.description`)}
              autoComplete="off"
            />
            <Textfield
              id={fieldId(`belongings.${i}.location`)}
              name={`belongings-location-${row.rowId}`}
              label={t('moveOut.belongingsRow.location', { n: i + 1 })}
              error={err(`belongings.${i}.location`)}
              autoComplete="off"
            />
            <Textfield
              id={fieldId(`belongings.${i}.keepUntilOn`)}
              name={`belongings-keepUntilOn-${row.rowId}`}
              label={t('moveOut.belongingsRow.keepUntilOn', { n: i + 1 })}
              defaultValue={formatDate(addDays(view.today, DEFAULT_KEEP_DAYS))}
              error={err(`belongings.${i}.keepUntilOn`)}
              inputMode="numeric"
              autoComplete="off"
            />
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => setRows((rs) => rs.filter((r) => r.rowId !== row.rowId))}>
              {t('moveOut.belongingsRow.remove', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setRows((rs) => [...rs, { rowId: nextRow.current++ }])}>
            {t('moveOut.belongingsRow.add')}
          </Button>
        </div>
      </section>

      <div className="row">
        <Button type="submit" disabled={form.submitting}>
          {t('moveOut.submit')}
        </Button>
        <Link asChild>
          <RouterLink to="/">{t('moveOut.backToBoard')}</RouterLink>
        </Link>
      </div>

      <ConfirmDialog
        open={pending !== null}
        title={t('moveOut.confirmTitle', { name: household })}
        body={t('moveOut.confirmBody', {
          date: formatDate(pending?.value.movedOutOn ?? view.today),
          room: view.room.name,
          keys: notReturned.length,
        })}
        confirmLabel={t('moveOut.confirm')}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      />
    </form>
  );
}
