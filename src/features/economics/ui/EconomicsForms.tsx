import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Label, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ErrorAlert, FormErrors } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDate, formatMoney, parseDateInput } from '../../../platform/ui/format.ts';
import { parseKroner } from '../../payments/payments.rules.ts';
import { budgetInput, purchaseInput, yearTotalInput, type PurchaseOutput } from '../economics.schema.ts';

const money = (text: string) => (text.trim() === '' ? undefined : (parseKroner(text) ?? text));
const whole = (text: string) => (text.trim() === '' ? undefined : /^\d+$/.test(text.trim()) ? Number(text.trim()) : text);
const id = (form: string, field: string) => `field-${form}-${field}`;
/** The error summary links to `#field-<key>`: the keys get the form's prefix so each link finds its field. */
const prefixed = (form: string, map: Record<string, string>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [`${form}-${k}`, v]));

/** The service lead's entries: the year's budget, a historic yearly total, a purchase, a CSV import; the purchases list. */
export function EconomicsForms({ onSaved }: { onSaved(): void }) {
  const { t } = useI18n();
  const purchases = useApi<PurchaseOutput[]>('/api/economics/purchases');
  const [notice, setNotice] = useState<string | null>(null);
  const saved = (message: string) => {
    setNotice(message);
    onSaved();
    void purchases.reload();
  };

  return (
    <section className="stack" aria-labelledby="economics-entries">
      <Heading level={2} data-size="md" id="economics-entries">
        {t('economics.entries')}
      </Heading>
      {notice && (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      )}
      <div className="grid-2">
        <BudgetForm onSaved={() => saved(t('economics.budgetSaved'))} />
        <YearTotalForm onSaved={() => saved(t('economics.yearTotalSaved'))} />
      </div>
      <PurchaseForm onSaved={() => saved(t('economics.purchaseSaved'))} />
      <ImportForm onSaved={(n) => saved(t('economics.imported', { count: n }))} />
      <Heading level={3} data-size="sm">
        {t('economics.purchases')}
      </Heading>
      {purchases.error && <ErrorAlert error={purchases.error} />}
      {purchases.data && purchases.data.length === 0 && <Paragraph>{t('economics.noPurchases')}</Paragraph>}
      {purchases.data && purchases.data.length > 0 && (
        <TableScroll label={t('economics.purchases')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('economics.purchasedOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economics.provider')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economics.household')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economics.nights')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economics.amount')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {purchases.data.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{formatDate(p.purchasedOn)}</Table.Cell>
                  <Table.Cell>{p.provider}</Table.Cell>
                  <Table.Cell>{p.personName ?? p.household ?? '–'}</Table.Cell>
                  <Table.Cell>{p.nights}</Table.Cell>
                  <Table.Cell className="payments-amount">{formatMoney(p.amountOre)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

function BudgetForm({ onSaved }: { onSaved(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(budgetInput);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const labels = { year: t('economics.year'), amountOre: t('economics.budgetAmount'), note: t('economics.note') };
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (await form.submit({ year: whole(year), amountOre: money(amount), note }, async (v) => void (await api.put('/api/economics/budgets', v)))) onSaved();
  }
  return (
    <form className="payments-form" onSubmit={submit} noValidate aria-labelledby="budget-title">
      <Heading level={3} data-size="xs" id="budget-title">
        {t('economics.budgetTitle')}
      </Heading>
      <FormErrors fields={prefixed('budget', form.fieldErrors)} labels={prefixed('budget', labels)} message={form.formError?.message} />
      <Textfield id={id('budget', 'year')} label={labels.year} value={year} onChange={(e) => setYear(e.target.value)} error={form.fieldErrors.year} inputMode="numeric" />
      <Textfield id={id('budget', 'amountOre')} label={labels.amountOre} description={t('payments.amountHint')} value={amount} onChange={(e) => setAmount(e.target.value)} error={form.fieldErrors.amountOre} inputMode="decimal" />
      <Textfield id={id('budget', 'note')} label={labels.note} value={note} onChange={(e) => setNote(e.target.value)} error={form.fieldErrors.note} />
      <div>
        <Button type="submit" disabled={form.submitting}>
          {t('economics.saveBudget')}
        </Button>
      </div>
    </form>
  );
}

function YearTotalForm({ onSaved }: { onSaved(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(yearTotalInput);
  const [year, setYear] = useState('');
  const [amount, setAmount] = useState('');
  const [households, setHouseholds] = useState('');
  const [over3, setOver3] = useState('');
  const labels = { year: t('economics.year'), amountOre: t('economics.yearTotalAmount'), households: t('economics.households'), householdsOverThreeMonths: t('economics.householdsOver3') };
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = { year: whole(year), amountOre: money(amount), households: whole(households), householdsOverThreeMonths: whole(over3) };
    if (await form.submit(value, async (v) => void (await api.put('/api/economics/external-year-totals', v)))) onSaved();
  }
  return (
    <form className="payments-form" onSubmit={submit} noValidate aria-labelledby="year-total-title">
      <Heading level={3} data-size="xs" id="year-total-title">
        {t('economics.yearTotalTitle')}
      </Heading>
      <FormErrors fields={prefixed('total', form.fieldErrors)} labels={prefixed('total', labels)} message={form.formError?.message} />
      <Textfield id={id('total', 'year')} label={labels.year} value={year} onChange={(e) => setYear(e.target.value)} error={form.fieldErrors.year} inputMode="numeric" />
      <Textfield id={id('total', 'amountOre')} label={labels.amountOre} description={t('payments.amountHint')} value={amount} onChange={(e) => setAmount(e.target.value)} error={form.fieldErrors.amountOre} inputMode="decimal" />
      <div className="grid-2">
        <Textfield id={id('total', 'households')} label={labels.households} value={households} onChange={(e) => setHouseholds(e.target.value)} error={form.fieldErrors.households} inputMode="numeric" />
        <Textfield id={id('total', 'householdsOverThreeMonths')} label={labels.householdsOverThreeMonths} value={over3} onChange={(e) => setOver3(e.target.value)} error={form.fieldErrors.householdsOverThreeMonths} inputMode="numeric" />
      </div>
      <div>
        <Button type="submit" disabled={form.submitting}>
          {t('economics.saveYearTotal')}
        </Button>
      </div>
    </form>
  );
}

function PurchaseForm({ onSaved }: { onSaved(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(purchaseInput);
  const [purchasedOn, setPurchasedOn] = useState('');
  const [provider, setProvider] = useState('');
  const [household, setHousehold] = useState('');
  const [nights, setNights] = useState('');
  const [amount, setAmount] = useState('');
  const labels = { purchasedOn: t('economics.purchasedOn'), provider: t('economics.provider'), household: t('economics.householdOptional'), nights: t('economics.nights'), amountOre: t('economics.amount') };
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = { purchasedOn: parseDateInput(purchasedOn), provider, household, nights: whole(nights), amountOre: money(amount) };
    if (await form.submit(value, async (v) => void (await api.post('/api/economics/purchases', v)))) onSaved();
  }
  return (
    <form className="payments-form" onSubmit={submit} noValidate aria-labelledby="purchase-title">
      <Heading level={3} data-size="xs" id="purchase-title">
        {t('economics.purchaseTitle')}
      </Heading>
      <FormErrors fields={prefixed('purchase', form.fieldErrors)} labels={prefixed('purchase', labels)} message={form.formError?.message} />
      <div className="grid-2">
        <Textfield id={id('purchase', 'purchasedOn')} label={labels.purchasedOn} description={t('payments.dateHint')} value={purchasedOn} onChange={(e) => setPurchasedOn(e.target.value)} error={form.fieldErrors.purchasedOn} inputMode="numeric" />
        <Textfield id={id('purchase', 'provider')} label={labels.provider} value={provider} onChange={(e) => setProvider(e.target.value)} error={form.fieldErrors.provider} />
        <Textfield id={id('purchase', 'nights')} label={labels.nights} value={nights} onChange={(e) => setNights(e.target.value)} error={form.fieldErrors.nights} inputMode="numeric" />
        <Textfield id={id('purchase', 'amountOre')} label={labels.amountOre} description={t('payments.amountHint')} value={amount} onChange={(e) => setAmount(e.target.value)} error={form.fieldErrors.amountOre} inputMode="decimal" />
      </div>
      <Textfield id={id('purchase', 'household')} label={labels.household} description={t('economics.householdHint')} value={household} onChange={(e) => setHousehold(e.target.value)} error={form.fieldErrors.household} />
      <div>
        <Button type="submit" disabled={form.submitting}>
          {t('economics.savePurchase')}
        </Button>
      </div>
    </form>
  );
}

function ImportForm({ onSaved }: { onSaved(count: number): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    if (!file) return setError(new ApiError(400, { message: t('economics.chooseFile') }));
    setBusy(true);
    try {
      const r = await api.post<{ imported: number }>('/api/economics/purchases/import', { csv: await file.text() });
      onSaved(r.imported);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="payments-form" onSubmit={submit} noValidate aria-labelledby="import-title">
      <Heading level={3} data-size="xs" id="import-title">
        {t('economics.importTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('economics.importHint')}</Paragraph>
      {error && (
        <Alert data-color="danger" role="alert">
          {error.message}
          {Object.keys(error.fields).length > 0 && (
            <ul>
              {Object.entries(error.fields).map(([line, message]) => (
                <li key={line}>
                  {line.replace(/^line/, t('economics.line'))}: {message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <div>
        <Label htmlFor="purchases-file">{t('economics.file')}</Label>
        <input id="purchases-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          {t('economics.import')}
        </Button>
      </div>
    </form>
  );
}
