import type { AlertMetric } from "@/contracts/alertMetrics";
import type { AlertFilter } from "@/contracts/alerts";
import type { Queryable } from "@/server/db/client";
import { scoreConfigsByName } from "@/server/scores/scoreConfigs";

export interface AlertMetricProblem {
  path: string[];
  message: string;
}

/**
 * What a rule's metric names that the project does not have, checked when the rule is saved
 * (the contract checked the rest): a score name with neither a config (its own or a built-in
 * one) nor any score, a categorical score (no average, no share above a value), an evaluator
 * that neither exists nor ever gave a score of that name, a drift baseline it does not have. Null when there is nothing to say.
 */
export async function alertMetricProblem(
  database: Queryable,
  projectId: string,
  metric: AlertMetric,
  filter: AlertFilter,
): Promise<AlertMetricProblem | null> {
  if (metric.source === "drift") {
    const baseline = await database.driftBaseline.findFirst({ where: { projectId, name: metric.baseline }, select: { id: true } });
    return baseline ? null : { path: ["metric"], message: `no drift baseline named "${metric.baseline}" in this project` };
  }
  if (metric.source !== "scores") return null;
  const config = (await scoreConfigsByName(database, projectId, [metric.score])).get(metric.score);
  const dataType =
    config?.dataType ??
    (await database.score.findFirst({ where: { projectId, name: metric.score }, select: { dataType: true } }))?.dataType;
  if (dataType === undefined)
    return { path: ["metric"], message: `no score named "${metric.score}" in this project: configure it or send a score first` };
  if (dataType === "categorical")
    return { path: ["metric"], message: `"${metric.score}" is categorical: it has no average or share above a value` };
  if (filter.evaluator !== undefined) {
    const [evaluator, scored] = await Promise.all([
      database.evaluator.findFirst({ where: { projectId, name: filter.evaluator }, select: { id: true } }),
      database.score.findFirst({ where: { projectId, name: metric.score, evaluatorName: filter.evaluator }, select: { id: true } }),
    ]);
    if (!evaluator && !scored)
      return { path: ["filter", "evaluator"], message: `no evaluator named "${filter.evaluator}" in this project` };
  }
  return null;
}

/**
 * The values a score can take, from its config: booleans 0 to 1, a numeric score its
 * configured bounds (either may be open); nothing known without a config. For the save-time
 * check of a score rule's levels (an average above 7 of a 0..1 score can never fire).
 */
export async function scoreMetricRange(
  database: Queryable,
  projectId: string,
  name: string,
): Promise<{ min: number | null; max: number | null }> {
  const config = (await scoreConfigsByName(database, projectId, [name])).get(name);
  if (config?.dataType === "boolean") return { min: 0, max: 1 };
  if (config?.dataType === "numeric") return { min: config.minValue, max: config.maxValue };
  return { min: null, max: null };
}
