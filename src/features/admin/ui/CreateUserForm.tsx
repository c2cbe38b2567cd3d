import { useState, type FormEvent } from 'react';
import { Button, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ErrorAlert, FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { api } from '../../../platform/ui/api.ts';
import { createUserInput, type AdminUser, type RoleOutput } from '../admin.schema.ts';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';

type LoginMethod = 'password' | 'oidc';

/** Creates a user; the API's own schema validates the form before anything is sent. */
export function CreateUserForm(props: { roles: RoleOutput[]; onCreated(user: AdminUser): void; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(createUserInput);
  const [loginMethod, setLoginMethod] = useState<LoginMethod>('password');
  const err = (field: string) => form.fieldErrors[field];
  const hasFieldErrors = Object.keys(form.fieldErrors).length > 0;

  const labels: Record<string, string> = {
    username: t('admin.users.username'),
    displayName: t('admin.users.displayName'),
    email: t('admin.users.email'),
    roles: t('admin.users.roles'),
    password: t('admin.users.password'),
    oidcSubject: t('admin.users.oidcSubject'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw = {
      username: text('username'),
      displayName: text('displayName'),
      email: text('email'),
      roles: data.getAll('roles').map(String),
      loginMethod,
      password: loginMethod === 'password' ? text('password') : undefined,
      oidcSubject: loginMethod === 'oidc' ? text('oidcSubject') : undefined,
    };
    await form.submit(raw, async (value) => props.onCreated(await api.post<AdminUser>('/api/admin/users', value)));
  }

  return (
    <form onSubmit={handleSubmit} className="stack" noValidate>
      {hasFieldErrors && <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />}
      <div className="grid-2">
        <Textfield
          id={fieldId('username')}
          name="username"
          label={t('admin.users.username')}
          description={t('admin.users.usernameHint')}
          error={err('username')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <Textfield id={fieldId('displayName')} name="displayName" label={t('admin.users.displayName')} error={err('displayName')} autoComplete="off" />
        <Textfield id={fieldId('email')} name="email" type="email" label={t('admin.users.email')} error={err('email')} autoComplete="off" />
      </div>
      <RoleCheckboxes roles={props.roles} error={err('roles')} idPrefix="new" />
      <Fieldset>
        <Fieldset.Legend>{t('admin.users.loginMethod')}</Fieldset.Legend>
        {(['password', 'oidc'] as const).map((method) => (
          <Radio
            key={method}
            name="loginMethod"
            value={method}
            label={t(`admin.loginMethod.${method}`)}
            checked={loginMethod === method}
            onChange={() => setLoginMethod(method)}
          />
        ))}
      </Fieldset>
      {loginMethod === 'password' ? (
        <Textfield
          id={fieldId('password')}
          name="password"
          type="password"
          label={t('admin.users.password')}
          description={t('admin.users.passwordHint')}
          error={err('password')}
          autoComplete="new-password"
        />
      ) : (
        <Textfield
          id={fieldId('oidcSubject')}
          name="oidcSubject"
          label={t('admin.users.oidcSubject')}
          description={t('admin.users.oidcSubjectHint')}
          error={err('oidcSubject')}
          autoComplete="off"
          spellCheck={false}
        />
      )}
      {form.formError && !hasFieldErrors && <ErrorAlert error={form.formError} />}
      <Paragraph className="row">
        <Button type="submit" disabled={form.submitting}>
          {t('admin.users.create')}
        </Button>
        <Button type="button" variant="tertiary" onClick={props.onCancel}>
          {t('app.cancel')}
        </Button>
      </Paragraph>
    </form>
  );
}
