import { defineJob, type JobDefinition } from "@/server/jobs/jobDefinition";
import { driftRunQueue, type DriftRunJobData } from "@/server/drift/driftRuns";
import { runDriftWindow } from "@/server/drift/runDriftWindow";
import { scheduleDriftRuns } from "@/server/drift/scheduleDriftRuns";

export const driftScheduleQueue = "drift-schedule";

export const driftJobs: JobDefinition[] = [
  defineJob({
    queue: driftScheduleQueue,
    title: "Drift schedule",
    policy: "stately",
    everySeconds: 60,
    retryLimit: 2,
    retryDelaySeconds: 10,
    expireInSeconds: 10 * 60,
    handle: async (_data, { database, now, send }) => {
      await scheduleDriftRuns(database, now(), send);
    },
  }),
  defineJob<DriftRunJobData>({
    queue: driftRunQueue,
    title: "Drift run",
    policy: "standard",
    // One per window and baseline, every hour: the drift page follows them, the Jobs page's current view need not.
    routine: true,
    retryLimit: 3,
    retryDelaySeconds: 30,
    // Embedding 10 000 texts and 1 000 permutations take seconds; a minute of slack per step.
    expireInSeconds: 15 * 60,
    handle: (data, { database, now }) => runDriftWindow(database, data, now()),
  }),
];
