import { defineJob, type JobDefinition } from "@/server/jobs/jobDefinition";
import { evaluateAlertRules } from "@/server/alerts/evaluateAlertRules";
import { alertEvaluationDependencies } from "@/server/alerts/alertEvaluationDependencies";

export const alertEvaluationQueue = "alert-evaluation";

/**
 * Every minute, every enabled rule, over the rollups as the rollup job left them (at most
 * 30 s behind). Stately: one cycle at a time across every process, and a rule's advisory
 * lock keeps "Evaluate now" from running it twice at once.
 */
export const alertEvaluationJob: JobDefinition = defineJob({
  queue: alertEvaluationQueue,
  title: "Alert evaluation",
  policy: "stately",
  everySeconds: 60,
  retryLimit: 1,
  retryDelaySeconds: 10,
  // A cycle that has not ended in 5 minutes is dead: the next minute's cycle takes over.
  expireInSeconds: 5 * 60,
  handle: async (_data, { database, now, send }) => {
    await evaluateAlertRules(database, now(), alertEvaluationDependencies({ send, refreshRollups: false }));
  },
});
