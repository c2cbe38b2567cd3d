import './journal.css';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Details, Field, Heading, Label, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api, type ApiError } from '../../../platform/ui/api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDateTime } from '../../../platform/ui/format.ts';
import {
  changeGoalProgressInput,
  createGoalInput,
  goalProgress,
  type GoalOutput,
  type GoalProgress,
  type PersonGoalsAndTasksOutput,
} from '../goals.schema.ts';
import { TaskList } from './TaskList.tsx';
import { TaskForm } from './TaskForm.tsx';

const progressColour: Record<GoalProgress, 'neutral' | 'info' | 'success' | 'warning'> = {
  not_started: 'neutral',
  in_progress: 'info',
  achieved: 'success',
  dropped: 'warning',
};

/** The "Mål og oppgaver" section of a resident's page; nothing for roles that may not see tasks. */
export function GoalsAndTasksSection({ personId }: { personId: string }) {
  const { can } = useSession();
  if (!can('task:read')) return null;
  return <GoalsAndTasks personId={personId} />;
}

function GoalsAndTasks({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const data = useApi<PersonGoalsAndTasksOutput>(`/api/people/${personId}/goals-and-tasks`);
  const [notice, setNotice] = useState<string | null>(null);
  const [importError, setImportError] = useState<ApiError | null>(null);
  const [showTaskForm, setShowTaskForm] = useState(false);
  const canWrite = can('task:write');
  const reload = () => void data.reload();

  async function importGoals() {
    setImportError(null);
    try {
      const result = await api.post<{ created: GoalOutput[] }>(`/api/people/${personId}/goals/from-agreement`);
      setNotice(t('goals.imported', { count: result.created.length }));
      reload();
    } catch (err) {
      setImportError(err as ApiError);
    }
  }

  return (
    <section className="jr-section" aria-labelledby="goals-and-tasks-title">
      <Heading level={2} data-size="md" id="goals-and-tasks-title">
        {t('goals.sectionTitle')}
      </Heading>
      {notice && (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      )}
      {data.error && <ErrorAlert error={data.error} />}
      {!data.data && !data.error && <Loading />}
      {data.data && (
        <>
          <div className="jr-section">
            <Heading level={3} data-size="sm">
              {t('goals.title')}
            </Heading>
            {canWrite && data.data.agreementGoalsToImport > 0 && (
              <div className="jr-actions no-print">
                <Paragraph>{t('goals.fromAgreementHint', { count: data.data.agreementGoalsToImport })}</Paragraph>
                <Button variant="secondary" data-size="sm" onClick={() => void importGoals()}>
                  {t('goals.fromAgreement')}
                </Button>
              </div>
            )}
            {importError && <ErrorAlert error={importError} />}
            {data.data.goals.length === 0 ? (
              <Paragraph>{t('goals.empty')}</Paragraph>
            ) : (
              <ul className="jr-goals">
                {data.data.goals.map((goal) => (
                  <li key={goal.id} className="jr-goal">
                    <GoalItem goal={goal} canWrite={canWrite} onChanged={reload} />
                  </li>
                ))}
              </ul>
            )}
            {canWrite && (
              <NewGoalForm
                personId={personId}
                onAdded={() => {
                  setNotice(t('goals.added'));
                  reload();
                }}
              />
            )}
          </div>

          <div className="jr-section">
            <div className="jr-actions">
              <Heading level={3} data-size="sm" style={{ marginRight: 'auto' }}>
                {t('tasks.title')}
              </Heading>
              {canWrite && !showTaskForm && (
                <Button variant="secondary" data-size="sm" className="no-print" onClick={() => setShowTaskForm(true)}>
                  {t('tasks.new')}
                </Button>
              )}
            </div>
            {showTaskForm && (
              <div className="jr-panel no-print">
                <Heading level={4} data-size="2xs">
                  {t('tasks.new')}
                </Heading>
                <TaskForm
                  personId={personId}
                  goals={data.data.goals}
                  onCreated={() => {
                    setShowTaskForm(false);
                    setNotice(t('tasks.created'));
                    reload();
                  }}
                />
                <div>
                  <Button variant="tertiary" data-size="sm" onClick={() => setShowTaskForm(false)}>
                    {t('app.cancel')}
                  </Button>
                </div>
              </div>
            )}
            <TaskList tasks={data.data.tasks} empty={t('tasks.empty')} onChanged={reload} />
          </div>
        </>
      )}
    </section>
  );
}

function GoalItem({ goal, canWrite, onChanged }: { goal: GoalOutput; canWrite: boolean; onChanged(): void }) {
  const { t, locale } = useI18n();
  const form = useSchemaForm(changeGoalProgressInput);
  const prefix = `goal-${goal.id}`;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const data = new FormData(formElement);
    const ok = await form.submit({ progress: String(data.get('progress')), note: String(data.get('note') ?? '') }, async (value) => {
      await api.post(`/api/goals/${goal.id}/progress`, value);
    });
    if (ok) {
      formElement.reset();
      onChanged();
    }
  }

  return (
    <>
      <div className="jr-goal-head">
        <span className="jr-goal-title">{goal.title}</span>
        <Tag data-color={progressColour[goal.progress]} data-size="sm">
          {t(`goals.progress.${goal.progress}`)}
        </Tag>
      </div>
      {canWrite && (
        <Details className="no-print">
          <Details.Summary>{t('goals.updateStatus')}</Details.Summary>
          <Details.Content>
            <form onSubmit={handleSubmit} className="jr-grid" noValidate aria-label={t('goals.updateFor', { title: goal.title })}>
              <Field>
                <Label htmlFor={`${prefix}-progress`}>{t('goals.progress')}</Label>
                <Select key={goal.progress} id={`${prefix}-progress`} name="progress" defaultValue={goal.progress}>
                  {goalProgress.options.map((p) => (
                    <Select.Option key={p} value={p}>
                      {t(`goals.progress.${p}`)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Textfield id={`${prefix}-note`} name="note" label={t('goals.note')} error={form.fieldErrors.note} autoComplete="off" />
              <div className="jr-actions" style={{ alignSelf: 'end' }}>
                <Button type="submit" variant="secondary" data-size="sm" disabled={form.submitting}>
                  {t('goals.update')}
                </Button>
              </div>
              {form.formError && !form.fieldErrors.note && <ValidationMessage>{form.formError.message}</ValidationMessage>}
            </form>
          </Details.Content>
        </Details>
      )}
      <Details>
        <Details.Summary>
          {t('goals.history')} ({goal.events.length})
        </Details.Summary>
        <Details.Content>
          <ol className="jr-history">
            {goal.events.map((e) => (
              <li key={e.id}>
                {t('goals.historyLine', { date: formatDateTime(e.at, locale), progress: t(`goals.progress.${e.progress}`) })}
                {e.byName && ` ${t('goals.by', { name: e.byName })}`}
                {e.note && ` – ${e.note}`}
              </li>
            ))}
          </ol>
        </Details.Content>
      </Details>
    </>
  );
}

function NewGoalForm({ personId, onAdded }: { personId: string; onAdded(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(createGoalInput);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const ok = await form.submit({ title: String(new FormData(formElement).get('title') ?? '') }, async (value) => {
      await api.post(`/api/people/${personId}/goals`, value);
    });
    if (ok) {
      formElement.reset();
      onAdded();
    }
  }

  return (
    <form onSubmit={handleSubmit} className="jr-actions no-print" noValidate>
      <div style={{ flex: '1 1 16rem' }}>
        <Textfield id="goal-new-title" name="title" label={t('goals.newTitle')} error={form.fieldErrors.title ?? (form.formError?.status !== 400 ? form.formError?.message : undefined)} autoComplete="off" />
      </div>
      <Button type="submit" variant="secondary" disabled={form.submitting} style={{ alignSelf: 'end' }}>
        {t('goals.add')}
      </Button>
    </form>
  );
}
