import type { Database } from "@/server/db/client";

/** What a job's handler gets besides its data. */
export interface JobContext {
  database: Database;
  now: () => Date;
  /** Queues follow-up work (the scan queues one evaluation per trace). */
  send: (queue: string, data: object[], options?: { startAfterSeconds?: number }) => Promise<void>;
  /** Queues one job and returns its id (to show and follow on the Jobs page). */
  sendOne: (queue: string, data: object) => Promise<string>;
}

/**
 * One kind of background work, run on pg-boss. Handlers are idempotent: a job runs at least
 * once (a process dying mid-job gives it to another after `expireInSeconds`).
 */
export interface JobDefinition<Data extends object = object> {
  queue: string;
  /** Label for the Jobs page. */
  title: string;
  /**
   * "stately": at most one queued and one running, so a schedule never runs twice at once;
   * "standard": any number (one per trace).
   */
  policy: "standard" | "stately";
  /** Runs every this many seconds, once per interval across every process sharing the database. */
  everySeconds?: number;
  /**
   * Its finished runs are routine (one per trace, say): the Jobs page's "current" view leaves
   * them out, as it does a schedule's (any definition with everySeconds).
   */
  routine?: boolean;
  /** Retries after a failure, with exponential backoff from retryDelaySeconds; then the job is dead and keeps its error. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A running job not finished by then counts as failed (its process died) and is retried. */
  expireInSeconds: number;
  /** Jobs fetched per poll and run at once; each still succeeds or fails on its own. */
  batchSize?: number;
  /** Throws to fail (and retry) this one job. */
  handle(data: Data, context: JobContext): Promise<void>;
}

/** Keeps the data type of each definition while they share one list. */
export function defineJob<Data extends object>(definition: JobDefinition<Data>): JobDefinition<Data> {
  return definition;
}
