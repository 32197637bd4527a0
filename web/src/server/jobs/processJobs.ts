import { env } from "@/env";
import { db, processJobSql } from "@/server/db/client";
import { jobDefinitions } from "@/server/jobs/jobDefinitions";
import { startJobRunner, type JobRunner } from "@/server/jobs/jobRunner";

// One runner per process, shared by Next's bundle and the Node server around it (they load
// separate copies of this module), as the database handle is.
const holder = globalThis as typeof globalThis & { __liveloopJobs?: Promise<JobRunner> };

/**
 * Starts the process's job runner once: the web process runs jobs itself by default;
 * `npm run worker` processes do too on a shared PostgreSQL.
 */
export function startProcessJobs(options: { work: boolean; drain?: boolean }): Promise<JobRunner> {
  holder.__liveloopJobs ??= startJobRunner({
    database: db(),
    jobSql: processJobSql(),
    definitions: jobDefinitions,
    work: options.work,
    drain: options.drain ?? false,
  }).catch((error: unknown) => {
    // A failed start (database unreachable) is tried again by the next caller.
    holder.__liveloopJobs = undefined;
    throw error;
  });
  return holder.__liveloopJobs;
}

/** The running job runner, for endpoints that queue work (backfills, retries). */
export function processJobs(): Promise<JobRunner> {
  return startProcessJobs({ work: env().LIVELOOP_WEB_RUNS_JOBS });
}

/** Lets running jobs finish and stops taking new ones; before the database closes. */
export async function stopProcessJobs(): Promise<void> {
  const running = holder.__liveloopJobs;
  holder.__liveloopJobs = undefined;
  if (running) await (await running).stop();
}
