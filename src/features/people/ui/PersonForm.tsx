import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Fieldset, Heading, Label, Link, Paragraph, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { commonLanguages, languageName } from '../../../platform/ui/languages.ts';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { registerPersonInput, updatePersonInput, type PersonOutput } from '../people.schema.ts';

type IdType = 'fnr' | 'dnr' | 'other' | 'none';
interface MemberDraft {
  relation: 'partner' | 'child';
  name: string;
  birthDate: string;
}

/** Registers a new person (with household) or changes an existing one; the API's own schema validates it. */
export function PersonForm(props: { person?: PersonOutput; onSubmit(value: unknown): Promise<void> }) {
  const { t, locale } = useI18n();
  const p = props.person;
  const form = useSchemaForm(p ? updatePersonInput : registerPersonInput);
  const [idType, setIdType] = useState<IdType>(p?.idType ?? 'fnr');
  const [members, setMembers] = useState<MemberDraft[]>([]);

  const labels: Record<string, string> = {
    givenName: t('people.givenName'),
    familyName: t('people.familyName'),
    birthDate: t('people.birthDate'),
    nationalId: t('people.nationalId'),
    otherIdDescription: t('people.otherIdDescription'),
    phone: t('people.phone'),
    email: t('people.email'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw = {
      givenName: text('givenName'),
      familyName: text('familyName'),
      birthDate: parseDateInput(text('birthDate')),
      idType,
      nationalId: idType === 'fnr' || idType === 'dnr' ? text('nationalId') : undefined,
      otherIdDescription: idType === 'other' ? text('otherIdDescription') : undefined,
      phone: text('phone'),
      email: text('email'),
      preferredLanguage: text('preferredLanguage') || 'nb',
      hasProtectedAddress: data.get('hasProtectedAddress') === 'on',
      ...(p ? {} : { household: members.map((m) => ({ relation: m.relation, name: m.name, birthDate: parseDateInput(m.birthDate) })) }),
    };
    await form.submit(raw, props.onSubmit);
  }

  const err = (field: string) => form.fieldErrors[field];
  const existingId = form.formError?.meta?.existingPersonId as string | undefined;

  return (
    <form onSubmit={handleSubmit} className="stack" noValidate>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      {existingId && (
        <Link asChild>
          <RouterLink to={`/personer/${existingId}`}>{t('people.openExisting')}</RouterLink>
        </Link>
      )}
      <div className="grid-2">
        <Textfield id={fieldId('givenName')} name="givenName" label={t('people.givenName')} defaultValue={p?.givenName} error={err('givenName')} autoComplete="off" />
        <Textfield id={fieldId('familyName')} name="familyName" label={t('people.familyName')} defaultValue={p?.familyName} error={err('familyName')} autoComplete="off" />
        <Textfield
          id={fieldId('birthDate')}
          name="birthDate"
          label={t('people.birthDate')}
          description={t('people.birthDateHint')}
          defaultValue={p?.birthDate ? formatDate(p.birthDate) : ''}
          error={err('birthDate')}
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
      <Fieldset>
        <Fieldset.Legend>{t('people.idType')}</Fieldset.Legend>
        {(['fnr', 'dnr', 'other', 'none'] as const).map((type) => (
          <Radio key={type} name="idType" value={type} label={t(`idType.${type}`)} checked={idType === type} onChange={() => setIdType(type)} />
        ))}
      </Fieldset>
      {(idType === 'fnr' || idType === 'dnr') && (
        <Textfield
          id={fieldId('nationalId')}
          name="nationalId"
          label={t('people.nationalId')}
          description={t('people.nationalIdHint')}
          defaultValue={p?.nationalId ?? ''}
          error={err('nationalId')}
          inputMode="numeric"
          autoComplete="off"
        />
      )}
      {idType === 'other' && (
        <Textfield
          id={fieldId('otherIdDescription')}
          name="otherIdDescription"
          label={t('people.otherIdDescription')}
          defaultValue={p?.otherIdDescription ?? ''}
          error={err('otherIdDescription')}
        />
      )}
      <div className="grid-2">
        <Textfield id={fieldId('phone')} name="phone" type="tel" label={t('people.phone')} defaultValue={p?.phone ?? ''} error={err('phone')} />
        <Textfield id={fieldId('email')} name="email" type="email" label={t('people.email')} defaultValue={p?.email ?? ''} error={err('email')} />
        <Field>
          <Label htmlFor={fieldId('preferredLanguage')}>{t('people.preferredLanguage')}</Label>
          <Select id={fieldId('preferredLanguage')} name="preferredLanguage" defaultValue={p?.preferredLanguage ?? 'nb'}>
            {[...new Set([...commonLanguages, p?.preferredLanguage ?? 'nb'])].map((code) => (
              <option key={code} value={code}>
                {languageName(code, locale)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Checkbox
        name="hasProtectedAddress"
        label={t('people.protectedAddress')}
        description={t('people.protectedAddressHint')}
        defaultChecked={p?.hasProtectedAddress ?? false}
      />
      {!p && (
        <Fieldset>
          <Fieldset.Legend>{t('people.household')}</Fieldset.Legend>
          <Fieldset.Description>{t('people.householdHint')}</Fieldset.Description>
          {members.map((m, i) => (
            <div className="row" key={i}>
              <Heading level={3} data-size="2xs">
                {t(`people.relation.${m.relation}`)}
              </Heading>
              <Textfield
                id={fieldId(`household.${i}.name`)}
                label={t('people.memberName')}
                value={m.name}
                error={err(`household.${i}.name`)}
                onChange={(e) => setMembers(members.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
              />
              <Textfield
                id={fieldId(`household.${i}.birthDate`)}
                label={t('people.memberBirthDate')}
                description={t('people.birthDateHint')}
                value={m.birthDate}
                error={err(`household.${i}.birthDate`)}
                onChange={(e) => setMembers(members.map((x, j) => (j === i ? { ...x, birthDate: e.target.value } : x)))}
              />
              <Button variant="tertiary" type="button" onClick={() => setMembers(members.filter((_, j) => j !== i))}>
                {t('people.removeMember')}
              </Button>
            </div>
          ))}
          <div className="row">
            <Button variant="secondary" type="button" onClick={() => setMembers([...members, { relation: 'partner', name: '', birthDate: '' }])}>
              {t('people.addPartner')}
            </Button>
            <Button variant="secondary" type="button" onClick={() => setMembers([...members, { relation: 'child', name: '', birthDate: '' }])}>
              {t('people.addChild')}
            </Button>
          </div>
        </Fieldset>
      )}
      <Paragraph>
        <Button type="submit" disabled={form.submitting}>
          {p ? t('app.save') : t('people.register')}
        </Button>
      </Paragraph>
    </form>
  );
}
