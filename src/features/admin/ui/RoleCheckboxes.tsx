import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { fieldId } from '../../../platform/ui/Feedback.tsx';
import { isMessageKey } from '../../../platform/i18n/i18n.ts';
import type { RoleOutput } from '../admin.schema.ts';

/** A role's name in the interface language (the roles table holds both). */
export function useRoleName(roles: RoleOutput[] | undefined) {
  const { locale } = useI18n();
  return (key: string) => {
    const role = roles?.find((r) => r.key === key);
    return role ? (locale === 'en' ? role.nameEn : role.nameNb) : key;
  };
}

/** A permission string in words, or the string itself when the catalogue has no text for it. */
export function usePermissionLabel() {
  const { t } = useI18n();
  return (permission: string) => {
    const key = `permission.${permission}`;
    return isMessageKey(key) ? t(key) : permission;
  };
}

/** One checkbox per role, named `roles` in the form data, each described by what it gives access to. */
export function RoleCheckboxes(props: { roles: RoleOutput[]; checked?: string[]; error?: string; idPrefix: string }) {
  const { t } = useI18n();
  const roleName = useRoleName(props.roles);
  const permissionLabel = usePermissionLabel();
  const errorId = `${props.idPrefix}-roles-error`;
  return (
    <Fieldset id={fieldId('roles')} aria-describedby={props.error ? errorId : undefined}>
      <Fieldset.Legend>{t('admin.users.roles')}</Fieldset.Legend>
      <Fieldset.Description>{t('admin.users.rolesHint')}</Fieldset.Description>
      {props.roles.map((role) => (
        <Checkbox
          key={role.key}
          id={`${props.idPrefix}-role-${role.key}`}
          name="roles"
          value={role.key}
          label={roleName(role.key)}
          description={role.permissions.map(permissionLabel).join(', ') || t('admin.roles.noPermissions')}
          defaultChecked={props.checked?.includes(role.key) ?? false}
          aria-invalid={props.error ? true : undefined}
        />
      ))}
      {props.error && <ValidationMessage id={errorId}>{props.error}</ValidationMessage>}
    </Fieldset>
  );
}
