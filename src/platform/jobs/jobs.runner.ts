import { PgBoss } from 'pg-boss';
import type { ConstructorOptions } from 'pg-boss';
import { jobHandlers, jobNames, type JobDeps, type JobName } from './jobs.daily.ts';
import { pgliteJobsDb } from './jobs.pglite-adapter.ts';

/** When each job runs, in Oslo time: warnings before the day shift starts, the digest after them; the monthly report on the 1st. */
export const jobSchedules: Record<JobName, string> = {
  'daily-clock': '0 6 * * *',
  'daily-digest': '30 6 * * *',
  // Severe incidents: the lead's e-mail goes out within a minute or two of the incident.
  'incident-alerts': '* * * * *',
  'monthly-report': '0 5 1 * *',
  // The previous month's statements, early on the 1st, before the monthly report reads their totals.
  'monthly-statements': '30 4 1 * *',
};
export const JOBS_TIME_ZONE = 'Europe/Oslo';

export interface JobRunner {
  /** Sends the job to the queue now and resolves when this process has run it (rejects if it failed). */
  runNow(name: JobName): Promise<void>;
  /** Stops taking work and waits up to `timeoutMs` for a running job; never throws. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface RunnerOptions {
  /** PostgreSQL only: where pg-boss connects (DATABASE_URL by default; tests pass their own database). */
  databaseUrl?: string;
  /** Seconds between polls for new jobs (pg-boss's minimum is 0.5). runNow wakes the worker at once anyway. */
  pollingIntervalSeconds?: number;
  /** Register the daily cron schedules (default true). */
  schedule?: boolean;
}

/**
 * The job runner: pg-boss in the app's own database, schema `pgboss`. On PostgreSQL it opens its own
 * small pool from DATABASE_URL; on PGlite it shares the app's instance through the adapter (never a
 * second PGlite). The daily jobs are cron schedules in Europe/Oslo, kept in the database, so with
 * several app processes each occurrence still runs once; a day missed while the app was down runs
 * once when it is back.
 */
export async function startJobRunner(deps: JobDeps, options: RunnerOptions = {}): Promise<JobRunner> {
  const { database, env, log } = deps;
  const base: ConstructorOptions = { schema: 'pgboss', application_name: 'bolignu-jobs' };
  let config: ConstructorOptions;
  if (database.engine === 'postgresql') {
    config = { ...base, connectionString: options.databaseUrl ?? env.DATABASE_URL, max: 2 };
  } else {
    if (!database.pglite) throw new Error('the job runner needs the PGlite instance of the app');
    // Maintenance with REINDEX would hold the one shared connection: the queues here are tiny.
    config = { ...base, db: pgliteJobsDb(database.pglite), backend: 'pglite', reindex: false };
  }
  const boss = new PgBoss(config);
  boss.on('error', (err) => log.error({ err: err.message }, 'job runner error'));

  const waiting = new Map<string, { resolve(): void; reject(err: Error): void }>();
  await boss.start();
  const workerIds = new Map<JobName, string>();
  for (const name of jobNames) {
    await boss.createQueue(name, { retryLimit: 2, retryDelay: 300, expireInSeconds: 30 * 60 });
    const workerId = await boss.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 60 }, async (jobs) => {
      for (const job of jobs) {
        try {
          await jobHandlers[name](deps);
          waiting.get(job.id)?.resolve();
        } catch (err) {
          waiting.get(job.id)?.reject(err as Error);
          throw err;
        } finally {
          waiting.delete(job.id);
        }
      }
    });
    workerIds.set(name, workerId);
    if (options.schedule ?? true) await boss.schedule(name, jobSchedules[name], null, { tz: JOBS_TIME_ZONE, missed: 'once' });
  }
  log.info({ jobs: jobNames, database: database.engine }, 'job runner started');

  return {
    async runNow(name) {
      const id = await boss.send(name, null, { retryLimit: 0 });
      if (!id) throw new Error(`job ${name} was not queued`);
      const done = new Promise<void>((resolve, reject) => waiting.set(id, { resolve, reject }));
      boss.notifyWorker(workerIds.get(name)!);
      await done;
    },
    async stop(timeoutMs = 5000) {
      try {
        await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'job runner did not stop cleanly');
      }
    },
  };
}

/**
 * Starts the runner in the background for the server: start-up never waits for it and a failure to
 * start is logged, not fatal (the app works without its daily jobs). `stop` waits at most
 * `timeoutMs` in all, also when the runner is still starting.
 */
export function launchJobRunner(deps: JobDeps, options: RunnerOptions = {}): { stop(timeoutMs?: number): Promise<void> } {
  const starting = startJobRunner(deps, options).catch((err: Error) => {
    deps.log.error({ err: err.message }, 'job runner did not start; scheduled jobs will not run');
    return null;
  });
  return {
    async stop(timeoutMs = 5000) {
      const deadline = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs).unref());
      const runner = await Promise.race([starting, deadline]);
      if (runner) await Promise.race([runner.stop(timeoutMs), deadline]);
    },
  };
}
