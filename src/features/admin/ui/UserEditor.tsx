import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ErrorAlert, FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { formatDateTime } from '../../../platform/ui/format.ts';
import { setPasswordInput, updateUserInput, type AdminUser, type RoleOutput } from '../admin.schema.ts';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';

type Notice = (text: string) => void;

/** Everything an administrator can do to one user: details and roles, password, lock, access. */
export function UserEditor(props: { user: AdminUser; roles: RoleOutput[]; isSelf: boolean; onChanged(user?: AdminUser): void; onNotice: Notice; onClose(): void }) {
  const { t } = useI18n();
  const { user } = props;
  const heading = useRef<HTMLHeadingElement>(null);

  // Keyboard and screen-reader users land on the panel they opened.
  useEffect(() => heading.current?.focus(), [user.id]);

  return (
    <section className="stack admin-editor" aria-labelledby="user-editor-heading">
      <div className="row">
        <Heading level={2} data-size="md" id="user-editor-heading" ref={heading} tabIndex={-1} style={{ marginRight: 'auto' }}>
          {t('admin.users.editTitle', { name: user.displayName })}
        </Heading>
        <Button variant="secondary" onClick={props.onClose}>
          {t('admin.users.close')}
        </Button>
      </div>
      <DetailsForm key={`details-${user.id}`} {...props} />
      <PasswordForm key={`password-${user.id}`} {...props} />
      {user.isLocked && user.lockedUntil && <UnlockSection {...props} />}
      <AccessSection {...props} />
    </section>
  );
}

function DetailsForm(props: { user: AdminUser; roles: RoleOutput[]; onChanged(user?: AdminUser): void; onNotice: Notice }) {
  const { t } = useI18n();
  const { user } = props;
  const form = useSchemaForm(updateUserInput);
  const err = (field: string) => form.fieldErrors[field];
  const labels: Record<string, string> = { displayName: t('admin.users.displayName'), email: t('admin.users.email'), roles: t('admin.users.roles') };
  const hasFieldErrors = Object.keys(form.fieldErrors).length > 0;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw = { displayName: String(data.get('displayName') ?? ''), email: String(data.get('email') ?? ''), roles: data.getAll('roles').map(String) };
    await form.submit(raw, async (value) => {
      const updated = await api.patch<AdminUser>(`/api/admin/users/${user.id}`, value);
      props.onChanged(updated);
      props.onNotice(t('admin.users.saved', { name: updated.displayName }));
    });
  }

  return (
    <form onSubmit={handleSubmit} className="stack" noValidate aria-labelledby="user-details-heading">
      <Heading level={3} data-size="xs" id="user-details-heading">
        {t('admin.users.detailsTitle')}
      </Heading>
      {hasFieldErrors && <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />}
      <div className="grid-2">
        <Textfield id={fieldId('displayName')} name="displayName" label={t('admin.users.displayName')} defaultValue={user.displayName} error={err('displayName')} autoComplete="off" />
        <Textfield id={fieldId('email')} name="email" type="email" label={t('admin.users.email')} defaultValue={user.email ?? ''} error={err('email')} autoComplete="off" />
      </div>
      <RoleCheckboxes roles={props.roles} checked={user.roles} error={err('roles')} idPrefix={`edit-${user.id}`} />
      {/* A refusal by a rule (the last administrator) is shown by the button, where the eyes are. */}
      {form.formError && !hasFieldErrors && <ErrorAlert error={form.formError} />}
      <Paragraph>
        <Button type="submit" disabled={form.submitting}>
          {t('admin.users.saveDetails')}
        </Button>
      </Paragraph>
    </form>
  );
}

function PasswordForm(props: { user: AdminUser; isSelf: boolean; onChanged(user?: AdminUser): void; onNotice: Notice }) {
  const { t } = useI18n();
  const { user } = props;
  const form = useSchemaForm(setPasswordInput);
  const intro = !user.hasPassword ? 'admin.users.passwordIntroOidc' : props.isSelf ? 'admin.users.passwordIntroOwn' : 'admin.users.passwordIntroOther';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const raw = { password: String(new FormData(element).get('password') ?? '') };
    const sent = await form.submit(raw, async (value) => {
      await api.put(`/api/admin/users/${user.id}/password`, value);
    });
    if (sent) {
      element.reset();
      props.onChanged();
      props.onNotice(t('admin.users.passwordSet', { name: user.displayName }));
    }
  }

  return (
    <form onSubmit={handleSubmit} className="stack" noValidate aria-labelledby="user-password-heading">
      <Heading level={3} data-size="xs" id="user-password-heading">
        {t('admin.users.passwordTitle')}
      </Heading>
      <Paragraph>{t(intro)}</Paragraph>
      {form.formError && Object.keys(form.fieldErrors).length === 0 && <ErrorAlert error={form.formError} />}
      <div className="row">
        <Textfield
          id={`field-new-password-${user.id}`}
          name="password"
          type="password"
          label={t('admin.users.newPassword')}
          description={t('admin.users.passwordHint')}
          error={form.fieldErrors.password}
          autoComplete="new-password"
          style={{ minWidth: 'min(20rem, 100%)' }}
        />
        <Button type="submit" variant="secondary" disabled={form.submitting}>
          {t('admin.users.setPassword')}
        </Button>
      </div>
    </form>
  );
}

function UnlockSection(props: { user: AdminUser; onChanged(user?: AdminUser): void; onNotice: Notice }) {
  const { t, locale } = useI18n();
  const { user } = props;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function unlock() {
    setBusy(true);
    try {
      const updated = await api.post<AdminUser>(`/api/admin/users/${user.id}/unlock`);
      setError(null);
      props.onChanged(updated);
      props.onNotice(t('admin.users.unlocked', { name: updated.displayName }));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="stack" aria-labelledby="user-lock-heading">
      <Heading level={3} data-size="xs" id="user-lock-heading">
        {t('admin.users.lockTitle')}
      </Heading>
      <Paragraph>{t('admin.users.lockedIntro', { until: formatDateTime(user.lockedUntil!, locale) })}</Paragraph>
      {error && <ErrorAlert error={error} />}
      <div>
        <Button variant="secondary" onClick={() => void unlock()} disabled={busy}>
          {t('admin.users.unlock')}
        </Button>
      </div>
    </section>
  );
}

function AccessSection(props: { user: AdminUser; isSelf: boolean; onChanged(user?: AdminUser): void; onNotice: Notice }) {
  const { t } = useI18n();
  const { user } = props;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function setActive(isActive: boolean) {
    setConfirming(false);
    setBusy(true);
    try {
      const updated = await api.patch<AdminUser>(`/api/admin/users/${user.id}`, { isActive });
      setError(null);
      props.onChanged(updated);
      props.onNotice(t(isActive ? 'admin.users.reactivated' : 'admin.users.deactivated', { name: updated.displayName }));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="stack" aria-labelledby="user-access-heading">
      <Heading level={3} data-size="xs" id="user-access-heading">
        {t('admin.users.accessTitle')}
      </Heading>
      {error && <ErrorAlert error={error} />}
      {!user.isActive ? (
        <>
          <Paragraph>{t('admin.users.inactiveIntro')}</Paragraph>
          <div>
            <Button variant="secondary" onClick={() => void setActive(true)} disabled={busy}>
              {t('admin.users.reactivate')}
            </Button>
          </div>
        </>
      ) : props.isSelf ? (
        <Paragraph>{t('admin.users.selfIntro')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('admin.users.deactivateIntro')}</Paragraph>
          <div>
            <Button variant="secondary" data-color="danger" onClick={() => setConfirming(true)} disabled={busy}>
              {t('admin.users.deactivate')}
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('admin.users.confirmDeactivate', { name: user.displayName })}
        body={t('admin.users.confirmDeactivateBody')}
        confirmLabel={t('admin.users.confirmDeactivateAction')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void setActive(false)}
      />
    </section>
  );
}
