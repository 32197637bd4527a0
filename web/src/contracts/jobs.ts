import { z } from "zod";
import { uuidParam } from "@/contracts/common";

/** pg-boss's job states, as its `pgboss.job.state` column holds them. */
export const jobStates = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof jobStates)[number];

/** Filters by state: "queued" is waiting to run, first time (created) or again (retry). */
export const jobStateFilters = ["queued", "active", "failed", "completed"] as const;
export type JobStateFilter = (typeof jobStateFilters)[number];
/**
 * What the Jobs page filters by: a state, or "current": what a person looks for (queued,
 * running and failed jobs, and this project's own work such as backfills in any state),
 * leaving out routine runs that finished (shared schedules, one evaluation per trace).
 */
export const jobFilters = ["current", ...jobStateFilters] as const;
export type JobFilter = (typeof jobFilters)[number];

export const jobListQuerySchema = z
  .object({
    state: z
      .enum(jobFilters)
      .optional()
      .describe(
        "current (queued, active, failed, and the project's own non-routine jobs), queued (created or waiting to retry), active, failed or completed; all when absent",
      ),
    cursor: z.string().max(200).optional().describe("`nextCursor` of the previous page; jobs come newest first"),
  })
  .strict();
export type JobListQuery = z.infer<typeof jobListQuerySchema>;

export const jobSchema = z
  .object({
    id: z.string(),
    queue: z.string().describe("The queue's name (review-routing, metric-rollups, ...)"),
    title: z.string().describe("What the queue does, as a person reads it"),
    scope: z.enum(["project", "instance"]).describe("project: this project's work; instance: a schedule shared by every project"),
    state: z.enum(jobStates),
    attempts: z.number().int().describe("Retries used so far"),
    retryLimit: z.number().int().describe("Retries allowed before the job fails for good"),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable().describe("When it completed, failed or was cancelled"),
    error: z
      .object({ message: z.string(), stack: z.string().nullable() })
      .strict()
      .nullable()
      .describe("Why a failed job failed (its last attempt)"),
  })
  .strict();
export type JobView = z.infer<typeof jobSchema>;

export const jobCountsSchema = z
  .object({
    current: z.number().int(),
    queued: z.number().int(),
    active: z.number().int(),
    failed: z.number().int(),
    completed: z.number().int(),
  })
  .strict()
  .describe("Jobs per filter, over the whole listing (not just this page)");
export type JobCounts = z.infer<typeof jobCountsSchema>;

export const jobListSchema = z
  .object({
    data: z.array(jobSchema),
    counts: jobCountsSchema,
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next (older) page; null on the last page"),
  })
  .strict();
export type JobList = z.infer<typeof jobListSchema>;

export const jobParams = z.object({ projectId: uuidParam.describe("The project's id"), id: uuidParam.describe("The job's id") }).strict();

export const jobRetryResultSchema = z.object({ id: z.string(), state: z.enum(jobStates) }).strict();
