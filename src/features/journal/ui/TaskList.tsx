import { Button, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useState } from 'react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { ErrorAlert } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import type { TaskOutput } from '../tasks.schema.ts';
import { ClosedRecordTag } from '../../privacy/ui/ClosedRecordTag.tsx';

/** Tasks as a list that works on a phone: title, due date ("Forfalt" in words too), who, resident, goal; done/reopen. */
export function TaskList(props: { tasks: TaskOutput[]; empty: string; showResident?: boolean; onChanged(): void }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function toggle(task: TaskOutput) {
    setBusy(task.id);
    setError(null);
    try {
      await api.post(`/api/tasks/${task.id}/${task.doneAt ? 'reopen' : 'complete'}`);
      props.onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setBusy(null);
    }
  }

  if (props.tasks.length === 0) return <Paragraph>{props.empty}</Paragraph>;
  return (
    <>
      {error && <ErrorAlert error={error} />}
      <ul className="jr-tasks">
        {props.tasks.map((task) => (
          <li key={task.id} className="jr-task" data-done={task.doneAt !== null} data-overdue={task.overdue}>
            <div className="jr-task-head">
              <span className="jr-task-title">{task.personRecordClosed ? t('tasks.closedTitle') : task.title}</span>
              {task.overdue && (
                <Tag data-color="danger" data-size="sm">
                  {t('tasks.overdueTag')}
                </Tag>
              )}
              {task.dueOn && !task.doneAt && <span>{t('tasks.due', { date: formatDate(task.dueOn) })}</span>}
            </div>
            <p className="jr-muted">
              {task.assigneeName && `${t('tasks.assignee')}: ${task.assigneeName}`}
              {task.goalTitle && ` · ${t('tasks.goalShown', { title: task.goalTitle })}`}
            </p>
            {props.showResident && task.personId && task.personName && (
              <p>
                {t('tasks.resident')}:{' '}
                <Link asChild>
                  <RouterLink to={`/personer/${task.personId}`}>{task.personName}</RouterLink>
                </Link>
                {task.personRecordClosed && (
                  <>
                    {' '}
                    <ClosedRecordTag />
                  </>
                )}
              </p>
            )}
            {task.doneAt && <p className="jr-muted">{t('tasks.done', { when: formatDateTime(task.doneAt, locale), name: task.doneByName ?? '–' })}</p>}
            {can('task:write') && !task.personRecordClosed && (
              <div className="no-print">
                <Button
                  variant={task.doneAt ? 'tertiary' : 'secondary'}
                  data-size="sm"
                  disabled={busy === task.id}
                  onClick={() => void toggle(task)}
                  aria-label={task.doneAt ? t('tasks.reopenNamed', { title: task.title }) : t('tasks.completeNamed', { title: task.title })}
                >
                  {task.doneAt ? t('tasks.reopen') : t('tasks.complete')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
