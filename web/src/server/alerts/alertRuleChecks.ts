import { parseAlertMetric, type AlertMetric } from "@/contracts/alertMetrics";
import type { AlertRuleInput } from "@/contracts/alerts";
import type { Queryable } from "@/server/db/client";
import type { ProblemIssue } from "@/server/errors";

const levelFields = ["threshold", "warning", "recovery", "warningRecovery"] as const;

/** A score metric names a score the project has (a config, or scores sent), and its levels fall in the config's range. */
async function scoreProblems(
  database: Queryable,
  projectId: string,
  metric: Extract<AlertMetric, { source: "scores" }>,
  input: AlertRuleInput,
) {
  const config = await database.scoreConfig.findUnique({
    where: { projectId_name: { projectId, name: metric.score } },
    select: { dataType: true, minValue: true, maxValue: true },
  });
  if (!config) {
    const sent = await database.score.findFirst({ where: { projectId, name: metric.score }, select: { id: true } });
    return sent ? [] : [{ path: ["metric"], message: `no score named ${metric.score} in this project (no config, no scores)` }];
  }
  if (config.dataType === "categorical")
    return [{ path: ["metric"], message: `${metric.score} is categorical: it has no average or share above a value` }];
  // A share is 0..1 whatever the scale; an average lies in the config's range (booleans: 0..1).
  const [min, max] = metric.aggregate === "share_above" || config.dataType === "boolean" ? [0, 1] : [config.minValue, config.maxValue];
  if (input.condition.relativeChange !== undefined) return [];
  return levelFields.flatMap((field) => {
    const value = input.condition[field];
    if (value === undefined || ((min === null || value >= min) && (max === null || value <= max))) return [];
    return [{ path: ["condition", field], message: `${metric.label} ranges from ${min ?? "-∞"} to ${max ?? "∞"}` }];
  });
}

/**
 * The checks of a rule that need the project's data (the contract checked the rest): its
 * channels are the project's own, a score it watches exists (and its levels fit the score's
 * range), and a drift baseline it watches exists.
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
  if (metric.source === "scores") problems.push(...(await scoreProblems(database, projectId, metric, input)));
  if (metric.source === "drift") {
    const baseline = await database.driftBaseline.findFirst({ where: { projectId, name: metric.baseline }, select: { id: true } });
    if (!baseline) problems.push({ path: ["metric"], message: `no drift baseline named ${metric.baseline} in this project` });
  }
  return problems;
}
