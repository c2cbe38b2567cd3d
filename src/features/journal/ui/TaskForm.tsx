import { type FormEvent } from 'react';
import { Button, Field, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { parseDateInput } from '../../../platform/ui/format.ts';
import { createTaskInput, type AssigneeOutput, type TaskOutput } from '../tasks.schema.ts';
import type { GoalOutput } from '../goals.schema.ts';

/** A new task: title, (the resident's goal), who does it, due date. The API's schema checks it first. */
export function TaskForm(props: { personId?: string; goals?: GoalOutput[]; onCreated(task: TaskOutput): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const form = useSchemaForm(createTaskInput);
  const assignees = useApi<AssigneeOutput[]>('/api/tasks/assignees');
  const labels: Record<string, string> = {
    title: t('tasks.taskTitle'),
    goalId: t('tasks.goal'),
    assigneeId: t('tasks.assignee'),
    dueOn: t('tasks.dueOn'),
  };
  const err = (field: string) => form.fieldErrors[field];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const data = new FormData(formElement);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw = {
      title: text('title'),
      personId: props.personId,
      goalId: text('goalId'),
      assigneeId: text('assigneeId'),
      dueOn: parseDateInput(text('dueOn')),
    };
    await form.submit(raw, async (value) => {
      props.onCreated(await api.post<TaskOutput>('/api/tasks', value));
      formElement.reset();
    });
  }

  return (
    <form onSubmit={handleSubmit} className="stack" noValidate>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <Textfield id={fieldId('title')} name="title" label={t('tasks.taskTitle')} error={err('title')} autoComplete="off" />
      <div className="jr-grid">
        {props.goals && props.goals.length > 0 && (
          <Field>
            <Label htmlFor={fieldId('goalId')}>{t('tasks.goal')}</Label>
            <Select id={fieldId('goalId')} name="goalId" defaultValue="">
              <Select.Option value="">{t('tasks.noGoal')}</Select.Option>
              {props.goals.map((g) => (
                <Select.Option key={g.id} value={g.id}>
                  {g.title}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Field>
          <Label htmlFor={fieldId('assigneeId')}>{t('tasks.assignee')}</Label>
          <Select
            key={assignees.data ? 'loaded' : 'loading'}
            id={fieldId('assigneeId')}
            name="assigneeId"
            defaultValue={assignees.data?.some((a) => a.id === user?.id) ? user!.id : ''} aria-invalid={err('assigneeId') ? true : undefined}>
            <Select.Option value="">{t('tasks.chooseAssignee')}</Select.Option>
            {(assignees.data ?? []).map((a) => (
              <Select.Option key={a.id} value={a.id}>
                {a.displayName}
              </Select.Option>
            ))}
          </Select>
          {err('assigneeId') && <ValidationMessage>{err('assigneeId')}</ValidationMessage>}
        </Field>
        <Textfield
          id={fieldId('dueOn')}
          name="dueOn"
          label={t('tasks.dueOn')}
          description={t('journal.dateHint')}
          error={err('dueOn')}
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
      <div>
        <Button type="submit" disabled={form.submitting}>
          {t('tasks.add')}
        </Button>
      </div>
    </form>
  );
}
