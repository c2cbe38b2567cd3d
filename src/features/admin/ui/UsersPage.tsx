import './admin.css';
import { useRef, useState } from 'react';
import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDateTime } from '../../../platform/ui/format.ts';
import type { AdminUser, RoleOutput } from '../admin.schema.ts';
import { CreateUserForm } from './CreateUserForm.tsx';
import { UserEditor } from './UserEditor.tsx';
import { usePermissionLabel, useRoleName } from './RoleCheckboxes.tsx';

/** Active, deactivated, or locked until a time: in words, with colour only as a second cue. */
export function UserStatus({ user }: { user: AdminUser }) {
  const { t, locale } = useI18n();
  if (!user.isActive) return <Tag data-color="neutral">{t('admin.status.inactive')}</Tag>;
  if (user.isLocked && user.lockedUntil) return <Tag data-color="warning">{t('admin.status.locked', { until: formatDateTime(user.lockedUntil, locale) })}</Tag>;
  return <Tag data-color="success">{t('admin.status.active')}</Tag>;
}

/** Users and roles of the municipality: who has access, create, change roles, passwords, locks, deactivation. */
export function UsersPage() {
  const { t, locale } = useI18n();
  const { user: me } = useSession();
  const users = useApi<AdminUser[]>('/api/admin/users');
  const roles = useApi<RoleOutput[]>('/api/admin/roles');
  const roleName = useRoleName(roles.data);
  const permissionLabel = usePermissionLabel();
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  if (users.error) return <ErrorAlert error={users.error} />;
  if (roles.error) return <ErrorAlert error={roles.error} />;
  if (!users.data || !roles.data) return <Loading />;
  const editing = users.data.find((u) => u.id === editingId);

  function openEditor(id: string) {
    setCreating(false);
    setNotice(null);
    setEditingId(id);
  }

  function closeEditor() {
    const id = editingId;
    setEditingId(null);
    // Back to the button that opened the panel.
    requestAnimationFrame(() => document.getElementById(`edit-user-${id}`)?.focus());
  }

  function replaceUser(updated?: AdminUser) {
    if (updated) users.setData(users.data!.map((u) => (u.id === updated.id ? updated : u)));
    else void users.reload();
  }

  return (
    <div className="stack admin-users">
      <div className="row">
        <Heading level={1} data-size="lg" style={{ marginRight: 'auto' }}>
          {t('nav.users')}
        </Heading>
        {!creating && (
          <Button
            ref={newButton}
            onClick={() => {
              setEditingId(null);
              setNotice(null);
              setCreating(true);
            }}
          >
            {t('admin.users.new')}
          </Button>
        )}
      </div>
      <Paragraph>{t('admin.users.intro')}</Paragraph>
      <div aria-live="polite">{notice && <Alert data-color="success">{notice}</Alert>}</div>

      {creating && (
        <section className="stack admin-editor" aria-labelledby="create-user-heading">
          <Heading level={2} data-size="md" id="create-user-heading">
            {t('admin.users.createTitle')}
          </Heading>
          <CreateUserForm
            roles={roles.data}
            onCreated={(user) => {
              users.setData([...users.data!, user].sort((a, b) => a.displayName.localeCompare(b.displayName, 'nb')));
              setCreating(false);
              setNotice(t('admin.users.created', { name: user.displayName }));
            }}
            onCancel={() => {
              setCreating(false);
              requestAnimationFrame(() => newButton.current?.focus());
            }}
          />
        </section>
      )}

      {editing && (
        <UserEditor
          user={editing}
          roles={roles.data}
          isSelf={editing.id === me?.id}
          onChanged={replaceUser}
          onNotice={setNotice}
          onClose={closeEditor}
        />
      )}

      <section className="stack" aria-labelledby="users-heading">
        <Heading level={2} data-size="md" id="users-heading">
          {t('admin.users.listTitle')} <span className="subtle">({t('admin.users.count', { count: users.data.length })})</span>
        </Heading>
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="users-heading">
          <Table data-testid="users-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>
                  {t('admin.users.name')} <span className="subtle">/ {t('admin.users.username').toLocaleLowerCase(locale)}</span>
                </Table.HeaderCell>
                <Table.HeaderCell>{t('admin.users.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.users.roles')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.users.lastLogin')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="ds-sr-only">{t('admin.users.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {users.data.map((u) => (
                <Table.Row key={u.id} aria-current={u.id === editingId ? 'true' : undefined}>
                  <Table.Cell>
                    {u.displayName} {u.id === me?.id && <span className="subtle">{t('admin.users.you')}</span>}
                    <br />
                    <span className="subtle">{u.username}</span>
                  </Table.Cell>
                  <Table.Cell>
                    <UserStatus user={u} />
                  </Table.Cell>
                  <Table.Cell>{u.roles.map(roleName).join(', ') || '–'}</Table.Cell>
                  <Table.Cell className="nowrap">{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t('admin.users.never')}</Table.Cell>
                  <Table.Cell>
                    <Button
                      id={`edit-user-${u.id}`}
                      variant="secondary"
                      data-size="sm"
                      aria-label={t('admin.users.editNamed', { name: u.displayName })}
                      onClick={() => openEditor(u.id)}
                    >
                      {t('admin.users.edit')}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>

      <section className="stack" aria-labelledby="roles-heading">
        <Heading level={2} data-size="md" id="roles-heading">
          {t('admin.roles.title')}
        </Heading>
        <Paragraph>{t('admin.roles.intro')}</Paragraph>
        {/* Focusable, so keyboard users can scroll it sideways on a narrow screen (it holds no links or buttons). */}
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="roles-heading">
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('admin.roles.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.roles.permissions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {roles.data.map((role) => (
                <Table.Row key={role.key}>
                  <Table.Cell>{roleName(role.key)}</Table.Cell>
                  <Table.Cell>
                    {role.permissions.length === 0 ? (
                      t('admin.roles.noPermissions')
                    ) : (
                      <ul className="plain-list">
                        {role.permissions.map((p) => (
                          <li key={p}>{permissionLabel(p)}</li>
                        ))}
                      </ul>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>
    </div>
  );
}
