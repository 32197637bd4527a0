import { parseAlertMetric } from "@/contracts/alertMetrics";
import type { AlertCondition, AlertSeverityName, AlertStateName } from "@/contracts/alerts";
import { formatChartValue } from "@/components/charts/chartFormat";
import { alertChartUnit, formatAlertDuration, formatRelativeChange } from "@/server/alerts/delivery/alertNotificationText";

// Only these colours are in the theme (app/theme.css imports their tokens); another renders uncoloured.
type BadgeColor = "gray" | "green" | "amber" | "red" | "blue";

export const alertStateLabel: Record<AlertStateName, { label: string; color: BadgeColor }> = {
  ok: { label: "OK", color: "green" },
  pending: { label: "Pending", color: "blue" },
  firing: { label: "Firing", color: "red" },
  recovering: { label: "Recovering", color: "amber" },
  no_data: { label: "No data", color: "gray" },
  error: { label: "Error", color: "red" },
};

/** A state as a badge reads it: firing says its severity. */
export function stateBadge(state: AlertStateName, severity: AlertSeverityName | null): { label: string; color: BadgeColor } {
  const base = alertStateLabel[state];
  if ((state === "firing" || state === "recovering") && severity)
    return { label: `${base.label} · ${severity}`, color: state === "firing" && severity === "warning" ? "amber" : base.color };
  return base;
}

/** A metric's value in its unit ("5.2 s", "12%", "$4.10"); a change rule's compared value as "+34%". */
export function formatAlertValue(metric: string, value: number | null, relative = false): string {
  if (value === null) return "—";
  if (relative) return formatRelativeChange(value);
  const parsed = parseAlertMetric(metric);
  return formatChartValue(typeof parsed === "string" ? "count" : alertChartUnit(parsed.unit), value);
}

/** "above 5 s for 30 min over 5 min" / "+20% vs the previous 1 h". */
export function conditionText(rule: { metric: string; condition: AlertCondition; windowSeconds: number; forSeconds: number }): string {
  const { condition } = rule;
  const over = `over ${formatAlertDuration(rule.windowSeconds)}`;
  const held = rule.forSeconds > 0 ? `, for ${formatAlertDuration(rule.forSeconds)}` : "";
  if (condition.relativeChange !== undefined) {
    const against = { previous: "the window before", day: "a day earlier", week: "a week earlier" }[condition.compareTo ?? "previous"];
    return `${condition.op} ${formatRelativeChange(condition.relativeChange)} against ${against}, ${over}${held}`;
  }
  return `${condition.op} ${formatAlertValue(rule.metric, condition.threshold ?? null)} ${over}${held}`;
}

export const alertRuleHref = (projectId: string, ruleId: string) => `/projects/${projectId}/alerts/${ruleId}`;
