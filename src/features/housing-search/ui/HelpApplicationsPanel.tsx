import type { FormEvent } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatMoney, parseDateInput } from '../../../platform/ui/format.ts';
import { kronerText } from '../housing-search.rules.ts';
import {
  helpApplicationInput,
  helpApplicationKind,
  helpApplicationStatus,
  updateHelpApplicationInput,
  type HelpApplicationOutput,
} from '../housing-search.schema.ts';
import { HelpStatusTag } from './StatusTags.tsx';
import type { FormSwitch } from './HousingSearchSection.tsx';

/**
 * Applications for help: municipal housing (Boligkontoret), NAV (deposit guarantee, furniture/start-up
 * grant, financial assistance), Husbanken (housing allowance, start-up loan); status, dates, amount.
 */
export function HelpApplicationsPanel(props: { personId: string; helpApplications: HelpApplicationOutput[]; canWrite: boolean; forms: FormSwitch }) {
  const { t } = useI18n();
  const { forms } = props;
  return (
    <div className="hs-section">
      <div className="hs-head">
        <Heading level={3} data-size="sm">
          {t('housingSearch.helpTitle')}
        </Heading>
        {props.canWrite && forms.open !== 'help' && (
          <Button variant="secondary" data-size="sm" onClick={() => forms.setOpen('help')}>
            {t('housingSearch.newHelpApplication')}
          </Button>
        )}
      </div>
      {forms.open === 'help' && <HelpApplicationForm personId={props.personId} forms={forms} />}
      {props.helpApplications.length === 0 ? (
        <Paragraph>{t('housingSearch.noHelpApplications')}</Paragraph>
      ) : (
        <ul className="hs-list">
          {props.helpApplications.map((h) => (
            <li key={h.id} className="hs-card">
              <div className="hs-card-head">
                <Heading level={4} data-size="2xs">
                  {t(`housingSearch.helpKind.${h.kind}`)}
                </Heading>
                <HelpStatusTag status={h.status} />
              </div>
              <p className="hs-muted">
                {[
                  h.appliedOn ? t('housingSearch.appliedOnText', { date: formatDate(h.appliedOn) }) : null,
                  h.decidedOn ? t('housingSearch.decidedOnText', { date: formatDate(h.decidedOn) }) : null,
                  h.amountOre !== null ? t('housingSearch.amountText', { amount: formatMoney(h.amountOre) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ') || t('housingSearch.notSentYet')}
              </p>
              {h.notes && <p>{h.notes}</p>}
              {props.canWrite && forms.open !== `help:${h.id}` && (
                <div className="hs-actions">
                  <Button variant="tertiary" data-size="sm" onClick={() => forms.setOpen(`help:${h.id}`)} aria-label={t('housingSearch.updateHelpFor', { kind: t(`housingSearch.helpKind.${h.kind}`) })}>
                    {t('housingSearch.updateHelp')}
                  </Button>
                </div>
              )}
              {forms.open === `help:${h.id}` && <HelpApplicationForm personId={props.personId} application={h} forms={forms} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function HelpApplicationForm({ personId, application: h, forms }: { personId: string; application?: HelpApplicationOutput; forms: FormSwitch }) {
  const { t } = useI18n();
  const form = useSchemaForm(h ? updateHelpApplicationInput : helpApplicationInput);
  const labels = {
    kind: t('housingSearch.helpKind'),
    status: t('housingSearch.status'),
    appliedOn: t('housingSearch.appliedOn'),
    decidedOn: t('housingSearch.decidedOn'),
    amount: t('housingSearch.amount'),
    notes: t('housingSearch.notes'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const fields = {
      status: text('status'),
      appliedOn: parseDateInput(text('appliedOn')),
      decidedOn: parseDateInput(text('decidedOn')),
      amount: text('amount'),
      notes: text('notes'),
    };
    const raw = h ? fields : { kind: text('kind'), ...fields };
    await form.submit(raw, async () => {
      if (h) await api.put(`/api/help-applications/${h.id}`, raw);
      else await api.post(`/api/people/${personId}/help-applications`, raw);
      await forms.done(h ? t('housingSearch.helpSaved') : t('housingSearch.helpRegistered'));
    });
  }

  const err = (field: string) => form.fieldErrors[field];
  return (
    <form onSubmit={handleSubmit} className={h ? 'hs-subform' : 'hs-panel'} noValidate aria-label={h ? t('housingSearch.updateHelp') : t('housingSearch.newHelpApplication')}>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <div className="grid-2">
        {!h && (
          <Field>
            <Label htmlFor={fieldId('kind')}>{labels.kind}</Label>
            <Select id={fieldId('kind')} name="kind" defaultValue="municipal_housing" aria-invalid={err('kind') ? true : undefined}>
              {helpApplicationKind.options.map((k) => (
                <Select.Option key={k} value={k}>
                  {t(`housingSearch.helpKind.${k}`)}
                </Select.Option>
              ))}
            </Select>
            {err('kind') && <ValidationMessage>{err('kind')}</ValidationMessage>}
          </Field>
        )}
        <Field>
          <Label htmlFor={fieldId('status')}>{labels.status}</Label>
          <Select id={fieldId('status')} name="status" defaultValue={h?.status ?? 'planned'}>
            {helpApplicationStatus.options.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`housingSearch.helpStatus.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          id={fieldId('appliedOn')}
          name="appliedOn"
          label={labels.appliedOn}
          description={t('housingSearch.dateHint')}
          defaultValue={h?.appliedOn ? formatDate(h.appliedOn) : ''}
          error={err('appliedOn')}
          inputMode="numeric"
          autoComplete="off"
        />
        <Textfield
          id={fieldId('decidedOn')}
          name="decidedOn"
          label={labels.decidedOn}
          description={t('housingSearch.dateHint')}
          defaultValue={h?.decidedOn ? formatDate(h.decidedOn) : ''}
          error={err('decidedOn')}
          inputMode="numeric"
          autoComplete="off"
        />
        <Textfield
          id={fieldId('amount')}
          name="amount"
          label={labels.amount}
          description={t('housingSearch.kronerHint')}
          defaultValue={h?.amountOre != null ? kronerText(h.amountOre) : ''}
          error={err('amount')}
          inputMode="decimal"
          autoComplete="off"
        />
      </div>
      <Textfield id={fieldId('notes')} name="notes" multiline rows={2} label={labels.notes} defaultValue={h?.notes ?? ''} error={err('notes')} />
      <div className="hs-actions">
        <Button type="submit" disabled={form.submitting}>
          {h ? t('app.save') : t('housingSearch.registerHelp')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => forms.setOpen(null)}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
