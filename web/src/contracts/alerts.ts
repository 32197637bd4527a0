import { z } from "zod";
import { identifierSchema, keyOrProjectParams, timestampSchema, uuidParam } from "@/contracts/common";
import { alertFilterFields, alertGroupBys, parseAlertMetric, type AlertMetric } from "@/contracts/alertMetrics";

export const alertStates = ["ok", "pending", "firing", "recovering", "no_data", "error"] as const;
export type AlertStateName = (typeof alertStates)[number];
export const alertSeverities = ["warning", "critical"] as const;
export type AlertSeverityName = (typeof alertSeverities)[number];
export const alertChannelTypes = ["webhook", "slack", "email"] as const;
export const alertCompareTo = ["previous", "day", "week"] as const;
export const alertPresets = ["hallucination", "latency_p95", "thumbs_down_change", "error_rate", "cost_per_user"] as const;
export type AlertPreset = (typeof alertPresets)[number];

export const alertLimits = {
  minWindowSeconds: 60,
  maxWindowSeconds: 7 * 86_400,
  maxForSeconds: 7 * 86_400,
  maxChannelsPerRule: 10,
  maxRecipients: 20,
  /** Transitions GET /alert-rules/{id} returns, newest first. */
  historyLength: 100,
} as const;

const durationSeconds = (max: number) => z.number().int().min(0).max(max);

/** The value a level is compared against: the metric's own unit, or a relative change (0.2 = +20 %). */
const levelSchema = z.number();

export const alertConditionSchema = z
  .object({
    op: z.enum(["above", "below"]).describe("Breached when the value is above (or below) a level"),
    threshold: levelSchema.optional().describe("The level of the rule's severity, in the metric's unit"),
    relativeChange: levelSchema
      .min(-1)
      .optional()
      .describe("Instead of threshold: the change against an earlier window that breaches (0.2 = +20 %, -0.3 = -30 %)"),
    compareTo: z
      .enum(alertCompareTo)
      .optional()
      .describe(
        "The earlier window of a change rule: the previous one of the same length (default), or the same window a day or a week before",
      ),
    warning: levelSchema.optional().describe("A lower level that fires as a warning (with a critical rule)"),
    recovery: levelSchema
      .optional()
      .describe("Once firing, the value must come back past this level to recover (hysteresis; default: the level itself)"),
    warningRecovery: levelSchema.optional().describe("The warning's own recovery level (default: warning)"),
  })
  .strict();
export type AlertCondition = z.infer<typeof alertConditionSchema>;

/** The level a condition fires at: its threshold or its relative change (exactly one is given). */
export function conditionLevel(condition: AlertCondition): number {
  return condition.threshold ?? condition.relativeChange ?? Number.NaN;
}

export const alertFilterSchema = z
  .object(
    Object.fromEntries(alertFilterFields.map((field) => [field, identifierSchema.optional()])) as Record<
      (typeof alertFilterFields)[number],
      z.ZodOptional<typeof identifierSchema>
    >,
  )
  .strict()
  .describe("Count only traces of this model, release or prompt version (and, for score metrics, scores of this evaluator)");
export type AlertFilter = z.infer<typeof alertFilterSchema>;

const ruleFields = {
  name: identifierSchema.describe("Unique in the project"),
  metric: z
    .string()
    .min(1)
    .max(300)
    .describe(
      "A figure of GET /api/v1/metrics, reviewQueueSize, score:<name>:avg, score:<name>:share_above:<x>, drift:<baseline>:js_distance|novel_share|status",
    ),
  filter: alertFilterSchema.optional(),
  groupBy: z.enum(alertGroupBys).nullable().optional().describe("One alert instance per value of this dimension"),
  windowSeconds: z
    .number()
    .int()
    .min(alertLimits.minWindowSeconds)
    .max(alertLimits.maxWindowSeconds)
    .refine((seconds) => seconds % 60 === 0, "must be whole minutes")
    .describe("The aggregation window ending at each evaluation (1 minute to 7 days, whole minutes)"),
  condition: alertConditionSchema,
  forSeconds: durationSeconds(alertLimits.maxForSeconds).describe("The condition must hold at every evaluation this long before firing"),
  keepFiringForSeconds: durationSeconds(alertLimits.maxForSeconds).describe(
    "After the value recovers, keep firing this long (no flapping on a noisy recovery)",
  ),
  minSamples: z.number().int().min(1).max(1_000_000).describe("Rates, averages and percentiles of fewer observations are 'no data'"),
  severity: z.enum(alertSeverities).describe("The severity of condition.threshold (condition.warning is always a warning)"),
  reminderSeconds: z
    .number()
    .int()
    .min(300)
    .max(alertLimits.maxForSeconds)
    .nullable()
    .optional()
    .describe("Repeat a firing notification this often"),
  channels: z.array(uuidParam).max(alertLimits.maxChannelsPerRule).describe("Alert channel ids to notify"),
  preset: z.enum(alertPresets).nullable().optional().describe("The preset the rule was made from"),
  enabled: z.boolean(),
};

/**
 * What a new rule gets for the fields it leaves out. Only creation (and the preview of a
 * rule being made) applies them: a change (PATCH) that applied them would reset every
 * field it does not name, so disabling a rule would drop its channels.
 */
const newRuleFields = {
  ...ruleFields,
  forSeconds: ruleFields.forSeconds.default(0),
  keepFiringForSeconds: ruleFields.keepFiringForSeconds.default(0),
  minSamples: ruleFields.minSamples.default(30),
  severity: ruleFields.severity.default("critical"),
  channels: ruleFields.channels.default([]),
  enabled: ruleFields.enabled.default(true),
};

/** The checks that need no database: the metric exists and the rule fits it. */
export function checkAlertRule(
  rule: { metric: string; filter?: AlertFilter | undefined; groupBy?: string | null | undefined; condition: AlertCondition },
  ctx: z.RefinementCtx,
): AlertMetric | null {
  const metric = parseAlertMetric(rule.metric);
  if (typeof metric === "string") {
    ctx.addIssue({ code: "custom", path: ["metric"], message: metric });
    return null;
  }
  if (rule.groupBy && !metric.groupBys.includes(rule.groupBy as (typeof alertGroupBys)[number]))
    ctx.addIssue({
      code: "custom",
      path: ["groupBy"],
      message: metric.groupBys.length
        ? `${rule.metric} can be split by ${metric.groupBys.join(", ")} only`
        : `${rule.metric} cannot be split`,
    });
  for (const field of Object.keys(rule.filter ?? {}) as (keyof AlertFilter)[])
    if (rule.filter?.[field] !== undefined && !metric.filters.includes(field))
      ctx.addIssue({ code: "custom", path: ["filter", field], message: `${rule.metric} cannot be filtered by ${field}` });
  checkCondition(rule.condition, metric, ctx);
  return metric;
}

function checkCondition(condition: AlertCondition, metric: AlertMetric, ctx: z.RefinementCtx): void {
  const issue = (field: string, message: string) => {
    ctx.addIssue({ code: "custom", path: ["condition", field], message });
  };
  const relative = condition.relativeChange !== undefined;
  if ((condition.threshold === undefined) === !relative) issue("threshold", "give either threshold or relativeChange");
  if (condition.compareTo !== undefined && !relative) issue("compareTo", "compareTo goes with relativeChange");
  if (relative && !metric.relativeChange)
    issue("relativeChange", `${metric.label} has no earlier windows to compare with; use a threshold`);
  // Absolute levels must be values the metric can take; a relative change is any change above -100 %.
  if (!relative)
    for (const field of ["threshold", "warning", "recovery", "warningRecovery"] as const) {
      const value = condition[field];
      if (value === undefined) continue;
      if (value < metric.min || (metric.max !== null && value > metric.max))
        issue(
          field,
          `${metric.label} ranges ${metric.min <= -Number.MAX_VALUE ? "" : `from ${metric.min} `}${metric.max === null ? "upwards" : `to ${metric.max}`}`,
        );
    }
  const above = condition.op === "above";
  const level = conditionLevel(condition);
  // Past = further into breach: above a level for "above", below it for "below".
  const past = (a: number, b: number) => (above ? a > b : a < b);
  if (condition.warning !== undefined && past(condition.warning, level))
    issue("warning", `a warning fires before the critical level: it must be ${above ? "at most" : "at least"} ${level}`);
  if (condition.recovery !== undefined && past(condition.recovery, level))
    issue("recovery", `recovery must be ${above ? "at most" : "at least"} the level (${level}), or the alert could never recover`);
  if (condition.warningRecovery !== undefined) {
    if (condition.warning === undefined) issue("warningRecovery", "warningRecovery goes with warning");
    else if (past(condition.warningRecovery, condition.warning))
      issue("warningRecovery", `warningRecovery must be ${above ? "at most" : "at least"} the warning level (${condition.warning})`);
  }
}

export const alertRuleInputSchema = z
  .object(newRuleFields)
  .strict()
  .superRefine((rule, ctx) => {
    checkAlertRule(rule, ctx);
    if (rule.condition.warning !== undefined && rule.severity === "warning")
      ctx.addIssue({
        code: "custom",
        path: ["condition", "warning"],
        message: "a warning level needs a critical rule (severity: critical)",
      });
  });
export type AlertRuleInput = z.infer<typeof alertRuleInputSchema>;

/** A change to a rule: any of its fields; the rule as changed is checked whole. */
export const alertRuleUpdateSchema = z.object(ruleFields).partial().strict();
export type AlertRuleUpdate = z.infer<typeof alertRuleUpdateSchema>;

export const alertRuleParams = keyOrProjectParams.extend({ ruleId: uuidParam }).strict();
export const alertChannelParams = keyOrProjectParams.extend({ channelId: uuidParam }).strict();
export const alertSilenceParams = keyOrProjectParams.extend({ silenceId: uuidParam }).strict();

const channelSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(alertChannelTypes),
    failing: z.boolean().describe("Deliveries have failed repeatedly; fix the endpoint or send a test"),
  })
  .strict();

export const alertInstanceSchema = z
  .object({
    group: z.string().describe("The group-by value ('' when the rule is not grouped)"),
    state: z.enum(alertStates),
    severity: z.enum(alertSeverities).nullable(),
    value: z.number().nullable().describe("The metric over the last window"),
    compared: z.number().nullable().describe("What the levels were compared with: the value, or its relative change"),
    samples: z.number().int().nullable(),
    since: z.string().describe("In this state since"),
    silenced: z.boolean(),
  })
  .strict();

export const alertEventSchema = z
  .object({
    at: z.string(),
    group: z.string(),
    from: z.enum(alertStates),
    to: z.enum(alertStates),
    severity: z.enum(alertSeverities).nullable(),
    value: z.number().nullable(),
    compared: z.number().nullable(),
    samples: z.number().int().nullable(),
    level: z.number().nullable().describe("The level crossed, when one was"),
  })
  .strict();

export const alertDeliverySchema = z
  .object({
    id: z.string(),
    channel: z.string().describe("The channel's name"),
    kind: z.enum(["firing", "resolved", "reminder", "test", "rollout"]),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable().describe("The receiver's last HTTP status"),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .strict();

export const alertSilenceSchema = z
  .object({
    id: z.string(),
    ruleId: z.string().nullable().describe("null: every rule of the project"),
    group: z.string().nullable(),
    endsAt: z.string(),
    reason: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .strict();

const ruleOutputFields = {
  id: z.string(),
  name: z.string(),
  metric: z.string(),
  metricLabel: z.string(),
  filter: alertFilterSchema,
  groupBy: z.enum(alertGroupBys).nullable(),
  windowSeconds: z.number().int(),
  condition: alertConditionSchema,
  forSeconds: z.number().int(),
  keepFiringForSeconds: z.number().int(),
  minSamples: z.number().int(),
  severity: z.enum(alertSeverities),
  reminderSeconds: z.number().int().nullable(),
  preset: z.enum(alertPresets).nullable(),
  enabled: z.boolean(),
  channels: z.array(channelSummarySchema),
  state: z.enum(alertStates).describe("The worst state of its instances; error when its last evaluation failed"),
  firingSeverity: z.enum(alertSeverities).nullable(),
  evaluatedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const alertRuleSummarySchema = z.object(ruleOutputFields).strict();
export type AlertRuleSummary = z.infer<typeof alertRuleSummarySchema>;
export const alertRuleListSchema = z.object({ data: z.array(alertRuleSummarySchema) }).strict();

export const alertRuleSchema = z
  .object({
    ...ruleOutputFields,
    instances: z.array(alertInstanceSchema).describe("Groups not ok, and every group seen lately; worst first"),
    history: z.array(alertEventSchema).describe(`State changes, newest first (at most ${alertLimits.historyLength})`),
    deliveries: z.array(alertDeliverySchema).describe("The latest notifications, newest first"),
    silences: z.array(alertSilenceSchema).describe("Silences in force"),
  })
  .strict();
export type AlertRuleView = z.infer<typeof alertRuleSchema>;

// Channels

const emailSchema = z.email().max(320);

export const alertChannelInputSchema = z
  .object({
    name: identifierSchema.describe("Unique in the project"),
    type: z.enum(alertChannelTypes),
    url: z.url().max(2000).optional().describe("webhook and slack: where to POST"),
    to: z
      .union([emailSchema, z.array(emailSchema).min(1).max(alertLimits.maxRecipients)])
      .optional()
      .describe("email: one address or a list"),
  })
  .strict()
  .superRefine((channel, ctx) => {
    if (channel.type === "email") {
      if (channel.to === undefined)
        ctx.addIssue({ code: "custom", path: ["to"], message: "an email channel needs to (one address or a list)" });
      if (channel.url !== undefined) ctx.addIssue({ code: "custom", path: ["url"], message: "an email channel has no url" });
    } else {
      if (channel.url === undefined) ctx.addIssue({ code: "custom", path: ["url"], message: `a ${channel.type} channel needs a url` });
      if (channel.to !== undefined) ctx.addIssue({ code: "custom", path: ["to"], message: `a ${channel.type} channel has no recipients` });
    }
  });
export type AlertChannelInput = z.infer<typeof alertChannelInputSchema>;

export const alertChannelSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(alertChannelTypes),
    url: z.string().nullable().describe("The URL with its secret part masked (Slack webhook URLs are credentials)"),
    to: z.array(z.string()),
    failing: z.boolean(),
    consecutiveFailures: z.number().int(),
    lastError: z.string().nullable(),
    lastDeliveredAt: z.string().nullable(),
    rules: z.number().int().describe("Rules that notify it"),
    createdAt: z.string(),
  })
  .strict();
export type AlertChannelView = z.infer<typeof alertChannelSchema>;

export const alertChannelCreatedSchema = alertChannelSchema
  .extend({
    secret: z
      .string()
      .optional()
      .describe("webhook: the whsec_ signing secret, shown once; verify webhook-signature with it (Standard Webhooks)"),
  })
  .strict();
export const alertChannelListSchema = z.object({ data: z.array(alertChannelSchema) }).strict();

export const alertChannelTestResultSchema = z
  .object({
    delivered: z.boolean(),
    status: z.number().int().nullable().describe("The receiver's HTTP status (null: no answer, or an e-mail)"),
    error: z.string().nullable(),
  })
  .strict();
export type AlertChannelTestResult = z.infer<typeof alertChannelTestResultSchema>;

// Silences

export const alertSilenceInputSchema = z
  .object({
    ruleId: uuidParam.optional().describe("The rule to silence; omitted: every rule"),
    group: identifierSchema.optional().describe("Only this group of a grouped rule"),
    endsAt: timestampSchema.describe("When notifications resume"),
    reason: z.string().trim().min(1).max(500),
  })
  .strict()
  .refine((silence) => silence.group === undefined || silence.ruleId !== undefined, { message: "group goes with ruleId", path: ["group"] });
export type AlertSilenceInput = z.infer<typeof alertSilenceInputSchema>;
export const alertSilenceListSchema = z.object({ data: z.array(alertSilenceSchema) }).strict();

// Notifications (the payload of every channel; webhooks receive it as JSON)

export const alertNotificationSchema = z
  .object({
    type: z.enum(["alert.firing", "alert.resolved", "alert.reminder", "alert.test"]),
    timestamp: z.string().describe("When the state changed (ISO 8601)"),
    data: z
      .object({
        projectId: z.string(),
        ruleId: z.string().nullable(),
        ruleName: z.string(),
        metric: z.string(),
        metricLabel: z.string(),
        group: z.string().nullable().describe("The group-by value, for a grouped rule"),
        groupBy: z.enum(alertGroupBys).nullable(),
        state: z.enum(alertStates),
        severity: z.enum(alertSeverities).nullable(),
        value: z.number().nullable(),
        compared: z.number().nullable(),
        level: z.number().nullable().describe("The level the value crossed"),
        op: z.enum(["above", "below"]),
        relative: z.boolean().describe("compared is a relative change against an earlier window"),
        windowSeconds: z.number().int(),
        since: z.string(),
        url: z.string().describe("The rule in the console"),
      })
      .strict(),
  })
  .strict();
export type AlertNotification = z.infer<typeof alertNotificationSchema>;

/** What a rollout's guard did on its own: channels hear of it as they hear of alerts. */
export const rolloutNotificationSchema = z
  .object({
    type: z.enum(["rollout.rolled_back", "rollout.paused", "rollout.advanced", "rollout.completed"]),
    timestamp: z.string().describe("When the guard acted (ISO 8601)"),
    data: z
      .object({
        projectId: z.string(),
        rolloutKey: z.string(),
        baseline: z.string(),
        candidate: z.string(),
        fromShare: z.number().describe("The candidate's share before, 0..1"),
        toShare: z.number().describe("The candidate's share now, 0..1"),
        stage: z.number().int(),
        reason: z.string(),
        url: z.string().describe("The rollout in the console"),
      })
      .strict(),
  })
  .strict();
export type RolloutNotification = z.infer<typeof rolloutNotificationSchema>;

/** Every payload a channel receives (webhooks get it as JSON). */
export const channelNotificationSchema = z.union([alertNotificationSchema, rolloutNotificationSchema]);
export type ChannelNotification = z.infer<typeof channelNotificationSchema>;

export function isRolloutNotification(notification: ChannelNotification): notification is RolloutNotification {
  return notification.type.startsWith("rollout.");
}

// Preview

export const alertPreviewInputSchema = z
  .object({
    ...newRuleFields,
    name: identifierSchema.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    checkAlertRule(rule, ctx);
  });
export type AlertPreviewInput = z.infer<typeof alertPreviewInputSchema>;

export const alertPreviewSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    stepSeconds: z.number().int().describe("The rule evaluated once per step over the last 7 days"),
    relative: z.boolean(),
    levels: z
      .object({
        threshold: z.number(),
        warning: z.number().nullable(),
        recovery: z.number().nullable(),
        warningRecovery: z.number().nullable(),
      })
      .strict(),
    series: z
      .array(
        z
          .object({
            group: z.string(),
            points: z.array(
              z
                .object({
                  t: z.string(),
                  value: z.number().nullable(),
                  compared: z.number().nullable(),
                  samples: z.number().int().nullable(),
                })
                .strict(),
            ),
          })
          .strict(),
      )
      .describe("One series per group (the five with the highest values for a grouped rule)"),
    firings: z
      .array(
        z
          .object({
            group: z.string(),
            from: z.string(),
            to: z.string().nullable().describe("null: still firing"),
            severity: z.enum(alertSeverities),
          })
          .strict(),
      )
      .describe("When the rule would have fired"),
  })
  .strict();
export type AlertPreview = z.infer<typeof alertPreviewSchema>;

export const firingAlertsSchema = z
  .object({
    data: z.array(
      z
        .object({
          ruleId: z.string(),
          ruleName: z.string(),
          group: z.string(),
          severity: z.enum(alertSeverities),
          since: z.string(),
          value: z.number().nullable(),
          silenced: z.boolean().describe("Its notifications are held back by a silence"),
        })
        .strict(),
    ),
  })
  .strict();
export type FiringAlerts = z.infer<typeof firingAlertsSchema>;
