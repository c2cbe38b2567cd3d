import { useState, type FormEvent } from 'react';
import { Button, Field, Heading, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { parseKroner } from '../payments.rules.ts';
import { paymentInput, type PaymentOutput } from '../payments.schema.ts';

export const paymentMethods = ['bank_transfer', 'card', 'cash', 'nav_direct', 'other'] as const;

/** Register a payment: date, amount in kroner, method and reference. */
export function PaymentForm(props: { personId: string; today: string; onSaved(p: PaymentOutput): void; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(paymentInput);
  const [paidOn, setPaidOn] = useState(formatDate(props.today));
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<(typeof paymentMethods)[number]>('bank_transfer');
  const [reference, setReference] = useState('');
  const labels: Record<string, string> = {
    paidOn: t('payments.payment.paidOn'),
    amountOre: t('payments.payment.amount'),
    method: t('payments.payment.method'),
    reference: t('payments.payment.reference'),
  };
  const err = (f: string) => form.fieldErrors[f];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = { paidOn: parseDateInput(paidOn), amountOre: amount.trim() === '' ? undefined : (parseKroner(amount) ?? amount), method, reference };
    await form.submit(value, async (parsed) => props.onSaved(await api.post<PaymentOutput>(`/api/people/${props.personId}/payments`, parsed)));
  }

  return (
    <form className="payments-form" onSubmit={handleSubmit} noValidate aria-labelledby="payment-form-title">
      <Heading level={3} data-size="xs" id="payment-form-title">
        {t('payments.payment.formTitle')}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <div className="grid-2">
        <Textfield id={fieldId('paidOn')} label={labels.paidOn} description={t('payments.dateHint')} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} error={err('paidOn')} inputMode="numeric" autoComplete="off" />
        <Textfield id={fieldId('amountOre')} label={labels.amountOre} description={t('payments.amountHint')} value={amount} onChange={(e) => setAmount(e.target.value)} error={err('amountOre')} inputMode="decimal" autoComplete="off" />
      </div>
      <div className="grid-2">
        <Field>
          <Label htmlFor={fieldId('method')}>{labels.method}</Label>
          <Select id={fieldId('method')} value={method} onChange={(e) => setMethod(e.target.value as (typeof paymentMethods)[number])}>
            {paymentMethods.map((m) => (
              <Select.Option key={m} value={m}>
                {t(`payments.method.${m}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield id={fieldId('reference')} label={labels.reference} value={reference} onChange={(e) => setReference(e.target.value)} error={err('reference')} autoComplete="off" />
      </div>
      <div className="row">
        <Button type="submit" disabled={form.submitting}>
          {t('payments.payment.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={props.onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
