import './agreements.css';
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Details, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../../platform/ui/Feedback.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { formatDateTime } from '../../../platform/ui/format.ts';
import { publishHouseRulesInput, type HouseRulesVersionOutput } from '../agreements.schema.ts';

const day = (iso: string) => formatDateTime(iso).slice(0, 10);

function RulesList({ rules }: { rules: string[] }) {
  return (
    <ol className="house-rules-list">
      {rules.map((r, i) => (
        <li key={i}>{r}</li>
      ))}
    </ol>
  );
}

/** The service lead writes the next version; publishing never changes an earlier one. */
function HouseRulesEditor(props: { current: HouseRulesVersionOutput | undefined; onPublished(v: HouseRulesVersionOutput): void; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(publishHouseRulesInput);
  const [rules, setRules] = useState<string[]>(props.current?.rules ?? ['']);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  const next = (props.current?.version ?? 0) + 1;
  const labels: Record<string, string> = { rules: t('houseRules.title'), ...Object.fromEntries(rules.map((_, i) => [`rules.${i}`, t('houseRules.rule', { number: i + 1 })])) };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await form.submit({ rules }, async (value) => props.onPublished(await api.post<HouseRulesVersionOutput>('/api/house-rules', value)));
  }

  return (
    <form onSubmit={handleSubmit} className="stack form-panel no-print" noValidate aria-labelledby="house-rules-form-title">
      <Heading level={2} data-size="sm" id="house-rules-form-title">
        {t('houseRules.editTitle')}
      </Heading>
      <Paragraph>{t('houseRules.editIntro', { version: next })}</Paragraph>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <ol className="editor-list" id={fieldId('rules')} tabIndex={-1}>
        {rules.map((rule, i) => (
          <li key={i} className="editor-single">
            <Textfield
              id={fieldId(`rules.${i}`)}
              label={t('houseRules.rule', { number: i + 1 })}
              value={rule}
              onChange={(e) => setRules(rules.map((r, j) => (j === i ? e.target.value : r)))}
              error={form.fieldErrors[`rules.${i}`]}
              multiline
              rows={2}
            />
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              onClick={() => {
                setRules(rules.filter((_, j) => j !== i));
                setFocusTarget('add-rule');
              }}
            >
              {t('houseRules.removeRule', { number: i + 1 })}
            </Button>
          </li>
        ))}
      </ol>
      <div>
        <Button
          id="add-rule"
          type="button"
          variant="secondary"
          data-size="sm"
          disabled={rules.length >= 40}
          onClick={() => {
            setRules([...rules, '']);
            setFocusTarget(fieldId(`rules.${rules.length}`));
          }}
        >
          {t('houseRules.addRule')}
        </Button>
      </div>
      <div className="agreement-actions">
        <Button type="submit" disabled={form.submitting}>
          {t('houseRules.publish', { version: next })}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Husordensregler: the current version (printable), every earlier version, and for the lead a new version. */
export function HouseRulesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const versions = useApi<HouseRulesVersionOutput[]>('/api/house-rules/versions');
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const [printVersion, setPrintVersion] = useState<number | null>(null);

  // Printing an earlier version: render it as the page, print, then go back.
  useEffect(() => {
    if (printVersion === null) return;
    const done = () => setPrintVersion(null);
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printVersion]);

  if (versions.error) return <ErrorAlert error={versions.error} />;
  if (!versions.data) return <Loading />;
  const all = versions.data;
  const current = all[0];
  const shown = printVersion !== null ? all.find((v) => v.version === printVersion) : current;
  const published = (v: HouseRulesVersionOutput) =>
    v.publishedByName ? t('houseRules.publishedBy', { date: day(v.publishedAt), name: v.publishedByName }) : t('houseRules.published', { date: day(v.publishedAt) });

  return (
    <div className="stack">
      <div className="agreement-head">
        <Heading level={1} data-size="lg">
          {t('houseRules.title')}
        </Heading>
        <div className="agreement-actions no-print">
          {current && (
            <Button variant="secondary" onClick={() => window.print()}>
              {t('app.print')}
            </Button>
          )}
          {can('house_rules:write') && !editing && (
            <Button id="edit-house-rules" onClick={() => setEditing(true)}>
              {t('houseRules.edit')}
            </Button>
          )}
        </div>
      </div>
      <Paragraph className="no-print">{t('houseRules.intro')}</Paragraph>
      <div role="status" aria-live="polite" className="no-print">
        {status && <Alert data-color="success">{status}</Alert>}
      </div>

      {editing && (
        <HouseRulesEditor
          current={current}
          onCancel={() => setEditing(false)}
          onPublished={(v) => {
            versions.setData([v, ...all]);
            setEditing(false);
            setStatus(t('houseRules.publishedStatus', { version: v.version }));
          }}
        />
      )}

      {!shown && <Paragraph>{t('houseRules.none')}</Paragraph>}
      {shown && (
        <section className="stack" aria-labelledby="house-rules-current">
          <div>
            <Heading level={2} data-size="md" id="house-rules-current">
              {shown === current ? t('houseRules.current', { version: shown.version }) : t('houseRules.versionSummary', { version: shown.version, date: day(shown.publishedAt) })}
            </Heading>
            <Paragraph data-size="sm" className="muted">
              {published(shown)}
            </Paragraph>
          </div>
          <RulesList rules={shown.rules} />
        </section>
      )}

      {all.length > 0 && (
        <section className="stack no-print" aria-labelledby="house-rules-history">
          <Heading level={2} data-size="sm" id="house-rules-history">
            {t('houseRules.history')}
          </Heading>
          <Paragraph>{t('houseRules.historyIntro')}</Paragraph>
          <ul className="version-list">
            {all.map((v) => (
              <li key={v.id}>
                <Details>
                  <Details.Summary>
                    {t('houseRules.versionSummary', { version: v.version, date: day(v.publishedAt) })}
                    {v === current && (
                      <>
                        {' '}
                        <Tag data-size="sm" data-color="info">
                          {t('houseRules.currentTag')}
                        </Tag>
                      </>
                    )}
                  </Details.Summary>
                  <Details.Content>
                    <div className="stack">
                      <Paragraph data-size="sm" className="muted">
                        {published(v)}
                      </Paragraph>
                      <RulesList rules={v.rules} />
                      <div>
                        <Button variant="secondary" data-size="sm" onClick={() => setPrintVersion(v.version)}>
                          {t('houseRules.printVersion', { version: v.version })}
                        </Button>
                      </div>
                    </div>
                  </Details.Content>
                </Details>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
