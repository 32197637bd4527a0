import { endpoint } from "@/server/api/endpoint";
import { callerActor, callerProjectId } from "@/server/api/caller";
import { keyOrProjectParams } from "@/contracts/common";
import {
  alertPreviewInputSchema,
  alertPreviewSchema,
  alertRuleInputSchema,
  alertRuleListSchema,
  alertRuleParams,
  alertRuleSchema,
  alertRuleUpdateSchema,
  alertSilenceInputSchema,
  alertSilenceListSchema,
  alertSilenceParams,
  alertSilenceSchema,
  firingAlertsSchema,
} from "@/contracts/alerts";
import { createAlertRule, deleteAlertRule, getAlertRule, listAlertRules, updateAlertRule } from "@/server/alerts/alertRules";
import { createAlertSilence, endAlertSilence, listAlertSilences } from "@/server/alerts/alertSilences";
import { listFiringAlerts } from "@/server/alerts/firingAlerts";
import { previewAlertRule } from "@/server/alerts/alertPreview";
import { evaluateAlertRules } from "@/server/alerts/evaluateAlertRules";
import { alertEvaluationDependencies } from "@/server/alerts/alertEvaluationDependencies";

const rulePaths = <Tail extends string>(tail: Tail) =>
  [`/api/v1/alert-rules${tail}`, `/api/v1/projects/{projectId}/alert-rules${tail}`] as const;
const silencePaths = <Tail extends string>(tail: Tail) =>
  [`/api/v1/alert-silences${tail}`, `/api/v1/projects/{projectId}/alert-silences${tail}`] as const;

export const alertRuleCreateRoute = endpoint({
  method: "POST",
  path: rulePaths(""),
  summary: "Create an alert rule: a condition on a metric over a sliding window, evaluated every minute",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:manage",
  params: keyOrProjectParams,
  body: alertRuleInputSchema,
  status: 201,
  response: alertRuleSchema,
  answers: "Created; the first evaluation is within a minute",
  handler: ({ database, caller, body }) => createAlertRule(database, callerProjectId(caller), body),
});

export const alertRuleListRoute = endpoint({
  method: "GET",
  path: rulePaths(""),
  summary: "The project's alert rules with their current state",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:read",
  params: keyOrProjectParams,
  response: alertRuleListSchema,
  answers: "By name",
  handler: async ({ database, caller }) => ({ data: await listAlertRules(database, callerProjectId(caller)) }),
});

export const alertRuleGetRoute = endpoint({
  method: "GET",
  path: rulePaths("/{ruleId}"),
  summary: "One alert rule: its state, its instances (one per group), its history of transitions and its latest notifications",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:read",
  params: alertRuleParams,
  response: alertRuleSchema,
  answers: "The rule",
  handler: ({ database, caller, params, now }) => getAlertRule(database, callerProjectId(caller), params.ruleId, now),
});

export const alertRuleUpdateRoute = endpoint({
  method: "PATCH",
  path: rulePaths("/{ruleId}"),
  summary: "Change an alert rule (a change to what it measures starts its instances afresh)",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:manage",
  params: alertRuleParams,
  body: alertRuleUpdateSchema,
  response: alertRuleSchema,
  answers: "The rule as changed",
  handler: ({ database, caller, params, body }) => updateAlertRule(database, callerProjectId(caller), params.ruleId, body),
});

export const alertRuleDeleteRoute = endpoint({
  method: "DELETE",
  path: rulePaths("/{ruleId}"),
  summary: "Delete an alert rule with its history",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:manage",
  params: alertRuleParams,
  answers: "Deleted",
  handler: ({ database, caller, params }) => deleteAlertRule(database, callerProjectId(caller), params.ruleId),
});

export const alertRulePreviewRoute = endpoint({
  method: "POST",
  path: rulePaths("/preview"),
  summary: "A rule (saved or not) over the last 7 days: its metric, its levels and the times it would have fired",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:read",
  params: keyOrProjectParams,
  body: alertPreviewInputSchema,
  response: alertPreviewSchema,
  answers: "The preview",
  handler: ({ database, caller, body, now }) => previewAlertRule(database, callerProjectId(caller), body, now),
});

export const alertRuleEvaluateRoute = endpoint({
  method: "POST",
  path: rulePaths("/{ruleId}/evaluate"),
  summary: "Evaluate a rule now instead of at the next minute (notifications go out as from the schedule, within seconds)",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:manage",
  params: alertRuleParams,
  response: alertRuleSchema,
  answers: "The rule after the evaluation",
  handler: async ({ database, caller, params, now }) => {
    const projectId = callerProjectId(caller);
    // 404 before any work for another project's rule.
    await getAlertRule(database, projectId, params.ruleId, now);
    // Its notifications wait for the outbox's next pass (seconds): no job runner is needed here.
    await evaluateAlertRules(database, now, alertEvaluationDependencies(), { ruleId: params.ruleId, projectId });
    return getAlertRule(database, projectId, params.ruleId, now);
  },
});

export const firingAlertsRoute = endpoint({
  method: "GET",
  path: ["/api/v1/alerts/firing", "/api/v1/projects/{projectId}/alerts/firing"],
  summary: "Alerts firing now (critical first), as the console's header lists them",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:read",
  params: keyOrProjectParams,
  response: firingAlertsSchema,
  answers: "Critical first, then the longest firing",
  handler: async ({ database, caller, now }) => ({ data: await listFiringAlerts(database, callerProjectId(caller), now) }),
});

export const alertSilenceCreateRoute = endpoint({
  method: "POST",
  path: silencePaths(""),
  summary: "Hold back notifications of one rule (or one group of it, or every rule) until a time, with a reason",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:manage",
  params: keyOrProjectParams,
  body: alertSilenceInputSchema,
  status: 201,
  response: alertSilenceSchema,
  answers: "Silenced; rules go on being evaluated and recorded",
  handler: ({ database, caller, body, now }) => createAlertSilence(database, callerProjectId(caller), body, callerActor(caller), now),
});

export const alertSilenceListRoute = endpoint({
  method: "GET",
  path: silencePaths(""),
  summary: "Silences in force",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:read",
  params: keyOrProjectParams,
  response: alertSilenceListSchema,
  answers: "Soonest to end first",
  handler: async ({ database, caller, now }) => ({ data: await listAlertSilences(database, callerProjectId(caller), now) }),
});

export const alertSilenceEndRoute = endpoint({
  method: "DELETE",
  path: silencePaths("/{silenceId}"),
  summary: "End a silence now",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:manage",
  params: alertSilenceParams,
  answers: "Ended; notifications due are sent at the next evaluation",
  handler: ({ database, caller, params, now }) => endAlertSilence(database, callerProjectId(caller), params.silenceId, now),
});

export const alertRuleEndpoints = [
  alertRuleCreateRoute,
  alertRuleListRoute,
  alertRuleGetRoute,
  alertRuleUpdateRoute,
  alertRuleDeleteRoute,
  alertRulePreviewRoute,
  alertRuleEvaluateRoute,
  firingAlertsRoute,
  alertSilenceCreateRoute,
  alertSilenceListRoute,
  alertSilenceEndRoute,
] as const;
