import type { Prisma } from "@/generated/prisma/client";
import { parseAlertMetric } from "@/contracts/alertMetrics";
import {
  alertConditionSchema,
  alertFilterSchema,
  alertLimits,
  alertRuleInputSchema,
  type AlertRuleInput,
  type AlertRuleSummary,
  type AlertRuleUpdate,
  type AlertRuleView,
  type AlertStateName,
} from "@/contracts/alerts";
import type { Database, Queryable } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/client";
import { BadRequestError, ConflictError, NotFoundError } from "@/server/errors";
import { alertRuleProblems } from "@/server/alerts/alertRuleChecks";
import { isChannelFailing } from "@/server/alerts/delivery/alertDeliveryPolicy";
import { activeAlertSilences, alertSilenceView, silencedBy } from "@/server/alerts/alertSilences";

/** What a rule measures and when it fires: read by its views and by the evaluator alike. */
export const alertRuleDefinitionSelect = {
  id: true,
  name: true,
  metric: true,
  filter: true,
  groupBy: true,
  windowSeconds: true,
  condition: true,
  forSeconds: true,
  keepFiringForSeconds: true,
  minSamples: true,
  severity: true,
  reminderSeconds: true,
  evaluatedAt: true,
} satisfies Prisma.AlertRuleSelect;

export const alertRuleSelect = {
  ...alertRuleDefinitionSelect,
  preset: true,
  enabled: true,
  lastError: true,
  createdAt: true,
  updatedAt: true,
  channels: {
    select: { channel: { select: { id: true, name: true, type: true, consecutiveFailures: true } } },
    orderBy: { channel: { name: "asc" } },
  },
  instances: { select: { state: true, severity: true } },
} satisfies Prisma.AlertRuleSelect;
export type AlertRuleRow = Prisma.AlertRuleGetPayload<{ select: typeof alertRuleSelect }>;

/** Worst first: what a rule's badge shows when its instances disagree. */
const stateOrder: readonly AlertStateName[] = ["firing", "recovering", "pending", "error", "no_data", "ok"];
export const worseState = (a: AlertStateName, b: AlertStateName): AlertStateName =>
  stateOrder.indexOf(a) <= stateOrder.indexOf(b) ? a : b;

/** The stored rule as the contract reads it (filter and condition were validated on the way in). */
export function alertRuleSettings(row: { filter: unknown; condition: unknown }) {
  return { filter: alertFilterSchema.parse(row.filter), condition: alertConditionSchema.parse(row.condition) };
}

export function alertRuleSummary(row: AlertRuleRow): AlertRuleSummary {
  const metric = parseAlertMetric(row.metric);
  const instanceState = row.instances.reduce<AlertStateName>(
    (worst, instance) => worseState(worst, instance.state),
    row.enabled && !row.evaluatedAt ? "no_data" : "ok",
  );
  const firing = row.instances.filter((instance) => instance.state === "firing" || instance.state === "recovering");
  return {
    id: row.id,
    name: row.name,
    metric: row.metric,
    metricLabel: typeof metric === "string" ? row.metric : metric.label,
    ...alertRuleSettings(row),
    groupBy: row.groupBy as AlertRuleSummary["groupBy"],
    windowSeconds: row.windowSeconds,
    forSeconds: row.forSeconds,
    keepFiringForSeconds: row.keepFiringForSeconds,
    minSamples: row.minSamples,
    severity: row.severity,
    reminderSeconds: row.reminderSeconds,
    preset: row.preset as AlertRuleSummary["preset"],
    enabled: row.enabled,
    channels: row.channels.map(({ channel }) => ({
      id: channel.id,
      name: channel.name,
      type: channel.type,
      failing: isChannelFailing(channel.consecutiveFailures),
    })),
    state: row.lastError ? worseState("error", instanceState) : instanceState,
    firingSeverity: firing.some((instance) => instance.severity === "critical") ? "critical" : firing.length ? "warning" : null,
    evaluatedAt: row.evaluatedAt?.toISOString() ?? null,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const ruleData = (input: AlertRuleInput) => ({
  name: input.name,
  metric: input.metric,
  filter: input.filter ?? {},
  groupBy: input.groupBy ?? null,
  windowSeconds: input.windowSeconds,
  condition: input.condition,
  forSeconds: input.forSeconds,
  keepFiringForSeconds: input.keepFiringForSeconds,
  minSamples: input.minSamples,
  severity: input.severity,
  reminderSeconds: input.reminderSeconds ?? null,
  preset: input.preset ?? null,
  enabled: input.enabled,
});

async function checkedInput(database: Queryable, projectId: string, input: AlertRuleInput): Promise<AlertRuleInput> {
  const problems = await alertRuleProblems(database, projectId, input);
  if (problems.length)
    throw new BadRequestError(problems.map((problem) => `${problem.path.join(".")}: ${problem.message}`).join("; "), problems);
  return input;
}

const nameTaken = (name: string) => new ConflictError(`An alert rule named ${name} already exists`);

export async function createAlertRule(database: Database, projectId: string, input: AlertRuleInput): Promise<AlertRuleView> {
  await checkedInput(database, projectId, input);
  try {
    const row = await database.alertRule.create({
      data: { projectId, ...ruleData(input), channels: { create: input.channels.map((channelId) => ({ channelId })) } },
      select: { id: true },
    });
    return await getAlertRule(database, projectId, row.id);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

async function findRule(database: Queryable, projectId: string, ruleId: string): Promise<AlertRuleRow> {
  const row = await database.alertRule.findFirst({ where: { id: ruleId, projectId }, select: alertRuleSelect });
  if (!row) throw new NotFoundError("No such alert rule in this project");
  return row;
}

/**
 * Changes some of a rule's fields; the rule as changed is checked whole, as on creation.
 * A change to what is measured or how resets its instances: their clocks meant the old rule.
 */
export async function updateAlertRule(
  database: Database,
  projectId: string,
  ruleId: string,
  update: AlertRuleUpdate,
): Promise<AlertRuleView> {
  const current = alertRuleSummary(await findRule(database, projectId, ruleId));
  const stored: Record<keyof AlertRuleInput, unknown> = {
    name: current.name,
    metric: current.metric,
    filter: current.filter,
    groupBy: current.groupBy,
    windowSeconds: current.windowSeconds,
    condition: current.condition,
    forSeconds: current.forSeconds,
    keepFiringForSeconds: current.keepFiringForSeconds,
    minSamples: current.minSamples,
    severity: current.severity,
    reminderSeconds: current.reminderSeconds,
    channels: current.channels.map((channel) => channel.id),
    preset: current.preset,
    enabled: current.enabled,
  };
  const merged = alertRuleInputSchema.safeParse({ ...stored, ...update });
  if (!merged.success)
    throw new BadRequestError(
      "The rule as changed is not valid",
      merged.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
        message: issue.message,
      })),
    );
  const input = await checkedInput(database, projectId, merged.data);
  const measuresAnew = (["metric", "filter", "groupBy", "windowSeconds", "condition", "severity", "minSamples"] as const).some(
    (field) => update[field] !== undefined && JSON.stringify(update[field]) !== JSON.stringify(current[field]),
  );
  try {
    await database.$transaction(async (tx) => {
      await tx.alertRule.update({ where: { id: ruleId }, data: { ...ruleData(input), ...(measuresAnew ? { lastError: null } : {}) } });
      if (update.channels !== undefined) {
        await tx.alertRuleChannel.deleteMany({ where: { ruleId } });
        await tx.alertRuleChannel.createMany({ data: input.channels.map((channelId) => ({ ruleId, channelId })) });
      }
      if (measuresAnew || update.enabled === false) await tx.alertInstance.deleteMany({ where: { ruleId, projectId } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
  return getAlertRule(database, projectId, ruleId);
}

export async function deleteAlertRule(database: Database, projectId: string, ruleId: string): Promise<void> {
  const { count } = await database.alertRule.deleteMany({ where: { id: ruleId, projectId } });
  if (count === 0) throw new NotFoundError("No such alert rule in this project");
}

export async function listAlertRules(database: Queryable, projectId: string): Promise<AlertRuleSummary[]> {
  const rows = await database.alertRule.findMany({ where: { projectId }, select: alertRuleSelect, orderBy: { name: "asc" } });
  return rows.map(alertRuleSummary);
}

const instanceOrder: Record<AlertStateName, number> = { firing: 0, recovering: 1, pending: 2, error: 3, no_data: 4, ok: 5 };

/** A rule with its instances (worst first), its history, its latest deliveries and the silences in force. */
export async function getAlertRule(database: Queryable, projectId: string, ruleId: string, now: Date = new Date()): Promise<AlertRuleView> {
  const row = await findRule(database, projectId, ruleId);
  const [instances, history, deliveries, silences] = await Promise.all([
    database.alertInstance.findMany({ where: { ruleId, projectId }, orderBy: [{ since: "desc" }] }),
    database.alertEvent.findMany({ where: { ruleId, projectId }, orderBy: [{ at: "desc" }], take: alertLimits.historyLength }),
    database.alertDelivery.findMany({
      where: { ruleId, projectId },
      orderBy: [{ createdAt: "desc" }],
      take: 20,
      select: {
        id: true,
        kind: true,
        status: true,
        attempts: true,
        lastStatus: true,
        lastError: true,
        createdAt: true,
        deliveredAt: true,
        channel: { select: { name: true } },
      },
    }),
    activeAlertSilences(database, projectId, now),
  ]);
  const ruleSilences = silences.filter((silence) => silence.ruleId === null || silence.ruleId === ruleId);
  return {
    ...alertRuleSummary(row),
    instances: instances
      .sort((a, b) => instanceOrder[a.state] - instanceOrder[b.state])
      .map((instance) => ({
        group: instance.group,
        state: instance.state,
        severity: instance.severity,
        value: instance.value,
        compared: instance.compared,
        samples: instance.samples,
        since: instance.since.toISOString(),
        silenced: silencedBy(ruleSilences, ruleId, instance.group),
      })),
    history: history.map((event) => ({
      at: event.at.toISOString(),
      group: event.group,
      from: event.fromState,
      to: event.toState,
      severity: event.severity,
      value: event.value,
      compared: event.compared,
      samples: event.samples,
      level: event.level,
    })),
    deliveries: deliveries.map((delivery) => ({
      id: delivery.id,
      channel: delivery.channel.name,
      kind: delivery.kind,
      status: delivery.status,
      attempts: delivery.attempts,
      lastStatus: delivery.lastStatus,
      lastError: delivery.lastError,
      createdAt: delivery.createdAt.toISOString(),
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    })),
    silences: ruleSilences.map(alertSilenceView),
  };
}
