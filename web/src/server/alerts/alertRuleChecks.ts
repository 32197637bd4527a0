import { parseAlertMetric, type AlertMetric } from "@/contracts/alertMetrics";
import type { AlertRuleInput } from "@/contracts/alerts";
import type { Queryable } from "@/server/db/client";
import type { ProblemIssue } from "@/server/errors";
import { alertMetricProblem, scoreMetricRange } from "@/server/alerts/values/alertMetricProblem";

const levelFields = ["threshold", "warning", "recovery", "warningRecovery"] as const;

/**
 * The metric names what the project has (alertMetricProblem: a score with a config, built-in or
 * its own, or scores sent; not categorical; the evaluator filtered on; a drift baseline), and a
 * score rule's levels fall in the score's range.
 */
async function metricProblems(database: Queryable, projectId: string, metric: AlertMetric, input: AlertRuleInput): Promise<ProblemIssue[]> {
  const problem = await alertMetricProblem(database, projectId, metric, input.filter ?? {});
  if (problem) return [problem];
  if (metric.source !== "scores" || input.condition.relativeChange !== undefined) return [];
  // A share is 0..1 whatever the scale; an average lies in the score's range.
  const { min, max } = metric.aggregate === "share_above" ? { min: 0, max: 1 } : await scoreMetricRange(database, projectId, metric.score);
  return levelFields.flatMap((field) => {
    const value = input.condition[field];
    if (value === undefined || ((min === null || value >= min) && (max === null || value <= max))) return [];
    return [{ path: ["condition", field], message: `${metric.label} ranges from ${min ?? "-∞"} to ${max ?? "∞"}` }];
  });
}

/**
 * The checks of a rule that need the project's data (the contract checked the rest): its
 * channels are the project's own, and what its metric names exists (with levels in a score's range).
 */
export async function alertRuleProblems(database: Queryable, projectId: string, input: AlertRuleInput): Promise<ProblemIssue[]> {
  const problems: ProblemIssue[] = [];
  if (input.channels.length) {
    const found = await database.alertChannel.findMany({ where: { projectId, id: { in: input.channels } }, select: { id: true } });
    const known = new Set(found.map((channel) => channel.id));
    input.channels.forEach((channelId, index) => {
      if (!known.has(channelId)) problems.push({ path: ["channels", index], message: "no such alert channel in this project" });
    });
  }
  const metric = parseAlertMetric(input.metric);
  if (typeof metric === "string") return problems;
  problems.push(...(await metricProblems(database, projectId, metric, input)));
  return problems;
}
