import './stays.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Link, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { api } from '../../../platform/ui/api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { checkInInput, inventoryCondition, keyDoor, type CheckInPreparationOutput, type StayOutput } from '../stays.schema.ts';

/** /innflytting/:offerId — check a household in: date, keys, the inventory list, the house rules. */
export function CheckInPage() {
  const { offerId } = useParams();
  const { t } = useI18n();
  const prep = useApi<CheckInPreparationOutput>(`/api/offers/${offerId}/check-in`);
  const [stay, setStay] = useState<StayOutput | null>(null);

  if (prep.error) return <ErrorAlert error={prep.error} />;
  if (!prep.data) return <Loading />;
  const p = prep.data;
  const household = p.partnerName ? `${p.personName} ${t('stays.and')} ${p.partnerName}` : p.personName;

  return (
    <div className="stack">
      <div>
        <Heading level={1} data-size="lg">
          {t('stays.checkIn.title')}: {household}
        </Heading>
        <Paragraph>{t('stays.checkIn.intro')}</Paragraph>
      </div>
      <dl className="facts">
        <dt>{t('stays.checkIn.household')}</dt>
        <dd>{household}</dd>
        <dt>{t('stays.checkIn.room')}</dt>
        <dd>
          {p.room.name}, {p.room.houseName}
        </dd>
        <dt>{t('stays.checkIn.offerPeriod')}</dt>
        <dd>
          {formatDate(p.fromOn)} – {formatDate(p.plannedEndOn)}
        </dd>
        <dt>{t('stays.checkIn.latestEnd')}</dt>
        <dd>{formatDate(p.latestEndOn)}</dd>
      </dl>
      {stay ? (
        <CheckedIn stay={stay} household={household} />
      ) : p.stayId ? (
        <Alert data-color="info">
          <Paragraph>{t('stays.checkIn.alreadyDone')}</Paragraph>
          <NextSteps stayId={p.stayId} />
        </Alert>
      ) : p.offerStatus !== 'accepted' ? (
        <Alert data-color="warning">{t('stays.checkIn.notAccepted')}</Alert>
      ) : (
        <CheckInForm key={p.houseRules?.id ?? 'none'} prep={p} onDone={setStay} onReload={() => void prep.reload()} />
      )}
    </div>
  );
}

function NextSteps({ stayId }: { stayId: string }) {
  const { t } = useI18n();
  return (
    <div className="row">
      <Button asChild>
        <RouterLink to={`/opphold/${stayId}/avtale`}>{t('stays.checkIn.next')}</RouterLink>
      </Button>
      <Link asChild>
        <RouterLink to="/">{t('stays.checkIn.backToBoard')}</RouterLink>
      </Link>
    </div>
  );
}

function CheckedIn({ stay, household }: { stay: StayOutput; household: string }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Alert data-color="success">
      <Heading level={2} data-size="xs" ref={heading} tabIndex={-1}>
        {t('stays.checkIn.done', { name: household, room: stay.roomName })}
      </Heading>
      <dl className="facts">
        <dt>{t('stays.checkIn.startOn')}</dt>
        <dd>{formatDate(stay.startOn)}</dd>
        <dt>{t('stays.checkIn.keysIssued')}</dt>
        <dd>{stay.keys.map((k) => t('stays.checkIn.keyLabel', { number: k.keyNumber, door: t(`stays.door.${k.door}`) })).join(', ')}</dd>
        <dt>{t('stays.checkIn.limit')}</dt>
        <dd>{formatDate(stay.clock.latestEndOn)}</dd>
      </dl>
      <NextSteps stayId={stay.id} />
    </Alert>
  );
}

interface NewKeyRow {
  rowId: number;
}

function CheckInForm({ prep, onDone, onReload }: { prep: CheckInPreparationOutput; onDone(stay: StayOutput): void; onReload(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(checkInInput);
  const [newKeys, setNewKeys] = useState<NewKeyRow[]>(prep.availableKeys.length === 0 ? [{ rowId: 0 }] : []);
  const nextRow = useRef(1);
  const rules = prep.houseRules;
  const err = (field: string) => form.fieldErrors[field];

  const labels: Record<string, string> = {
    startOn: t('stays.checkIn.startOn'),
    keyIds: t('stays.checkIn.keys'),
    inventory: t('stays.checkIn.inventory'),
    houseRulesAccepted: t('stays.checkIn.houseRules', { version: rules?.version ?? '' }),
    houseRulesVersionId: t('stays.checkIn.houseRules', { version: rules?.version ?? '' }),
  };
  newKeys.forEach((_, i) => {
    labels[`newKeys.${i}.keyNumber`] = t('stays.checkIn.newKeyNumber', { n: i + 1 });
    labels[`newKeys.${i}.door`] = t('stays.checkIn.newKeyDoor', { n: i + 1 });
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    await form.submit(
      {
        startOn: parseDateInput(text('startOn')),
        keyIds: data.getAll('keyIds').map(String),
        newKeys: newKeys.map((row) => ({ keyNumber: text(`newKeyNumber-${row.rowId}`), door: text(`newKeyDoor-${row.rowId}`) })),
        inventory: prep.inventory.map((item) => ({ itemId: item.id, condition: text(`condition-${item.id}`), note: text(`note-${item.id}`) })),
        houseRulesVersionId: rules?.id,
        houseRulesAccepted: data.get('houseRulesAccepted') === 'yes',
      },
      async (value) => onDone(await api.post<StayOutput>(`/api/offers/${prep.offerId}/check-in`, value)),
    );
  }

  const rulesChanged = form.formError?.code === 'stay.house_rules_changed';
  return (
    <form onSubmit={handleSubmit} className="stack" noValidate aria-label={t('stays.checkIn.title')}>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      {rulesChanged && (
        <div>
          <Button type="button" variant="secondary" onClick={onReload}>
            {t('stays.checkIn.rulesChanged')}
          </Button>
        </div>
      )}

      <Textfield
        id={fieldId('startOn')}
        name="startOn"
        label={t('stays.checkIn.startOn')}
        description={t('stays.checkIn.startOnHint')}
        defaultValue={formatDate(prep.today < prep.fromOn ? prep.fromOn : prep.today)}
        error={err('startOn')}
        inputMode="numeric"
        autoComplete="off"
        style={{ maxWidth: '20rem' }}
      />

      <section className="check-in-section" aria-labelledby="check-in-keys">
        <Fieldset id={fieldId('keyIds')} aria-describedby={err('keyIds') ? 'keyIds-error' : undefined}>
          <Fieldset.Legend id="check-in-keys">{t('stays.checkIn.keys')}</Fieldset.Legend>
          <Fieldset.Description>{t('stays.checkIn.keysHint')}</Fieldset.Description>
          {prep.availableKeys.length === 0 && <Paragraph data-size="sm">{t('stays.checkIn.noFreeKeys')}</Paragraph>}
          {prep.availableKeys.map((k) => (
            <Checkbox
              key={k.id}
              id={`key-${k.id}`}
              name="keyIds"
              value={k.id}
              label={t('stays.checkIn.keyLabel', { number: k.keyNumber, door: t(`stays.door.${k.door}`) })}
              aria-invalid={err('keyIds') ? true : undefined}
            />
          ))}
          {err('keyIds') && <ValidationMessage id="keyIds-error">{err('keyIds')}</ValidationMessage>}
        </Fieldset>
        {newKeys.map((row, i) => (
          <div key={row.rowId} className="new-key">
            <Textfield
              id={fieldId(`newKeys.${i}.keyNumber`)}
              name={`newKeyNumber-${row.rowId}`}
              label={t('stays.checkIn.newKeyNumber', { n: i + 1 })}
              error={err(`newKeys.${i}.keyNumber`)}
              autoComplete="off"
            />
            <Field>
              <Label htmlFor={fieldId(`newKeys.${i}.door`)}>{t('stays.checkIn.newKeyDoor', { n: i + 1 })}</Label>
              <Select id={fieldId(`newKeys.${i}.door`)} name={`newKeyDoor-${row.rowId}`} defaultValue="room">
                {keyDoor.options.map((door) => (
                  <Select.Option key={door} value={door}>
                    {t(`stays.doorLabel.${door}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => setNewKeys((rows) => rows.filter((r) => r.rowId !== row.rowId))}>
              {t('stays.checkIn.removeNewKey', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setNewKeys((rows) => [...rows, { rowId: nextRow.current++ }])}>
            {t('stays.checkIn.addNewKey')}
          </Button>
        </div>
      </section>

      <section className="check-in-section" aria-labelledby="check-in-inventory" id={fieldId('inventory')} tabIndex={-1}>
        <Heading level={2} data-size="xs" id="check-in-inventory">
          {t('stays.checkIn.inventory')}
        </Heading>
        <Paragraph data-size="sm">{prep.inventory.length === 0 ? t('stays.checkIn.noInventory') : t('stays.checkIn.inventoryHint')}</Paragraph>
        {err('inventory') && <ValidationMessage>{err('inventory')}</ValidationMessage>}
        <ul className="inventory-lines">
          {prep.inventory.map((item) => (
            <li key={item.id} className="inventory-line">
              <span className="board-resident">{item.name}</span>
              <Field>
                <Label htmlFor={`condition-${item.id}`}>{t('stays.checkIn.conditionFor', { name: item.name })}</Label>
                <Select id={`condition-${item.id}`} name={`condition-${item.id}`} defaultValue={item.condition}>
                  {inventoryCondition.options.map((c) => (
                    <Select.Option key={c} value={c}>
                      {t(`stays.condition.${c}`)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Textfield id={`note-${item.id}`} name={`note-${item.id}`} label={t('stays.checkIn.noteFor', { name: item.name })} autoComplete="off" />
            </li>
          ))}
        </ul>
      </section>

      <section className="check-in-section" aria-labelledby="check-in-rules">
        {rules ? (
          <>
            <Heading level={2} data-size="xs" id="check-in-rules">
              {t('stays.checkIn.houseRules', { version: rules.version })}
            </Heading>
            <ol className="house-rules-text">
              {rules.rules.map((rule, i) => (
                <li key={i}>{rule}</li>
              ))}
            </ol>
            <Checkbox
              id={fieldId('houseRulesAccepted')}
              name="houseRulesAccepted"
              value="yes"
              label={t('stays.checkIn.accept', { version: rules.version })}
              error={err('houseRulesAccepted')}
            />
          </>
        ) : (
          <Alert data-color="warning" id="check-in-rules">
            {t('stays.checkIn.noHouseRules')}
          </Alert>
        )}
      </section>

      <div className="row">
        <Button type="submit" disabled={form.submitting || !rules}>
          {t('stays.checkIn.submit')}
        </Button>
        <Link asChild>
          <RouterLink to="/">{t('stays.checkIn.backToBoard')}</RouterLink>
        </Link>
      </div>
    </form>
  );
}
