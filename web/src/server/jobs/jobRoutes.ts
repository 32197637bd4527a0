import { endpoint } from "@/server/api/endpoint";
import { projectIdParams } from "@/contracts/common";
import { jobListQuerySchema, jobListSchema, jobParams, jobRetryResultSchema } from "@/contracts/jobs";
import type { JobRunner } from "@/server/jobs/jobRunner";
import type { JobDefinition } from "@/server/jobs/jobDefinition";
import { jobDefinitions } from "@/server/jobs/jobDefinitions";
import { processJobs } from "@/server/jobs/processJobs";
import { listProjectJobs, retryProjectJob } from "@/server/jobs/jobsView";

/**
 * The Jobs endpoints, given the job runner a retry goes through and the definitions it
 * works (for their titles and which are shared schedules): the process's own in the app, a
 * test's runner on its test database in tests (the process runner is a singleton bound to
 * the app's database, so it cannot be swapped in from outside).
 */
export function jobEndpointsWith(runner: () => Promise<Pick<JobRunner, "boss">>, definitions: readonly JobDefinition[] = jobDefinitions) {
  const jobListRoute = endpoint({
    method: "GET",
    path: "/api/v1/projects/{projectId}/jobs",
    summary: "The project's background jobs and the shared schedules, newest first, with counts per state",
    auth: "session",
    // Job data holds ids (projects, traces, evaluators), nothing a viewer may not read elsewhere.
    permission: "project:read",
    params: projectIdParams,
    query: jobListQuerySchema,
    response: jobListSchema,
    answers: "One page of jobs",
    handler: ({ database, params, query }) => listProjectJobs(database, params.projectId, query, definitions),
  });

  const jobRetryRoute = endpoint({
    method: "POST",
    path: "/api/v1/projects/{projectId}/jobs/{id}/retry",
    summary: "Run a failed job again (owners and admins)",
    auth: "session",
    permission: "project:update",
    params: jobParams,
    response: jobRetryResultSchema,
    answers: "The job, queued again; 404 for a job of another project, 409 for a job that has not failed",
    handler: async ({ database, params }) => {
      const { boss } = await runner();
      return retryProjectJob(database, params.projectId, params.id, (queue, id) => boss.retry(queue, id), definitions);
    },
  });

  return [jobListRoute, jobRetryRoute] as const;
}

export const jobEndpoints = jobEndpointsWith(processJobs);
