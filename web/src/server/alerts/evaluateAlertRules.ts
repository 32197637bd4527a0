import type { AlertInstance, AlertSilence, Prisma } from "@/generated/prisma/client";
import { parseAlertMetric, type AlertGroupBy, type AlertMetric } from "@/contracts/alertMetrics";
import type { AlertCondition, AlertFilter, AlertNotification, AlertSeverityName } from "@/contracts/alerts";
import type { Database, Queryable } from "@/server/db/client";
import { observeWindow, type WindowValue } from "@/server/alerts/alertObservation";
import { nextAlertState, type AlertInstanceState, type AlertTransition } from "@/server/alerts/alertStateMachine";
import { evaluationWindow, referenceWindow, type TimeWindow } from "@/server/alerts/alertWindows";
import { alertRuleDefinitionSelect, alertRuleSettings } from "@/server/alerts/alertRules";
import { activeAlertSilences, silencedBy } from "@/server/alerts/alertSilences";

/** Reads a metric per group over a window (server/alerts/values); one per project and cycle, so reads are shared. */
export interface AlertValueSource {
  read(request: {
    metric: AlertMetric;
    filter: AlertFilter;
    groupBy: AlertGroupBy | null;
    from: Date;
    to: Date;
  }): Promise<Map<string, WindowValue>>;
}

export interface AlertNotificationInput {
  projectId: string;
  ruleId: string | null;
  channelIds: string[];
  kind: "firing" | "resolved" | "reminder";
  notification: AlertNotification;
  now: Date;
}

/** What evaluation needs from outside the alerts domain: metric values and the notification outbox. */
export interface AlertEvaluationDependencies {
  values(database: Database, projectId: string, now: Date): AlertValueSource;
  enqueue(tx: Queryable, input: AlertNotificationInput): Promise<void>;
  ruleUrl(projectId: string, ruleId: string): string;
  /** Called once a cycle queued notifications, so they go out now rather than at the outbox's next pass. */
  afterEnqueue?: () => Promise<void>;
  /**
   * Brings the project's rollups up to date before its rules read them: for "Evaluate now"
   * and tests. The scheduled cycle leaves it to the rollup job (every 30 s), which would
   * otherwise be done twice, and on a busy project that rebuild is most of the work.
   */
  refresh?: (database: Database, projectId: string) => Promise<void>;
}

const ruleSelect = {
  ...alertRuleDefinitionSelect,
  projectId: true,
  channels: { select: { channelId: true } },
} satisfies Prisma.AlertRuleSelect;

type RuleToEvaluate = Prisma.AlertRuleGetPayload<{ select: typeof ruleSelect }>;

const rank: Record<AlertSeverityName, number> = { warning: 1, critical: 2 };
// Instances of a grouped rule that stay ok or without data this long are forgotten: a rule by
// user would otherwise keep a row for every user ever seen.
const forgetQuietGroupsAfterMs = 24 * 3_600_000;

const instanceState = (row: AlertInstance): AlertInstanceState => ({
  state: row.state,
  severity: row.severity,
  since: row.since,
  warningSince: row.warningSince,
  criticalSince: row.criticalSince,
  recoveringSince: row.recoveringSince,
});

/** Which notification an instance's new state calls for, given what its channels were last told. */
function notificationKind(
  firing: AlertSeverityName | null,
  instance: Pick<AlertInstance, "notifiedSeverity" | "notifiedAt"> | null,
  reminderSeconds: number | null,
  now: Date,
): "firing" | "resolved" | "reminder" | null {
  const told = instance?.notifiedSeverity ?? null;
  if (firing && (told === null || rank[firing] > rank[told])) return "firing";
  if (!firing && told) return "resolved";
  if (firing && told && reminderSeconds && instance?.notifiedAt && now.getTime() - instance.notifiedAt.getTime() >= reminderSeconds * 1000)
    return "reminder";
  return null;
}

interface GroupOutcome {
  group: string;
  state: AlertInstanceState;
  transition: AlertTransition | null;
  value: number | null;
  compared: number | null;
  samples: number | null;
}

/**
 * Evaluates one rule at `now`: reads its window (and the window it compares with), steps each
 * group's instance and records transitions and notifications in one transaction. The rule's
 * advisory lock makes a second evaluation of the same rule at the same time skip instead.
 * Returns false when it skipped.
 */
export async function evaluateAlertRule(
  database: Database,
  rule: RuleToEvaluate,
  source: AlertValueSource,
  dependencies: Pick<AlertEvaluationDependencies, "enqueue" | "ruleUrl">,
  silences: readonly AlertSilence[],
  now: Date,
): Promise<{ evaluated: boolean; notifications: number }> {
  const metric = parseAlertMetric(rule.metric);
  if (typeof metric === "string") throw new Error(`The rule's metric is no longer known: ${metric}`);
  const { filter, condition } = alertRuleSettings(rule);
  const groupBy = rule.groupBy as AlertGroupBy | null;
  const window = evaluationWindow(now, rule.windowSeconds);
  const earlier = referenceWindow(window, condition);
  const read = (range: TimeWindow) => source.read({ metric, filter, groupBy, from: range.from, to: range.to });
  const [current, reference] = await Promise.all([read(window), earlier ? read(earlier) : Promise.resolve(null)]);

  return database.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`
        SELECT pg_try_advisory_xact_lock(hashtextextended('alert-rule:' || ${rule.id}, 0)) AS locked`;
      if (!locked) return { evaluated: false, notifications: 0 };
      const instances = await tx.alertInstance.findMany({ where: { ruleId: rule.id, projectId: rule.projectId } });
      const byGroup = new Map(instances.map((instance) => [instance.group, instance]));
      const groups = new Set<string>(groupBy ? [...current.keys(), ...byGroup.keys()] : [""]);
      const empty: WindowValue = { value: null, samples: null };
      let notifications = 0;
      for (const group of groups) {
        const instance = byGroup.get(group) ?? null;
        const observation = observeWindow(
          metric,
          rule.minSamples,
          condition,
          current.get(group) ?? empty,
          reference ? (reference.get(group) ?? empty) : null,
        );
        const step = nextAlertState(instance ? instanceState(instance) : null, observation, { ...rule, condition }, now);
        const outcome: GroupOutcome = {
          group,
          ...step,
          value: observation.value,
          compared: observation.compared,
          samples: observation.samples,
        };
        notifications += await recordOutcome(tx, rule, metric, condition, instance, outcome, silences, dependencies, now);
      }
      await tx.alertRule.update({ where: { id: rule.id }, data: { evaluatedAt: now, lastError: null } });
      return { evaluated: true, notifications };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

async function recordOutcome(
  tx: Queryable,
  rule: RuleToEvaluate,
  metric: AlertMetric,
  condition: AlertCondition,
  instance: AlertInstance | null,
  outcome: GroupOutcome,
  silences: readonly AlertSilence[],
  dependencies: Pick<AlertEvaluationDependencies, "enqueue" | "ruleUrl">,
  now: Date,
): Promise<number> {
  const { group, state, transition } = outcome;
  const firing = state.state === "firing" || state.state === "recovering" ? state.severity : null;
  const silenced = silencedBy(silences, rule.id, group);
  const kind = silenced ? null : notificationKind(firing, instance, rule.reminderSeconds, now);
  // De-escalation is told nobody, but remembered, so a later escalation is told again.
  const notifiedSeverity =
    kind === "firing"
      ? firing
      : kind === "resolved"
        ? null
        : instance?.notifiedSeverity && firing
          ? firing
          : (instance?.notifiedSeverity ?? null);
  const notifiedAt = kind ? now : (instance?.notifiedAt ?? null);

  if (transition) {
    await tx.alertEvent.create({
      data: {
        projectId: rule.projectId,
        ruleId: rule.id,
        group,
        at: now,
        fromState: transition.from,
        toState: transition.to,
        severity: transition.severity,
        value: outcome.value,
        compared: outcome.compared,
        samples: outcome.samples,
        level: transition.level,
      },
    });
  }
  const quiet = (state.state === "ok" || state.state === "no_data") && notifiedSeverity === null;
  if (rule.groupBy && quiet && (!instance || now.getTime() - state.since.getTime() >= forgetQuietGroupsAfterMs)) {
    if (instance) await tx.alertInstance.delete({ where: { id: instance.id } });
  } else {
    const data = {
      ...state,
      value: outcome.value,
      compared: outcome.compared,
      samples: outcome.samples,
      notifiedSeverity,
      notifiedAt,
      evaluatedAt: now,
    };
    await tx.alertInstance.upsert({
      where: { ruleId_group: { ruleId: rule.id, group } },
      create: { projectId: rule.projectId, ruleId: rule.id, group, ...data },
      update: data,
    });
  }
  if (!kind) return 0;
  const level = transition?.level ?? null;
  await dependencies.enqueue(tx, {
    projectId: rule.projectId,
    ruleId: rule.id,
    channelIds: rule.channels.map((channel) => channel.channelId),
    kind,
    now,
    notification: {
      type: `alert.${kind}`,
      timestamp: now.toISOString(),
      data: {
        projectId: rule.projectId,
        ruleId: rule.id,
        ruleName: rule.name,
        metric: rule.metric,
        metricLabel: metric.label,
        group: rule.groupBy ? group : null,
        groupBy: rule.groupBy as AlertGroupBy | null,
        state: state.state,
        severity: kind === "resolved" ? (instance?.notifiedSeverity ?? null) : firing,
        value: outcome.value,
        compared: outcome.compared,
        level,
        op: condition.op,
        relative: condition.relativeChange !== undefined,
        windowSeconds: rule.windowSeconds,
        since: state.since.toISOString(),
        url: dependencies.ruleUrl(rule.projectId, rule.id),
      },
    },
  });
  return 1;
}

/**
 * One evaluation cycle: every enabled rule not yet evaluated for the current minute, project by
 * project (rollups brought up to date first). A rule that fails is marked with its error and
 * the others go on. After downtime only the present is evaluated: nothing is replayed, so no
 * notification about a past that is already over is sent.
 */
export async function evaluateAlertRules(
  database: Database,
  now: Date,
  dependencies: AlertEvaluationDependencies,
  only?: { ruleId: string; projectId: string },
): Promise<{ evaluated: number; failed: number; notifications: number }> {
  const minute = evaluationWindow(now, 60).to;
  const rules: RuleToEvaluate[] = await database.alertRule.findMany({
    where: only
      ? { id: only.ruleId, projectId: only.projectId }
      : { enabled: true, OR: [{ evaluatedAt: null }, { evaluatedAt: { lt: minute } }] },
    select: ruleSelect,
    orderBy: [{ projectId: "asc" }, { id: "asc" }],
  });
  const byProject = new Map<string, RuleToEvaluate[]>();
  for (const rule of rules) byProject.set(rule.projectId, [...(byProject.get(rule.projectId) ?? []), rule]);
  let evaluated = 0;
  let failed = 0;
  let notifications = 0;
  for (const [projectId, projectRules] of byProject) {
    try {
      await dependencies.refresh?.(database, projectId);
    } catch (error) {
      // Stale rollups still give an answer; the rollup job reports its own failure.
      console.error("Alert evaluation could not refresh rollups", projectId, error);
    }
    const source = dependencies.values(database, projectId, now);
    const silences = await activeAlertSilences(database, projectId, now);
    for (const rule of projectRules) {
      try {
        const result = await evaluateAlertRule(database, rule, source, dependencies, silences, now);
        if (result.evaluated) evaluated += 1;
        notifications += result.notifications;
      } catch (error) {
        failed += 1;
        const message = error instanceof Error ? error.message : String(error);
        await database.alertRule.update({ where: { id: rule.id }, data: { evaluatedAt: now, lastError: message.slice(0, 2000) } });
      }
    }
  }
  if (notifications > 0) await dependencies.afterEnqueue?.();
  return { evaluated, failed, notifications };
}
