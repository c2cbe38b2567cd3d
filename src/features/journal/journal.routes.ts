import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/openapi.ts';
import { journalEntryInput, journalEntryOutput } from './journal.schema.ts';
import { changeGoalProgressInput, createGoalInput, goalOutput, importGoalsOutput, personGoalsAndTasksOutput } from './goals.schema.ts';
import { assigneeOutput, createTaskInput, overdueByPersonOutput, taskOutput } from './tasks.schema.ts';
import { correctJournalEntry, listJournal, writeJournalEntry } from './journal.service.ts';
import { changeGoalProgress, createGoal, getPersonGoalsAndTasks, importGoalsFromAgreement } from './goals.service.ts';
import { completeTask, countOverdueTasksByPerson, createTask, listAssignees, listMyTasks, listOverdueTasks, reopenTask } from './tasks.service.ts';

/** The journal, goals and tasks of residents (issue 4, items 1 and 2). */
export function registerJournalRoutes(app: App) {
  const journal = ['journal'];
  const followUp = ['goals and tasks'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/journal',
      tags: journal,
      summary: "A resident's journal, newest first; sensitive entries are shielded unless the role may read them (logged as a read)",
      request: { params: idParam },
      responses: { 200: jsonResponse(z.array(journalEntryOutput), 'The entries the reader may see'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await listJournal(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/journal',
      tags: journal,
      summary: 'Write a journal entry (never edited or deleted afterwards)',
      request: { params: idParam, body: jsonBody(journalEntryInput) },
      responses: { 201: jsonResponse(journalEntryOutput, 'Written'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await writeJournalEntry(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/journal-entries/{id}/corrections',
      tags: journal,
      summary: 'Correct an entry with a new entry that references it; the original is kept and shown as corrected',
      request: { params: idParam, body: jsonBody(journalEntryInput) },
      responses: { 201: jsonResponse(journalEntryOutput, 'The correction'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await correctJournalEntry(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/goals-and-tasks',
      tags: followUp,
      summary: "A resident's goals with their history, and their tasks (logged as a read)",
      request: { params: idParam },
      responses: { 200: jsonResponse(personGoalsAndTasksOutput, 'Goals and tasks'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getPersonGoalsAndTasks(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/goals',
      tags: followUp,
      summary: 'Add a goal typed in by staff',
      request: { params: idParam, body: jsonBody(createGoalInput) },
      responses: { 201: jsonResponse(goalOutput, 'Added'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await createGoal(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/{id}/goals/from-agreement',
      tags: followUp,
      summary: "Make goals of the latest agreement's goals that are not there yet",
      request: { params: idParam },
      responses: { 201: jsonResponse(importGoalsOutput, 'Goals made'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await importGoalsFromAgreement(c.get('ctx'), c.req.valid('param').id), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/goals/{id}/progress',
      tags: followUp,
      summary: "Change a goal's progress, or note how it goes (a row in its history either way)",
      request: { params: idParam, body: jsonBody(changeGoalProgressInput) },
      responses: { 200: jsonResponse(goalOutput, 'The goal with its history'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await changeGoalProgress(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tasks',
      tags: followUp,
      summary: 'Create a task with an assignee and a due date, optionally about a resident and one of their goals',
      request: { body: jsonBody(createTaskInput) },
      responses: { 201: jsonResponse(taskOutput, 'Created'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await createTask(c.get('ctx'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tasks/{id}/complete',
      tags: followUp,
      summary: 'Mark a task as done',
      request: { params: idParam },
      responses: { 200: jsonResponse(taskOutput, 'Done'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await completeTask(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tasks/{id}/reopen',
      tags: followUp,
      summary: 'Open a done task again',
      request: { params: idParam },
      responses: { 200: jsonResponse(taskOutput, 'Open again'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await reopenTask(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tasks/mine',
      tags: followUp,
      summary: 'My open tasks, by due date',
      responses: { 200: jsonResponse(z.array(taskOutput), 'Open tasks assigned to the caller'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listMyTasks(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tasks/overdue',
      tags: followUp,
      summary: 'Open tasks due before today (Europe/Oslo), of all staff',
      responses: { 200: jsonResponse(z.array(taskOutput), 'Overdue tasks, oldest due date first'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listOverdueTasks(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tasks/overdue-by-person',
      tags: followUp,
      summary: 'How many overdue tasks each resident has (for the board)',
      responses: { 200: jsonResponse(z.array(overdueByPersonOutput), 'Residents with at least one overdue task'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await countOverdueTasksByPerson(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tasks/assignees',
      tags: followUp,
      summary: 'The staff a task can be given to',
      responses: { 200: jsonResponse(z.array(assigneeOutput), 'Active staff, by name'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await listAssignees(c.get('ctx')), 200),
  );
}
