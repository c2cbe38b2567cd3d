import { useEffect, useState, type ChangeEvent } from 'react';
import { Button, Fieldset, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import type { MessageKey } from '../../../platform/i18n/catalogue.ts';
import type { AgreementContent, AgreementTemplateContent } from '../agreements.schema.ts';

/** What the form holds: the sections, with consent dates as typed (dd.mm.yyyy). */
export interface EditableContent {
  introduction: string;
  goals: string[];
  followUpPlan: { what: string; who: string; frequency: string }[];
  services: { name: string; purpose: string }[];
  consents: { party: string; purpose: string; untilOn: string }[];
  paymentTerms: string;
  houseRulesText: string;
}

export function toEditable(content: AgreementTemplateContent | AgreementContent): EditableContent {
  return {
    ...content,
    goals: [...content.goals],
    followUpPlan: content.followUpPlan.map((f) => ({ ...f })),
    services: content.services.map((s) => ({ ...s })),
    consents: content.consents.map((c) => ({ party: c.party, purpose: c.purpose, untilOn: 'untilOn' in c ? formatDate(c.untilOn) : '' })),
  };
}

/** The value sent to the API: consent dates to ISO for an agreement, left out for the template. */
export function fromEditable(value: EditableContent, withConsentDates: boolean) {
  return {
    ...value,
    consents: value.consents.map((c) =>
      withConsentDates ? { party: c.party, purpose: c.purpose, untilOn: parseDateInput(c.untilOn) } : { party: c.party, purpose: c.purpose },
    ),
  };
}

interface RowField<R> {
  key: keyof R & string;
  label: MessageKey;
  multiline?: boolean;
  rows?: number;
  date?: boolean;
}

/**
 * The editable sections of an agreement or its template. Every input has a label; each line can be
 * removed and new lines added; the keyboard lands in a new line's first field.
 */
export function AgreementSectionsEditor(props: { value: EditableContent; onChange(next: EditableContent): void; errors: Record<string, string>; withConsentDates: boolean }) {
  const { t } = useI18n();
  const { value, onChange, errors } = props;
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const set = <K extends keyof EditableContent>(key: K, next: EditableContent[K]) => onChange({ ...value, [key]: next });

  function rowList<K extends 'followUpPlan' | 'services' | 'consents'>(
    key: K,
    fields: RowField<EditableContent[K][number]>[],
    labels: { line: MessageKey; add: MessageKey; remove: MessageKey },
    empty: EditableContent[K][number],
  ) {
    const rows = value[key] as EditableContent[K][number][];
    const update = (index: number, field: string, text: string) =>
      set(key, rows.map((r, i) => (i === index ? { ...r, [field]: text } : r)) as EditableContent[K]);
    return (
      <>
        {errors[key] && <ValidationMessage>{errors[key]}</ValidationMessage>}
        <ol className="editor-list">
          {rows.map((row, i) => (
            <li key={i} className="editor-row">
              <div className="editor-row-head">
                <span id={`${key}-${i}-label`}>{t(labels.line, { number: i + 1 })}</span>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => {
                    set(key, rows.filter((_, j) => j !== i) as EditableContent[K]);
                    setFocusTarget(`add-${key}`);
                  }}
                >
                  {t(labels.remove, { number: i + 1 })}
                </Button>
              </div>
              <div className="editor-row-fields">
                {fields.map((f) => {
                  const path = `${key}.${i}.${f.key}`;
                  return (
                    <Textfield
                      key={f.key}
                      id={fieldId(path)}
                      label={t(f.label)}
                      description={f.date ? t('agreements.dateHint') : undefined}
                      value={String((row as Record<string, string>)[f.key] ?? '')}
                      onChange={(e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => update(i, f.key, e.target.value)}
                      error={errors[path]}
                      multiline={f.multiline}
                      rows={f.multiline ? (f.rows ?? 2) : undefined}
                      inputMode={f.date ? 'numeric' : undefined}
                      autoComplete="off"
                      aria-describedby={`${key}-${i}-label`}
                    />
                  );
                })}
              </div>
            </li>
          ))}
        </ol>
        <div>
          <Button
            id={`add-${key}`}
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => {
              set(key, [...rows, empty] as EditableContent[K]);
              setFocusTarget(fieldId(`${key}.${rows.length}.${fields[0]!.key}`));
            }}
          >
            {t(labels.add)}
          </Button>
        </div>
      </>
    );
  }

  const consentFields: RowField<EditableContent['consents'][number]>[] = [
    { key: 'party', label: 'agreements.consent.party', multiline: true },
    { key: 'purpose', label: 'agreements.consent.purpose', multiline: true, rows: 3 },
    ...(props.withConsentDates ? [{ key: 'untilOn' as const, label: 'agreements.consent.untilOn' as const, date: true }] : []),
  ];

  return (
    <div className="agreement-editor">
      <Textfield
        id={fieldId('introduction')}
        label={t('agreements.section.introduction')}
        description={t('agreements.section.introductionHint')}
        value={value.introduction}
        onChange={(e) => set('introduction', e.target.value)}
        error={errors.introduction}
        multiline
        rows={5}
      />

      <Fieldset>
        <Fieldset.Legend>{t('agreements.section.goals')}</Fieldset.Legend>
        {errors.goals && <ValidationMessage id={fieldId('goals')}>{errors.goals}</ValidationMessage>}
        <ol className="editor-list">
          {value.goals.map((goal, i) => (
            <li key={i} className="editor-single">
              <Textfield
                id={fieldId(`goals.${i}`)}
                label={t('agreements.goal', { number: i + 1 })}
                value={goal}
                onChange={(e) => set('goals', value.goals.map((g, j) => (j === i ? e.target.value : g)))}
                error={errors[`goals.${i}`]}
                multiline
                rows={3}
              />
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => {
                  set('goals', value.goals.filter((_, j) => j !== i));
                  setFocusTarget('add-goals');
                }}
              >
                {t('agreements.removeGoal', { number: i + 1 })}
              </Button>
            </li>
          ))}
        </ol>
        <div>
          <Button
            id="add-goals"
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => {
              set('goals', [...value.goals, '']);
              setFocusTarget(fieldId(`goals.${value.goals.length}`));
            }}
          >
            {t('agreements.addGoal')}
          </Button>
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('agreements.section.followUpPlan')}</Fieldset.Legend>
        <Fieldset.Description>{t('agreements.section.followUpPlanHint')}</Fieldset.Description>
        {rowList(
          'followUpPlan',
          [
            { key: 'what', label: 'agreements.followUp.what', multiline: true, rows: 3 },
            { key: 'who', label: 'agreements.followUp.who', multiline: true },
            { key: 'frequency', label: 'agreements.followUp.frequency', multiline: true },
          ],
          { line: 'agreements.followUp.line', add: 'agreements.addFollowUp', remove: 'agreements.removeFollowUp' },
          { what: '', who: '', frequency: '' },
        )}
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('agreements.section.services')}</Fieldset.Legend>
        <Fieldset.Description>{t('agreements.section.servicesHint')}</Fieldset.Description>
        {rowList(
          'services',
          [
            { key: 'name', label: 'agreements.service.name', multiline: true },
            { key: 'purpose', label: 'agreements.service.purpose', multiline: true, rows: 3 },
          ],
          { line: 'agreements.service.line', add: 'agreements.addService', remove: 'agreements.removeService' },
          { name: '', purpose: '' },
        )}
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('agreements.section.consents')}</Fieldset.Legend>
        <Fieldset.Description>
          {props.withConsentDates ? t('agreements.section.consentsHint') : t('agreements.section.consentsTemplateHint')}
        </Fieldset.Description>
        {rowList('consents', consentFields, { line: 'agreements.consent.line', add: 'agreements.addConsent', remove: 'agreements.removeConsent' }, { party: '', purpose: '', untilOn: '' })}
      </Fieldset>

      <Textfield
        id={fieldId('paymentTerms')}
        label={t('agreements.section.paymentTerms')}
        description={t('agreements.section.paymentTermsHint')}
        value={value.paymentTerms}
        onChange={(e) => set('paymentTerms', e.target.value)}
        error={errors.paymentTerms}
        multiline
        rows={4}
      />

      <Textfield
        id={fieldId('houseRulesText')}
        label={t('agreements.section.houseRulesText')}
        value={value.houseRulesText}
        onChange={(e) => set('houseRulesText', e.target.value)}
        error={errors.houseRulesText}
        multiline
        rows={3}
      />
    </div>
  );
}

/** Labels for the error summary at the top of the form. */
export function sectionLabels(t: (key: MessageKey, params?: Record<string, string | number>) => string, value: EditableContent): Record<string, string> {
  const labels: Record<string, string> = {
    introduction: t('agreements.section.introduction'),
    goals: t('agreements.section.goals'),
    followUpPlan: t('agreements.section.followUpPlan'),
    services: t('agreements.section.services'),
    consents: t('agreements.section.consents'),
    paymentTerms: t('agreements.section.paymentTerms'),
    houseRulesText: t('agreements.section.houseRulesText'),
  };
  value.goals.forEach((_, i) => (labels[`goals.${i}`] = t('agreements.goal', { number: i + 1 })));
  value.followUpPlan.forEach((_, i) => {
    const line = t('agreements.followUp.line', { number: i + 1 });
    labels[`followUpPlan.${i}.what`] = `${line}, ${t('agreements.followUp.what')}`;
    labels[`followUpPlan.${i}.who`] = `${line}, ${t('agreements.followUp.who')}`;
    labels[`followUpPlan.${i}.frequency`] = `${line}, ${t('agreements.followUp.frequency')}`;
  });
  value.services.forEach((_, i) => {
    const line = t('agreements.service.line', { number: i + 1 });
    labels[`services.${i}.name`] = `${line}, ${t('agreements.service.name')}`;
    labels[`services.${i}.purpose`] = `${line}, ${t('agreements.service.purpose')}`;
  });
  value.consents.forEach((_, i) => {
    const line = t('agreements.consent.line', { number: i + 1 });
    labels[`consents.${i}.party`] = `${line}, ${t('agreements.consent.party')}`;
    labels[`consents.${i}.purpose`] = `${line}, ${t('agreements.consent.purpose')}`;
    labels[`consents.${i}.untilOn`] = `${line}, ${t('agreements.consent.untilOn')}`;
  });
  return labels;
}
