import type { JobContext } from "@/server/jobs/jobDefinition";
import { refreshRollups } from "@/server/metrics/rollups";
import { alertValueReader } from "@/server/alerts/values/alertValueReader";
import { alertDeliveryQueue, enqueueAlertNotifications } from "@/server/alerts/delivery/enqueueAlertNotifications";
import { alertRuleUrl } from "@/server/alerts/delivery/alertRuleUrl";
import type { AlertEvaluationDependencies } from "@/server/alerts/evaluateAlertRules";

/**
 * Evaluation wired to the real parts: rollup-backed metric values, the notification outbox and
 * console links. Given the job context's `send`, a cycle that queued notifications has the
 * outbox deliver them at once instead of at its next pass; `refreshRollups` brings rollups
 * up to date first (Evaluate now, tests), which the scheduled cycle leaves to the rollup job.
 */
export function alertEvaluationDependencies(
  options: { send?: JobContext["send"]; refreshRollups?: boolean } = { refreshRollups: true },
): AlertEvaluationDependencies {
  const { send } = options;
  return {
    values: alertValueReader,
    enqueue: enqueueAlertNotifications,
    ruleUrl: (projectId, ruleId) => alertRuleUrl(projectId, ruleId),
    ...(options.refreshRollups ? { refresh: refreshRollups } : {}),
    ...(send ? { afterEnqueue: () => send(alertDeliveryQueue, [{}]) } : {}),
  };
}
