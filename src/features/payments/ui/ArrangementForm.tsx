import { useState, type FormEvent } from 'react';
import { Button, Field, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { parseKroner } from '../payments.rules.ts';
import { arrangementInput, type ArrangementOutput } from '../payments.schema.ts';

type Kind = 'full' | 'reduced' | 'none';

/** Decide a payment arrangement from a date: full price, reduced (amount, reason, assessor) or none (NAV reference). */
export function ArrangementForm(props: { personId: string; today: string; onSaved(a: ArrangementOutput): void; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(arrangementInput);
  const [kind, setKind] = useState<Kind>('reduced');
  const [validFrom, setValidFrom] = useState(formatDate(props.today));
  const [decidedOn, setDecidedOn] = useState(formatDate(props.today));
  const [amount, setAmount] = useState('');
  const [per, setPer] = useState<'night' | 'month'>('month');
  const [reason, setReason] = useState('');
  const [assessedBy, setAssessedBy] = useState('');
  const [navReference, setNavReference] = useState('');
  const labels: Record<string, string> = {
    kind: t('payments.arrangement.kind'),
    validFrom: t('payments.arrangement.validFrom'),
    decidedOn: t('payments.arrangement.decidedOn'),
    amountOre: t('payments.arrangement.amount'),
    per: t('payments.arrangement.per'),
    reason: t('payments.arrangement.reason'),
    assessedBy: t('payments.arrangement.assessedBy'),
    navDecisionReference: t('payments.arrangement.navReference'),
  };
  const err = (f: string) => form.fieldErrors[f];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = {
      kind,
      validFrom: parseDateInput(validFrom),
      decidedOn: parseDateInput(decidedOn),
      ...(kind === 'reduced' ? { amountOre: amount.trim() === '' ? undefined : (parseKroner(amount) ?? amount), per, assessedBy } : {}),
      reason,
      ...(kind === 'none' ? { navDecisionReference: navReference } : {}),
    };
    await form.submit(value, async (parsed) => props.onSaved(await api.post<ArrangementOutput>(`/api/people/${props.personId}/payment-arrangements`, parsed)));
  }

  return (
    <form className="payments-form" onSubmit={handleSubmit} noValidate aria-labelledby="arrangement-form-title">
      <Heading level={3} data-size="xs" id="arrangement-form-title">
        {t('payments.arrangement.formTitle')}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <Field>
        <Label htmlFor={fieldId('kind')}>{labels.kind}</Label>
        <Select id={fieldId('kind')} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <Select.Option value="full">{t('payments.kind.full')}</Select.Option>
          <Select.Option value="reduced">{t('payments.kind.reduced')}</Select.Option>
          <Select.Option value="none">{t('payments.kind.none')}</Select.Option>
        </Select>
      </Field>
      <div className="grid-2">
        <Textfield id={fieldId('validFrom')} label={labels.validFrom} description={t('payments.dateHint')} value={validFrom} onChange={(e) => setValidFrom(e.target.value)} error={err('validFrom')} inputMode="numeric" autoComplete="off" />
        <Textfield id={fieldId('decidedOn')} label={labels.decidedOn} description={t('payments.dateHint')} value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} error={err('decidedOn')} inputMode="numeric" autoComplete="off" />
      </div>
      {kind === 'reduced' && (
        <>
          <div className="grid-2">
            <Textfield id={fieldId('amountOre')} label={labels.amountOre} description={t('payments.amountHint')} value={amount} onChange={(e) => setAmount(e.target.value)} error={err('amountOre')} inputMode="decimal" autoComplete="off" />
            <Field>
              <Label htmlFor={fieldId('per')}>{labels.per}</Label>
              <Select id={fieldId('per')} value={per} onChange={(e) => setPer(e.target.value as 'night' | 'month')}>
                <Select.Option value="month">{t('payments.per.month')}</Select.Option>
                <Select.Option value="night">{t('payments.per.night')}</Select.Option>
              </Select>
              {err('per') && <ValidationMessage>{err('per')}</ValidationMessage>}
            </Field>
          </div>
          <Textfield id={fieldId('assessedBy')} label={labels.assessedBy} description={t('payments.arrangement.assessedByHint')} value={assessedBy} onChange={(e) => setAssessedBy(e.target.value)} error={err('assessedBy')} />
        </>
      )}
      {kind === 'none' && (
        <Textfield id={fieldId('navDecisionReference')} label={labels.navDecisionReference} description={t('payments.arrangement.navReferenceHint')} value={navReference} onChange={(e) => setNavReference(e.target.value)} error={err('navDecisionReference')} />
      )}
      <Textfield id={fieldId('reason')} label={labels.reason} value={reason} onChange={(e) => setReason(e.target.value)} error={err('reason')} multiline rows={2} />
      <div className="row">
        <Button type="submit" disabled={form.submitting}>
          {t('payments.arrangement.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={props.onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
