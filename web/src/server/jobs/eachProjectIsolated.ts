import { isDatabaseUnavailable } from "@/server/db/client";

/**
 * Runs a job's work for each project in turn. One project's failure (bad rows, a bug its
 * data triggers) is logged and retried on the job's next pass; it never keeps the projects
 * after it from being served. An unreachable database still ends the pass: every project
 * would fail alike. Returns how many projects succeeded.
 */
export async function eachProjectIsolated(
  jobName: string,
  projectIds: string[],
  work: (projectId: string) => Promise<unknown>,
): Promise<number> {
  let succeeded = 0;
  for (const projectId of projectIds) {
    try {
      await work(projectId);
      succeeded++;
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      console.error(`${jobName}: project ${projectId} failed; the other projects go on`, error);
    }
  }
  return succeeded;
}
