import { z } from 'zod';
import { isoDate, requiredText } from '../../platform/http/shared-schemas.ts';

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const createTaskInput = z
  .object({
    title: requiredText(300),
    personId: z.preprocess(emptyToUndefined, z.uuid().optional()).meta({ description: 'The resident the task is about, if any' }),
    goalId: z.preprocess(emptyToUndefined, z.uuid().optional()).meta({ description: "One of the resident's goals, if any" }),
    assigneeId: z.preprocess(emptyToUndefined, z.uuid('journal.validation.chooseAssignee')).meta({ description: 'A staff user of the service' }),
    dueOn: isoDate.meta({ description: 'Due date, yyyy-mm-dd (the form takes dd.mm.yyyy); overdue from the day after' }),
  })
  .meta({ id: 'CreateTaskInput' });

export const taskOutput = z
  .object({
    id: z.uuid(),
    title: z.string(),
    personId: z.uuid().nullable(),
    personName: z.string().nullable(),
    /**
     * In a task list: the resident's record is closed to this user (access by need). The task keeps
     * its resident's name, due date and assignee; its title and goal are left out (empty title).
     */
    personRecordClosed: z.boolean(),
    goalId: z.uuid().nullable(),
    goalTitle: z.string().nullable(),
    assigneeId: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
    dueOn: isoDate.nullable(),
    overdue: z.boolean().meta({ description: 'Open, and due before today in Europe/Oslo' }),
    doneAt: z.string().nullable(),
    doneByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Task' });

export const assigneeOutput = z.object({ id: z.uuid(), displayName: z.string() }).meta({ id: 'TaskAssignee' });

export const overdueByPersonOutput = z
  .object({ personId: z.uuid(), count: z.number().int() })
  .meta({ id: 'OverdueTasksOfPerson' });

export type CreateTaskInput = z.infer<typeof createTaskInput>;
export type TaskOutput = z.infer<typeof taskOutput>;
export type AssigneeOutput = z.infer<typeof assigneeOutput>;
export type OverdueByPersonOutput = z.infer<typeof overdueByPersonOutput>;
