import PgBoss from "pg-boss";
import type { JobSqlExecutor } from "@liveloop/prisma/connection";
import type { Database } from "@/server/db/client";
import { isDatabaseUnavailable } from "@/server/db/client";
import type { JobContext, JobDefinition } from "@/server/jobs/jobDefinition";

/** pg-boss keeps its tables in their own schema, out of Prisma's migrations. */
export const jobSchema = "pgboss";
/** Where jobs go once their retries are spent; they keep their last error. */
export const deadLetterQueue = "dead-letters";

export interface JobRunnerOptions {
  database: Database;
  jobSql: JobSqlExecutor;
  definitions: readonly JobDefinition[];
  /** Fetch and run jobs here (the web process and `npm run worker`); false only queues. */
  work: boolean;
  now?: () => Date;
  pollingIntervalSeconds?: number;
  /**
   * Fetch the next batch at once while a queue has a backlog (`npm run worker`), instead of
   * one batch per polling interval. The web process polls, so background work takes a
   * bounded share of the CPU that answers requests.
   */
  drain?: boolean;
}

export interface JobRunner {
  boss: PgBoss;
  context: JobContext;
  stop(): Promise<void>;
}

function errorOutput(error: unknown): object {
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}

/**
 * Starts pg-boss on the app's own database connection (PostgreSQL or the embedded PGlite),
 * creates the queues, keeps the interval schedules ticking and, when `work`, runs handlers.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const { database, jobSql, definitions } = options;
  const now = options.now ?? (() => new Date());
  const boss = new PgBoss({
    db: { executeSql: (text, values: unknown[] | undefined) => jobSql.executeSql(text, values) },
    schema: jobSchema,
    // Liveloop's schedules are intervals (below), not cron: no cron polling.
    schedule: false,
    // Completed and failed jobs stay listable on the Jobs page for a week.
    deleteAfterDays: 7,
  });
  boss.on("error", (error: unknown) => {
    if (!isDatabaseUnavailable(error)) console.error("Job queue error", error);
  });
  await boss.start();
  // The Jobs page lists a project's jobs by the projectId in their data, newest first.
  await jobSql
    .executeSql(`CREATE INDEX IF NOT EXISTS liveloop_job_project ON ${jobSchema}.job ((data->>'projectId'), created_on)`, [])
    .catch((error: unknown) => {
      if (!isStartRace(error)) throw error;
    });
  await ensureQueue(boss, { name: deadLetterQueue, policy: "standard", retryLimit: 0 });
  for (const definition of definitions) {
    await ensureQueue(boss, {
      name: definition.queue,
      policy: definition.policy,
      retryLimit: definition.retryLimit,
      retryDelay: definition.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: definition.expireInSeconds,
      deadLetter: deadLetterQueue,
    });
  }

  const context: JobContext = {
    database,
    now,
    send: async (queue, data, sendOptions) => {
      if (data.length === 0) return;
      const startAfter = sendOptions?.startAfterSeconds ? new Date(now().getTime() + sendOptions.startAfterSeconds * 1000) : undefined;
      await boss.insert(data.map((item) => ({ name: queue, data: item, ...(startAfter ? { startAfter } : {}) })));
    },
    sendOne: async (queue, data) => {
      const id = await boss.send(queue, data);
      if (id === null) throw new Error(`The ${queue} queue refused the job`);
      return id;
    },
  };

  const timers: NodeJS.Timeout[] = [];
  for (const definition of definitions) {
    if (definition.everySeconds === undefined) continue;
    const every = definition.everySeconds;
    // One job per interval slot across all processes (singletonSeconds), whoever ticks first.
    const tick = () =>
      boss.send(definition.queue, {}, { singletonKey: definition.queue, singletonSeconds: every }).catch((error: unknown) => {
        if (!isDatabaseUnavailable(error)) console.error(`Scheduling ${definition.queue} failed`, error);
      });
    // Awaited so that a started runner has its first slot queued (callers and tests
    // may read the queue right after start).
    await tick();
    const timer = setInterval(() => void tick(), Math.max(1, every / 2) * 1000);
    timer.unref();
    timers.push(timer);
  }

  if (options.work) {
    for (const definition of definitions) {
      const batchSize = definition.batchSize ?? 1;
      let workerId = "";
      workerId = await boss.work<object>(
        definition.queue,
        { batchSize, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        // Each job of a batch succeeds or fails alone: failed ones are marked here, and
        // pg-boss then completes only those still active.
        async (jobs) => {
          await Promise.all(
            jobs.map(async (job) => {
              try {
                await definition.handle(job.data, context);
              } catch (error) {
                if (!isDatabaseUnavailable(error)) console.error(`Job ${definition.queue} ${job.id} failed`, error);
                await boss.fail(definition.queue, job.id, errorOutput(error));
              }
            }),
          );
          if (options.drain && jobs.length === batchSize) boss.notifyWorker(workerId);
        },
      );
    }
  }

  return {
    boss,
    context,
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}

/** PostgreSQL codes of a lost race between processes creating the same queue or index at once. */
const startRaceCodes = new Set(["40P01", "23505", "42P07"]);
const isStartRace = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && startRaceCodes.has(code);
};

async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (await boss.getQueue(queue.name)) await boss.updateQueue(queue.name, queue);
      else await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      // The web process and workers start together: whoever lost creating a queue finds it made.
      if (attempt >= 5 || !isStartRace(error)) throw error;
    }
  }
}
