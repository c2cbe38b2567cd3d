import { z } from 'zod';
import { optionalText, requiredText } from '../../platform/http/shared-schemas.ts';
import { taskOutput } from './tasks.schema.ts';

// Same list as goalProgress in journal.tables.ts (checked in journal.rules.test.ts).
export const goalProgress = z.enum(['not_started', 'in_progress', 'achieved', 'dropped']);

export const createGoalInput = z.object({ title: requiredText(500) }).meta({ id: 'CreateGoalInput' });

export const changeGoalProgressInput = z
  .object({ progress: goalProgress, note: optionalText(2000) })
  .meta({ id: 'ChangeGoalProgressInput', description: 'A new progress, or the same progress with a note' });

export const goalEventOutput = z
  .object({ id: z.uuid(), at: z.string(), byName: z.string().nullable(), progress: goalProgress, note: z.string().nullable() })
  .meta({ id: 'GoalEvent' });

export const goalOutput = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    stayId: z.uuid().nullable(),
    title: z.string(),
    progress: goalProgress,
    createdAt: z.string(),
    createdByName: z.string().nullable(),
    events: z.array(goalEventOutput).meta({ description: 'Oldest first' }),
  })
  .meta({ id: 'Goal' });

export const importGoalsOutput = z
  .object({ created: z.array(goalOutput), alreadyThere: z.number().int() })
  .meta({ id: 'ImportGoalsResult', description: "Goals made from the latest agreement's goals; those already there are not made twice" });

export const personGoalsAndTasksOutput = z
  .object({
    goals: z.array(goalOutput),
    tasks: z.array(taskOutput),
    agreementGoalsToImport: z.number().int().meta({ description: "Goals of the latest agreement not yet among the person's goals" }),
  })
  .meta({ id: 'PersonGoalsAndTasks' });

export type GoalProgress = z.infer<typeof goalProgress>;
export type CreateGoalInput = z.infer<typeof createGoalInput>;
export type ChangeGoalProgressInput = z.infer<typeof changeGoalProgressInput>;
export type GoalOutput = z.infer<typeof goalOutput>;
export type PersonGoalsAndTasksOutput = z.infer<typeof personGoalsAndTasksOutput>;
