import { defineJob, type JobDefinition } from "@/server/jobs/jobDefinition";
import { guardRollouts } from "@/server/releases/guardRollouts";

/**
 * Every minute, every running or paused rollout, over the release rollups as the rollup job
 * left them. Stately: one pass at a time across every process, so a stage never moves twice
 * on one look (moves are also conditional on the row being as the pass read it).
 */
export const rolloutGuardJob: JobDefinition = defineJob({
  queue: "rollout-guard",
  title: "Rollout guard",
  policy: "stately",
  everySeconds: 60,
  retryLimit: 1,
  retryDelaySeconds: 10,
  expireInSeconds: 5 * 60,
  handle: async (_data, { database, now }) => {
    await guardRollouts(database, now());
  },
});
