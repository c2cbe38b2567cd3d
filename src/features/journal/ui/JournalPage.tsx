import './journal.css';
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import type { TaskOutput } from '../tasks.schema.ts';
import { TaskList } from './TaskList.tsx';
import { TaskForm } from './TaskForm.tsx';

/** /journal — "Journal og oppgaver": my open tasks and everyone's overdue ones, with links to the residents. */
export function JournalPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mine = useApi<TaskOutput[]>('/api/tasks/mine');
  const overdue = useApi<TaskOutput[]>('/api/tasks/overdue');
  const [showForm, setShowForm] = useState(false);
  const [created, setCreated] = useState(false);
  const reload = () => {
    void mine.reload();
    void overdue.reload();
  };

  return (
    <div className="stack">
      <div className="jr-actions">
        <Heading level={1} data-size="lg" style={{ marginRight: 'auto' }}>
          {t('tasks.pageTitle')}
        </Heading>
        {can('task:write') && !showForm && (
          <Button
            variant="secondary"
            onClick={() => {
              setCreated(false);
              setShowForm(true);
            }}
          >
            {t('tasks.newWithoutResident')}
          </Button>
        )}
      </div>
      <Paragraph>{t('tasks.pageIntro')}</Paragraph>
      {created && (
        <Alert data-color="success" role="status">
          {t('tasks.created')}
        </Alert>
      )}
      {showForm && (
        <section className="jr-panel" aria-labelledby="new-task-title">
          <Heading level={2} data-size="xs" id="new-task-title">
            {t('tasks.newWithoutResident')}
          </Heading>
          <TaskForm
            onCreated={() => {
              setShowForm(false);
              setCreated(true);
              reload();
            }}
          />
          <div>
            <Button variant="tertiary" data-size="sm" onClick={() => setShowForm(false)}>
              {t('app.cancel')}
            </Button>
          </div>
        </section>
      )}

      <section className="jr-section" aria-labelledby="my-tasks-title">
        <Heading level={2} data-size="md" id="my-tasks-title">
          {t('tasks.mine')}
        </Heading>
        {mine.error && <ErrorAlert error={mine.error} />}
        {!mine.data && !mine.error && <Loading />}
        {mine.data && <TaskList tasks={mine.data} empty={t('tasks.mineEmpty')} showResident onChanged={reload} />}
      </section>

      <section className="jr-section" aria-labelledby="overdue-title">
        <Heading level={2} data-size="md" id="overdue-title">
          {t('tasks.overdue')}
        </Heading>
        <Paragraph className="jr-muted">{t('tasks.overdueHint')}</Paragraph>
        {overdue.error && <ErrorAlert error={overdue.error} />}
        {!overdue.data && !overdue.error && <Loading />}
        {overdue.data && <TaskList tasks={overdue.data} empty={t('tasks.overdueEmpty')} showResident onChanged={reload} />}
      </section>
    </div>
  );
}
