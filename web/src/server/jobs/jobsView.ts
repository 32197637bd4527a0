import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db, type Queryable } from "@/server/db/client";
import { can, type Role } from "@/server/auth/permissions";
import type { JobDefinition } from "@/server/jobs/jobDefinition";
import { jobDefinitions } from "@/server/jobs/jobDefinitions";
import { deadLetterQueue, jobSchema as bossSchema } from "@/server/jobs/jobRunner";
import { BadRequestError, ConflictError, NotFoundError } from "@/server/errors";
import {
  jobStateFilters,
  type JobCounts,
  type JobList,
  type JobListQuery,
  type JobState,
  type JobStateFilter,
  type JobView,
} from "@/contracts/jobs";

/** Jobs per page; pg-boss deletes finished jobs after a week, so a project's list stays walkable. */
export const jobsPageSize = 50;

/** The pg-boss states each state filter of the Jobs page shows. */
export const statesOfFilter: Record<JobStateFilter, JobState[]> = {
  queued: ["created", "retry"],
  active: ["active"],
  failed: ["failed"],
  completed: ["completed"],
};

interface JobRow {
  id: string;
  name: string;
  state: JobState;
  hasProject: boolean;
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  createdKey: string;
  startedOn: Date | null;
  completedOn: Date | null;
  output: unknown;
}

const jobTable = Prisma.raw(`${bossSchema}.job`);

/**
 * Which jobs a project sees: its own (handlers get `projectId` in their data) and the
 * schedules every project shares (rollups, review routing), which carry no project. The
 * dead-letter copies are left out: the failed original is listed, with its error.
 */
function inScope(projectId: string, definitions: readonly JobDefinition[]): Prisma.Sql {
  const shared = definitions.filter((definition) => definition.everySeconds !== undefined).map((definition) => definition.queue);
  return Prisma.sql`name <> ${deadLetterQueue}
    AND (data->>'projectId' = ${projectId} OR (name = ANY(${shared}::text[]) AND NOT coalesce(data ? 'projectId', false)))`;
}

const finishedStates: JobState[] = ["completed", "cancelled"];

/** Queues whose finished runs the "current" view leaves out: schedules, and work marked routine. */
function routineQueues(definitions: readonly JobDefinition[]): string[] {
  return definitions.filter((definition) => definition.everySeconds !== undefined || definition.routine).map(({ queue }) => queue);
}

/** Before the job runner first starts, pg-boss has not made its tables: there are no jobs yet. */
async function jobTableExists(database: Queryable): Promise<boolean> {
  const [row] = await database.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass(${`${bossSchema}.job`}) IS NOT NULL AS "exists"`;
  return row?.exists ?? false;
}

// pg-boss keeps microseconds; the cursor carries created_on as text so no job falls between pages.
const cursorSchema = z.object({ createdKey: z.string().max(40), id: z.uuid() });

function encodeCursor(row: JobRow): string {
  return Buffer.from(JSON.stringify({ createdKey: row.createdKey, id: row.id })).toString("base64url");
}

function decodeCursor(cursor: string): z.infer<typeof cursorSchema> {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new BadRequestError("Unknown cursor; pass the nextCursor of a previous page", [{ path: ["cursor"], message: "not a cursor" }]);
  }
}

const errorOutputSchema = z.looseObject({ message: z.string(), stack: z.string().optional() });

/** A failed job's error as the runner stored it ({ message, stack }), or whatever pg-boss put there (an expiry). */
function jobError(output: unknown): JobView["error"] {
  if (output === null || output === undefined) return { message: "Failed without an error message", stack: null };
  const parsed = errorOutputSchema.safeParse(output);
  const nested = errorOutputSchema.safeParse((output as { value?: unknown }).value);
  const found = parsed.success ? parsed.data : nested.success ? nested.data : null;
  return found ? { message: found.message, stack: found.stack ?? null } : { message: JSON.stringify(output), stack: null };
}

function toView(row: JobRow, definitions: readonly JobDefinition[]): JobView {
  const finished = row.state === "completed" || row.state === "failed" || row.state === "cancelled";
  return {
    id: row.id,
    queue: row.name,
    title: definitions.find((definition) => definition.queue === row.name)?.title ?? row.name,
    scope: row.hasProject ? "project" : "instance",
    state: row.state,
    attempts: row.retryCount,
    retryLimit: row.retryLimit,
    createdAt: row.createdOn.toISOString(),
    startedAt: row.startedOn?.toISOString() ?? null,
    finishedAt: finished ? (row.completedOn?.toISOString() ?? null) : null,
    error: row.state === "failed" ? jobError(row.output) : null,
  };
}

const emptyCounts: JobCounts = { current: 0, queued: 0, active: 0, failed: 0, completed: 0 };

/**
 * The project's jobs and the shared schedules, newest first, one page at a time, with how
 * many jobs each filter holds.
 */
export async function listProjectJobs(
  database: Queryable,
  projectId: string,
  query: JobListQuery,
  definitions: readonly JobDefinition[] = jobDefinitions,
): Promise<JobList> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  if (!(await jobTableExists(database))) return { data: [], counts: emptyCounts, nextCursor: null };
  const scope = inScope(projectId, definitions);
  const routine = routineQueues(definitions);
  const isCurrent = Prisma.sql`(state::text <> ALL(${finishedStates}::text[]) OR name <> ALL(${routine}::text[]))`;
  const filter =
    query.state === undefined
      ? Prisma.empty
      : query.state === "current"
        ? Prisma.sql`AND ${isCurrent}`
        : Prisma.sql`AND state::text = ANY(${statesOfFilter[query.state]}::text[])`;
  const [rows, byState] = await Promise.all([
    database.$queryRaw<JobRow[]>`
      SELECT id::text AS id, name, state::text AS state, coalesce(data ? 'projectId', false) AS "hasProject",
        retry_count AS "retryCount", retry_limit AS "retryLimit", created_on AS "createdOn",
        to_char(created_on AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdKey",
        started_on AS "startedOn", completed_on AS "completedOn", output
      FROM ${jobTable}
      WHERE ${scope}
        ${filter}
        ${after ? Prisma.sql`AND (created_on, id) < (${after.createdKey}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY created_on DESC, id DESC
      LIMIT ${jobsPageSize + 1}`,
    database.$queryRaw<{ state: JobState; current: boolean; count: number }[]>`
      SELECT state::text AS state, ${isCurrent} AS current, count(*)::int AS count FROM ${jobTable} WHERE ${scope} GROUP BY 1, 2`,
  ]);
  const sum = (rows: typeof byState) => rows.reduce((total, row) => total + row.count, 0);
  const counts = { ...emptyCounts, current: sum(byState.filter((row) => row.current)) };
  for (const stateFilter of jobStateFilters) {
    counts[stateFilter] = sum(byState.filter((row) => statesOfFilter[stateFilter].includes(row.state)));
  }
  const page = rows.slice(0, jobsPageSize);
  const last = page.at(-1);
  return {
    data: page.map((row) => toView(row, definitions)),
    counts,
    nextCursor: rows.length > jobsPageSize && last ? encodeCursor(last) : null,
  };
}

/** Puts a failed job back in its queue (pg-boss's retry: one more attempt). */
export type RetryJob = (queue: string, id: string) => Promise<unknown>;

/**
 * Retries one failed job the project can see. Another project's job is not there for it
 * (404); a job that has not failed has nothing to retry (409).
 */
export async function retryProjectJob(
  database: Queryable,
  projectId: string,
  jobId: string,
  retry: RetryJob,
  definitions: readonly JobDefinition[] = jobDefinitions,
): Promise<{ id: string; state: JobState }> {
  const notFound = new NotFoundError(`No job ${jobId} in this project`);
  if (!(await jobTableExists(database))) throw notFound;
  const [job] = await database.$queryRaw<{ name: string; state: JobState }[]>`
    SELECT name, state::text AS state FROM ${jobTable} WHERE id = ${jobId}::uuid AND ${inScope(projectId, definitions)}`;
  if (!job) throw notFound;
  if (job.state !== "failed") throw new ConflictError(`Only failed jobs can be retried; this one is ${job.state}`);
  await retry(job.name, jobId);
  const [after] = await database.$queryRaw<{ state: JobState }[]>`SELECT state::text AS state FROM ${jobTable} WHERE id = ${jobId}::uuid`;
  return { id: jobId, state: after?.state ?? "retry" };
}

export interface JobsSettingsView {
  projectId: string;
  /** The first page of the "current" view. */
  jobs: JobList;
  canRetry: boolean;
}

/** The Jobs settings section: the newest current jobs, and whether this role may retry failed ones. */
export async function jobsSettingsView(projectId: string, role: Role): Promise<JobsSettingsView> {
  return { projectId, jobs: await listProjectJobs(db(), projectId, { state: "current" }), canRetry: can(role, "project:update") };
}
