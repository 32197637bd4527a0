import type { AlertChannelView, AlertRuleSummary, AlertRuleView } from "@/contracts/alerts";
import { db } from "@/server/db/client";
import { uuidParam } from "@/contracts/common";
import { NotFoundError } from "@/server/errors";
import { can, type Role } from "@/server/auth/permissions";
import { listAlertRules, getAlertRule } from "@/server/alerts/alertRules";
import { listAlertChannels } from "@/server/alerts/alertChannels";
import { listFiringAlerts } from "@/server/alerts/firingAlerts";

export interface AlertsPageView {
  projectId: string;
  /** May create, change and silence rules, and manage channels. */
  manageable: boolean;
  rules: AlertRuleSummary[];
  channels: AlertChannelView[];
  /** Score names and drift baselines the metric picker offers. */
  scoreNames: string[];
  baselines: string[];
}

export async function alertsPageView(projectId: string, role: Role): Promise<AlertsPageView> {
  const database = db();
  const [rules, channels, scores, baselines] = await Promise.all([
    listAlertRules(database, projectId),
    listAlertChannels(database, projectId),
    database.scoreConfig.findMany({ where: { projectId }, select: { name: true }, orderBy: { name: "asc" } }),
    database.driftBaseline.findMany({ where: { projectId }, select: { name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    projectId,
    manageable: can(role, "alerts:manage"),
    rules,
    channels,
    scoreNames: [...new Set(["hallucination", ...scores.map((score) => score.name)])],
    baselines: baselines.map((baseline) => baseline.name),
  };
}

export interface AlertRulePageView {
  projectId: string;
  manageable: boolean;
  rule: AlertRuleView;
}

/** The rule page's data, or null for an id that is no rule of this project. */
export async function alertRulePageView(projectId: string, role: Role, ruleId: string, now: Date): Promise<AlertRulePageView | null> {
  if (!uuidParam.safeParse(ruleId).success) return null;
  try {
    return { projectId, manageable: can(role, "alerts:manage"), rule: await getAlertRule(db(), projectId, ruleId, now) };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** What the console's frame shows of alerts on every page: what fires now (one indexed query). */
export function shellFiringAlerts(projectId: string, role: Role, now: Date) {
  return can(role, "alerts:read") ? listFiringAlerts(db(), projectId, now) : Promise.resolve([]);
}
