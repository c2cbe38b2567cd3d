import './agreements.css';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, FormErrors, Loading } from '../../../platform/ui/Feedback.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { formatDateTime } from '../../../platform/ui/format.ts';
import { agreementTemplateContent, type AgreementTemplateOutput } from '../agreements.schema.ts';
import { AgreementSectionsEditor, fromEditable, sectionLabels, toEditable, type EditableContent } from './AgreementSectionsEditor.tsx';
import { AgreementSectionsView } from './AgreementSectionsView.tsx';

const day = (iso: string) => formatDateTime(iso).slice(0, 10);

function TemplateForm({ template, onSaved }: { template: AgreementTemplateOutput; onSaved(saved: AgreementTemplateOutput): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(agreementTemplateContent);
  const [value, setValue] = useState<EditableContent>(() => toEditable(template.content));
  const next = template.version + 1;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await form.submit(fromEditable(value, false), async (content) => onSaved(await api.post<AgreementTemplateOutput>('/api/agreement-template', content)));
  }

  return (
    <form onSubmit={handleSubmit} className="stack" noValidate aria-label={t('agreements.templateTitle')}>
      <FormErrors fields={form.fieldErrors} labels={sectionLabels(t, value)} message={form.formError?.message} />
      <AgreementSectionsEditor value={value} onChange={setValue} errors={form.fieldErrors} withConsentDates={false} />
      <div className="agreement-actions">
        <Button type="submit" disabled={form.submitting}>
          {t('agreements.templateSave', { version: next })}
        </Button>
      </div>
    </form>
  );
}

/** The agreement template (avtalemal): the lead edits it; each save is a new version. */
export function AgreementTemplatePage() {
  const { t } = useI18n();
  const current = useApi<AgreementTemplateOutput>('/api/agreement-template');
  const versions = useApi<AgreementTemplateOutput[]>('/api/agreement-template/versions');
  const [status, setStatus] = useState('');

  if (current.error) return <ErrorAlert error={current.error} />;
  if (!current.data) return <Loading />;
  const tpl = current.data;

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('agreements.templateTitle')}
      </Heading>
      <Paragraph>{t('agreements.templateIntro')}</Paragraph>
      <div role="status" aria-live="polite">
        {status && <Alert data-color="success">{status}</Alert>}
      </div>
      <Paragraph>
        {tpl.id === null
          ? t('agreements.templateNone')
          : tpl.createdByName
            ? t('agreements.templateCurrent', { version: tpl.version, date: day(tpl.createdAt!), name: tpl.createdByName })
            : t('agreements.templateCurrentNoName', { version: tpl.version, date: day(tpl.createdAt!) })}
      </Paragraph>
      {/* The key renews the form after a save, so it starts from the saved version. */}
      <TemplateForm
        key={tpl.version}
        template={tpl}
        onSaved={(saved) => {
          current.setData(saved);
          versions.setData((list) => [saved, ...(list ?? [])]);
          setStatus(t('agreements.templateSaved', { version: saved.version }));
          window.scrollTo({ top: 0 });
        }}
      />
      {versions.data && versions.data.length > 1 && (
        <section className="stack" aria-labelledby="template-versions">
          <Heading level={2} data-size="sm" id="template-versions">
            {t('agreements.templateVersions')}
          </Heading>
          <ul className="version-list">
            {versions.data.slice(1).map((v) => (
              <li key={v.id}>
                <Details>
                  <Details.Summary>{t('agreements.templateVersionSummary', { version: v.version, date: day(v.createdAt!) })}</Details.Summary>
                  <Details.Content>
                    <AgreementSectionsView content={v.content} />
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
