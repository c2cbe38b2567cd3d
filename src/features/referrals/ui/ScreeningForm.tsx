import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { api } from '../../../platform/ui/api.ts';
import { deriveHouseholdFacts, screenReferral, screeningQuestions, type ScreeningAnswers } from '../../allocation/screening.rules.ts';
import { createScreeningInput, type ScreeningOutput } from '../../allocation/screening.schema.ts';
import type { ReferralHousehold } from '../referrals.schema.ts';
import { ScreeningLines, ScreeningResultTag } from './ScreeningResult.tsx';

type Question = (typeof screeningQuestions)[number];

/**
 * The screening: six questions answered yes or no, the children and ages taken from the household,
 * and, as soon as every question is answered, the provisional result line by line (the same pure rule
 * the server applies). Going on despite an exception asks for a justification.
 */
export function ScreeningForm(props: { referralId: string; household: ReferralHousehold; onSaved(screening: ScreeningOutput): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(createScreeningInput);
  const [answers, setAnswers] = useState<Partial<Record<Question, boolean>>>({});
  const [proceed, setProceed] = useState(false);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  const household = {
    applicantBirthDate: props.household.applicant.birthDate,
    partner: props.household.partner ? { birthDate: props.household.partner.birthDate } : null,
    children: props.household.children,
  };
  const facts = deriveHouseholdFacts(household, today);
  const complete = screeningQuestions.every((q) => answers[q] !== undefined);
  const preview = complete ? screenReferral(answers as ScreeningAnswers, household, today) : null;
  const err = (field: string) => form.fieldErrors[field];

  const labels: Record<string, string> = {
    ...Object.fromEntries(screeningQuestions.map((q) => [`answers.${q}`, t(`screening.criterion.${q}`)])),
    justification: t('screening.justification'),
    note: t('screening.note'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const needsJustification = preview?.result === 'needs_justification';
    await form.submit(
      {
        answers,
        proceedWithExceptions: needsJustification && proceed,
        justification: needsJustification && proceed ? String(data.get('justification') ?? '') : undefined,
        note: String(data.get('note') ?? ''),
      },
      async (value) => {
        props.onSaved(await api.post<ScreeningOutput>(`/api/referrals/${props.referralId}/screenings`, value));
        setAnswers({});
        setProceed(false);
      },
    );
  }

  return (
    <form onSubmit={handleSubmit} className="stack" noValidate>
      <Heading level={3} data-size="xs">
        {t('screening.formTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('screening.intro')}</Paragraph>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      {screeningQuestions.map((q) => (
        <Fieldset key={q} className="screening-question">
          <Fieldset.Legend>{t(`screening.question.${q}`)}</Fieldset.Legend>
          <div className="inline-radios">
            <Radio
              id={fieldId(`answers.${q}`)}
              name={q}
              value="yes"
              label={t('app.yes')}
              checked={answers[q] === true}
              onChange={() => setAnswers({ ...answers, [q]: true })}
              aria-invalid={err(`answers.${q}`) ? true : undefined}
            />
            <Radio name={q} value="no" label={t('app.no')} checked={answers[q] === false} onChange={() => setAnswers({ ...answers, [q]: false })} />
          </div>
          {err(`answers.${q}`) && <ValidationMessage>{err(`answers.${q}`)}</ValidationMessage>}
        </Fieldset>
      ))}
      <div>
        <Heading level={4} data-size="2xs">
          {t('screening.derived')}
        </Heading>
        <ul className="screening-derived">
          <li>{t('screening.derivedChildren', { count: facts.childCount ?? 0 })}</li>
          {facts.youngestAdultAge != null && <li>{t('screening.derivedYoung', { age: facts.youngestAdultAge })}</li>}
          {facts.ageUnknown && <li>{t('screening.derivedAgeUnknown')}</li>}
        </ul>
      </div>
      {preview && (
        <section className="stack" aria-live="polite">
          <div className="row" style={{ alignItems: 'center' }}>
            <Heading level={4} data-size="2xs">
              {t('screening.preview')}:
            </Heading>
            <ScreeningResultTag result={preview.result} />
          </div>
          <ScreeningLines lines={preview.lines} />
          {preview.result === 'needs_justification' && (
            <Alert data-color="warning">
              <div className="stack">
                <Paragraph>{t('screening.proceedHint')}</Paragraph>
                <Checkbox label={t('screening.proceed')} checked={proceed} onChange={(e) => setProceed(e.target.checked)} />
                {proceed && (
                  <Textfield id={fieldId('justification')} name="justification" label={t('screening.justification')} error={err('justification')} multiline rows={3} />
                )}
              </div>
            </Alert>
          )}
        </section>
      )}
      <Textfield id={fieldId('note')} name="note" label={t('screening.note')} error={err('note')} multiline rows={2} />
      <div>
        <Button type="submit" disabled={form.submitting}>
          {t('screening.save')}
        </Button>
      </div>
    </form>
  );
}
