import type { AlertChannelView, AlertRuleSummary, AlertRuleView } from "@/contracts/alerts";
import { db, type Database } from "@/server/db/client";
import { uuidParam } from "@/contracts/common";
import { NotFoundError } from "@/server/errors";
import { can, type Role } from "@/server/auth/permissions";
import { listAlertRules, getAlertRule } from "@/server/alerts/alertRules";
import { listAlertChannels } from "@/server/alerts/alertChannels";
import { listFiringAlerts } from "@/server/alerts/firingAlerts";

/** What the rule form offers: the project's channels, and the scores and drift baselines the metric picker lists. */
export interface AlertRuleChoices {
  channels: AlertChannelView[];
  scoreNames: string[];
  baselines: string[];
}

async function alertRuleChoices(database: Database, projectId: string): Promise<AlertRuleChoices> {
  const [channels, scores, baselines] = await Promise.all([
    listAlertChannels(database, projectId),
    database.scoreConfig.findMany({ where: { projectId }, select: { name: true }, orderBy: { name: "asc" } }),
    database.driftBaseline.findMany({ where: { projectId }, select: { name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    channels,
    scoreNames: [...new Set(["hallucination", ...scores.map((score) => score.name)])],
    baselines: baselines.map((baseline) => baseline.name),
  };
}

export interface AlertsPageView {
  projectId: string;
  /** May create, change and silence rules, and manage channels. */
  manageable: boolean;
  rules: AlertRuleSummary[];
  choices: AlertRuleChoices;
}

export async function alertsPageView(projectId: string, role: Role): Promise<AlertsPageView> {
  const database = db();
  const [rules, choices] = await Promise.all([listAlertRules(database, projectId), alertRuleChoices(database, projectId)]);
  return { projectId, manageable: can(role, "alerts:manage"), rules, choices };
}

export interface AlertRulePageView {
  projectId: string;
  manageable: boolean;
  rule: AlertRuleView;
  /** For the change dialog; null for those who may not change the rule. */
  choices: AlertRuleChoices | null;
}

/** The rule page's data, or null for an id that is no rule of this project. */
export async function alertRulePageView(projectId: string, role: Role, ruleId: string, now: Date): Promise<AlertRulePageView | null> {
  if (!uuidParam.safeParse(ruleId).success) return null;
  const database = db();
  const manageable = can(role, "alerts:manage");
  try {
    const [rule, choices] = await Promise.all([
      getAlertRule(database, projectId, ruleId, now),
      manageable ? alertRuleChoices(database, projectId) : null,
    ]);
    return { projectId, manageable, rule, choices };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** What the console's frame shows of alerts on every page: what fires now (one indexed query). */
export function shellFiringAlerts(projectId: string, role: Role, now: Date) {
  return can(role, "alerts:read") ? listFiringAlerts(db(), projectId, now) : Promise.resolve([]);
}
