import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { parseDateInput } from '../../../platform/ui/format.ts';
import { createReferralInput, previousStay, referralSituation } from '../referrals.schema.ts';

type IdType = 'fnr' | 'dnr' | 'other' | 'none';
type Role = 'applicant' | 'partner';

/** Name, birth date, identity and phone of the applicant or the partner, named `<role>.<field>`. */
function PersonFields(props: { role: Role; idType: IdType; onIdType(type: IdType): void; err(field: string): string | undefined }) {
  const { t } = useI18n();
  const { role, idType } = props;
  const f = (field: string) => `${role}.${field}`;
  return (
    <>
      <div className="grid-2">
        <Textfield id={fieldId(f('givenName'))} name={f('givenName')} label={t('people.givenName')} error={props.err(f('givenName'))} autoComplete="off" />
        <Textfield id={fieldId(f('familyName'))} name={f('familyName')} label={t('people.familyName')} error={props.err(f('familyName'))} autoComplete="off" />
        <Textfield
          id={fieldId(f('birthDate'))}
          name={f('birthDate')}
          label={t('people.birthDate')}
          description={t('people.birthDateHint')}
          error={props.err(f('birthDate'))}
          inputMode="numeric"
          autoComplete="off"
        />
        <Textfield id={fieldId(f('phone'))} name={f('phone')} type="tel" label={t('referrals.personPhone')} error={props.err(f('phone'))} autoComplete="off" />
      </div>
      <Fieldset>
        <Fieldset.Legend>{t('people.idType')}</Fieldset.Legend>
        <div className="inline-radios">
          {(['fnr', 'dnr', 'other', 'none'] as const).map((type) => (
            <Radio key={type} name={f('idType')} value={type} label={t(`idType.${type}`)} checked={idType === type} onChange={() => props.onIdType(type)} />
          ))}
        </div>
      </Fieldset>
      {(idType === 'fnr' || idType === 'dnr') && (
        <Textfield
          id={fieldId(f('nationalId'))}
          name={f('nationalId')}
          label={t('people.nationalId')}
          description={t('people.nationalIdHint')}
          error={props.err(f('nationalId'))}
          inputMode="numeric"
          autoComplete="off"
        />
      )}
      {idType === 'other' && (
        <Textfield
          id={fieldId(f('otherIdDescription'))}
          name={f('otherIdDescription')}
          label={t('people.otherIdDescription')}
          error={props.err(f('otherIdDescription'))}
          autoComplete="off"
        />
      )}
    </>
  );
}

interface ChildDraft {
  key: number;
  name: string;
  birthDate: string;
}

/** The referral form: the API's own schema validates it, section by section. */
export function ReferralForm(props: { onSubmit(value: unknown): Promise<void> }) {
  const { t } = useI18n();
  const { user } = useSession();
  const form = useSchemaForm(createReferralInput);
  const [applicantIdType, setApplicantIdType] = useState<IdType>('fnr');
  const [partnerIdType, setPartnerIdType] = useState<IdType>('fnr');
  const [hasPartner, setHasPartner] = useState(false);
  const [children, setChildren] = useState<ChildDraft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [situation, setSituation] = useState('');
  const [consent, setConsent] = useState<'' | 'yes' | 'no'>('');
  const err = (field: string) => form.fieldErrors[field];

  const personLabels = (role: Role) => {
    const prefix = role === 'applicant' ? t('referrals.section.applicant') : t('referrals.section.partner');
    return Object.fromEntries(
      (
        [
          ['givenName', 'people.givenName'],
          ['familyName', 'people.familyName'],
          ['birthDate', 'people.birthDate'],
          ['phone', 'people.phone'],
          ['nationalId', 'people.nationalId'],
          ['otherIdDescription', 'people.otherIdDescription'],
        ] as const
      ).map(([field, key]) => [`${role}.${field}`, `${prefix}: ${t(key)}`]),
    );
  };
  const labels: Record<string, string> = {
    ...personLabels('applicant'),
    ...personLabels('partner'),
    ...Object.fromEntries(
      children.flatMap((_, i) => [
        [`children.${i}.name`, `${t('referrals.childHeading', { n: i + 1 })}: ${t('referrals.childName')}`],
        [`children.${i}.birthDate`, `${t('referrals.childHeading', { n: i + 1 })}: ${t('referrals.childBirthDate')}`],
      ]),
    ),
    situation: t('referrals.section.situation'),
    situationOther: t('referrals.situationOther'),
    previousStay: t('referrals.previousStayShort'),
    needs: t('referrals.needsShort'),
    consentToShare: t('referrals.section.consent'),
    consentScope: t('referrals.consentScope'),
    caseworkerName: t('referrals.caseworkerName'),
    caseworkerPhone: t('referrals.caseworkerPhone'),
    caseworkerEmail: t('referrals.caseworkerEmail'),
    navOffice: t('referrals.navOffice'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const person = (role: Role, idType: IdType) => ({
      givenName: text(`${role}.givenName`),
      familyName: text(`${role}.familyName`),
      birthDate: parseDateInput(text(`${role}.birthDate`)),
      idType,
      nationalId: idType === 'fnr' || idType === 'dnr' ? text(`${role}.nationalId`) : undefined,
      otherIdDescription: idType === 'other' ? text(`${role}.otherIdDescription`) : undefined,
      phone: text(`${role}.phone`),
    });
    const raw = {
      applicant: person('applicant', applicantIdType),
      partner: hasPartner ? person('partner', partnerIdType) : undefined,
      children: children.map((c) => ({ name: c.name, birthDate: parseDateInput(c.birthDate) })),
      situation: situation || undefined,
      situationOther: situation === 'other' ? text('situationOther') : undefined,
      previousStay: text('previousStay') || undefined,
      nowhereToSleepTonight: data.get('nowhereToSleepTonight') === 'on',
      needs: text('needs'),
      consentToShare: consent === '' ? undefined : consent === 'yes',
      consentScope: consent === 'yes' ? text('consentScope') : undefined,
      caseworkerName: text('caseworkerName'),
      caseworkerPhone: text('caseworkerPhone'),
      caseworkerEmail: text('caseworkerEmail'),
      navOffice: text('navOffice'),
    };
    await form.submit(raw, props.onSubmit);
  }

  return (
    <form onSubmit={handleSubmit} className="stack referral-form" noValidate>
      <Paragraph>{t('referrals.formIntro')}</Paragraph>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />

      <fieldset className="referral-section">
        <legend>{t('referrals.section.applicant')}</legend>
        <PersonFields role="applicant" idType={applicantIdType} onIdType={setApplicantIdType} err={err} />
      </fieldset>

      <fieldset className="referral-section">
        <legend>{t('referrals.section.partner')}</legend>
        <Checkbox label={t('referrals.hasPartner')} checked={hasPartner} onChange={(e) => setHasPartner(e.target.checked)} />
        {hasPartner && <PersonFields role="partner" idType={partnerIdType} onIdType={setPartnerIdType} err={err} />}
      </fieldset>

      <fieldset className="referral-section">
        <legend>{t('referrals.section.children')}</legend>
        <Paragraph data-size="sm">{t('referrals.childrenHint')}</Paragraph>
        {children.map((c, i) => (
          <div className="referral-child" key={c.key}>
            <Heading level={3} data-size="2xs">
              {t('referrals.childHeading', { n: i + 1 })}
            </Heading>
            <Textfield
              id={fieldId(`children.${i}.name`)}
              label={t('referrals.childName')}
              value={c.name}
              error={err(`children.${i}.name`)}
              autoComplete="off"
              onChange={(e) => setChildren(children.map((x) => (x.key === c.key ? { ...x, name: e.target.value } : x)))}
            />
            <Textfield
              id={fieldId(`children.${i}.birthDate`)}
              label={t('referrals.childBirthDate')}
              description={t('people.birthDateHint')}
              value={c.birthDate}
              error={err(`children.${i}.birthDate`)}
              inputMode="numeric"
              autoComplete="off"
              onChange={(e) => setChildren(children.map((x) => (x.key === c.key ? { ...x, birthDate: e.target.value } : x)))}
            />
            <Button variant="tertiary" type="button" onClick={() => setChildren(children.filter((x) => x.key !== c.key))}>
              {t('referrals.removeChild', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <div>
          <Button
            variant="secondary"
            type="button"
            onClick={() => {
              setChildren([...children, { key: nextKey, name: '', birthDate: '' }]);
              setNextKey(nextKey + 1);
            }}
          >
            {t('referrals.addChild')}
          </Button>
        </div>
      </fieldset>

      <fieldset className="referral-section">
        <legend>{t('referrals.section.situation')}</legend>
        <Fieldset>
          <Fieldset.Legend>{t('referrals.situation')}</Fieldset.Legend>
          {referralSituation.options.map((s, i) => (
            <Radio
              key={s}
              id={i === 0 ? fieldId('situation') : undefined}
              name="situation"
              value={s}
              label={t(`referrals.situation.${s}`)}
              checked={situation === s}
              onChange={() => setSituation(s)}
              aria-invalid={err('situation') ? true : undefined}
            />
          ))}
          {err('situation') && <ValidationMessage>{err('situation')}</ValidationMessage>}
        </Fieldset>
        {situation === 'other' && (
          <Textfield id={fieldId('situationOther')} name="situationOther" label={t('referrals.situationOther')} error={err('situationOther')} multiline rows={2} />
        )}
        <Field>
          <Label htmlFor={fieldId('previousStay')}>{t('referrals.previousStay')}</Label>
          <Select id={fieldId('previousStay')} name="previousStay" defaultValue="" aria-invalid={err('previousStay') ? true : undefined}>
            <option value="">–</option>
            {previousStay.options.map((p) => (
              <option key={p} value={p}>
                {t(`referrals.previousStay.${p}`)}
              </option>
            ))}
          </Select>
          {err('previousStay') && <ValidationMessage>{err('previousStay')}</ValidationMessage>}
        </Field>
      </fieldset>

      <fieldset className="referral-section">
        <legend>{t('referrals.section.urgency')}</legend>
        <Checkbox name="nowhereToSleepTonight" label={t('referrals.nowhereToSleepTonight')} description={t('referrals.nowhereToSleepTonightHint')} />
        <Textfield id={fieldId('needs')} name="needs" label={t('referrals.needs')} description={t('referrals.needsHint')} error={err('needs')} multiline rows={3} />
      </fieldset>

      <fieldset className="referral-section">
        <legend>{t('referrals.section.consent')}</legend>
        <Fieldset>
          <Fieldset.Legend>{t('referrals.consentToShare')}</Fieldset.Legend>
          <div className="inline-radios">
            <Radio
              id={fieldId('consentToShare')}
              name="consentToShare"
              value="yes"
              label={t('app.yes')}
              checked={consent === 'yes'}
              onChange={() => setConsent('yes')}
              aria-invalid={err('consentToShare') ? true : undefined}
            />
            <Radio name="consentToShare" value="no" label={t('app.no')} checked={consent === 'no'} onChange={() => setConsent('no')} />
          </div>
          {err('consentToShare') && <ValidationMessage>{err('consentToShare')}</ValidationMessage>}
        </Fieldset>
        {consent === 'yes' && (
          <Textfield
            id={fieldId('consentScope')}
            name="consentScope"
            label={t('referrals.consentScope')}
            description={t('referrals.consentScopeHint')}
            error={err('consentScope')}
            multiline
            rows={2}
          />
        )}
      </fieldset>

      <fieldset className="referral-section">
        <legend>{t('referrals.section.caseworker')}</legend>
        <div className="grid-2">
          <Textfield id={fieldId('caseworkerName')} name="caseworkerName" label={t('referrals.caseworkerName')} defaultValue={user?.displayName ?? ''} error={err('caseworkerName')} />
          <Textfield id={fieldId('caseworkerPhone')} name="caseworkerPhone" type="tel" label={t('referrals.caseworkerPhone')} error={err('caseworkerPhone')} />
          <Textfield
            id={fieldId('caseworkerEmail')}
            name="caseworkerEmail"
            type="email"
            label={t('referrals.caseworkerEmail')}
            description={t('referrals.caseworkerEmailHint')}
            error={err('caseworkerEmail')}
          />
          <Textfield id={fieldId('navOffice')} name="navOffice" label={t('referrals.navOffice')} error={err('navOffice')} />
        </div>
      </fieldset>

      <div>
        <Button type="submit" disabled={form.submitting}>
          {t('referrals.submit')}
        </Button>
      </div>
    </form>
  );
}
