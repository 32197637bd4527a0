// What a notification says, in words: one reading shared by Slack, e-mail and the test
// notification, with values in the metric's own unit as the console shows them.
import { isRolloutNotification, type AlertNotification, type ChannelNotification, type RolloutNotification } from "@/contracts/alerts";
import { parseAlertMetric, type AlertGroupBy, type AlertMetric } from "@/contracts/alertMetrics";
import { formatChartValue, type ChartUnit } from "@/components/charts/chartFormat";
import { formatUtcMinute } from "@/components/drift/driftLabels";
import { formatShare } from "@/components/releases/formatShare";

/** The console's chart unit for an alert metric's unit, so a notification reads as the charts do. */
export function alertChartUnit(unit: AlertMetric["unit"]): ChartUnit {
  switch (unit) {
    case "share":
      return "percent";
    case "ms":
    case "usd":
    case "count":
      return unit;
    case "tokens":
      return "count";
    case "stars":
    case "score":
    case "distance":
      return "score";
  }
}

/** "30 min", "1 h", "1 h 30 min", "7 days": alert windows and durations are whole minutes. */
export function formatAlertDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes % 1_440 === 0) return minutes === 1_440 ? "1 day" : `${minutes / 1_440} days`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** A relative change as a signed percentage: "+34%", "-8.5%". */
export function formatRelativeChange(change: number): string {
  const percent = change * 100;
  const digits = Math.abs(percent) >= 10 ? 0 : 1;
  return `${percent >= 0 ? "+" : "-"}${Math.abs(percent).toFixed(digits)}%`;
}

const groupByLabels: Record<AlertGroupBy, string> = {
  model: "model",
  release: "release",
  promptVersion: "prompt version",
  user: "user",
  session: "session",
};

const titles: Record<AlertNotification["type"], string> = {
  "alert.firing": "Firing",
  "alert.reminder": "Still firing",
  "alert.resolved": "Resolved",
  "alert.test": "Test notification",
};

export interface AlertNotificationText {
  /** "Firing (critical): p95 latency [model: gpt-4o]". */
  title: string;
  /** One sentence: what the value is against which level. */
  summary: string;
  /** Label and value pairs (metric, value, window, group, since). */
  fields: { label: string; value: string }[];
  url: string;
}

/** `text` cut to at most `max` characters, the last of them an ellipsis; never inside a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept = text.slice(0, Math.max(0, max - 1));
  return `${/[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept}…`;
}

/** How long the people-given parts may be where a medium limits text (Slack); unlimited by default. */
export interface AlertTextLimits {
  ruleName?: number;
  group?: number;
}

/** A notification in words, the rule name and group shortened to `limits`. */
export function alertNotificationText(notification: ChannelNotification, limits: AlertTextLimits = {}): AlertNotificationText {
  return isRolloutNotification(notification) ? rolloutNotificationText(notification, limits) : ruleNotificationText(notification, limits);
}

const rolloutTitles: Record<RolloutNotification["type"], string> = {
  "rollout.rolled_back": "Rolled back",
  "rollout.paused": "Paused",
  "rollout.advanced": "Advanced",
  "rollout.completed": "Completed",
};

function rolloutNotificationText(notification: RolloutNotification, limits: AlertTextLimits): AlertNotificationText {
  const { data } = notification;
  const key = truncateText(data.rolloutKey, limits.ruleName ?? Infinity);
  return {
    title: `${rolloutTitles[notification.type]}: rollout ${key}`,
    summary: `${data.candidate} against ${data.baseline}: ${data.reason}`,
    fields: [
      { label: "Candidate share", value: `${formatShare(data.fromShare)} → ${formatShare(data.toShare)}` },
      { label: "Stage", value: String(data.stage + 1) },
      { label: "At", value: formatUtcMinute(notification.timestamp) },
    ],
    url: data.url,
  };
}

function ruleNotificationText(notification: AlertNotification, limits: AlertTextLimits): AlertNotificationText {
  const data = {
    ...notification.data,
    ruleName: truncateText(notification.data.ruleName, limits.ruleName ?? Infinity),
    group: notification.data.group === null ? null : truncateText(notification.data.group, limits.group ?? Infinity),
  };
  const metric = parseAlertMetric(data.metric);
  // A metric renamed since the notification was queued still gets its numbers shown plainly.
  const unit = typeof metric === "string" ? "score" : alertChartUnit(metric.unit);
  const value = (number: number | null) => formatChartValue(unit, number);
  const resolved = notification.type === "alert.resolved";
  const severity = data.severity && !resolved ? ` (${data.severity})` : "";
  const group = data.group === null ? null : `${data.groupBy ? groupByLabels[data.groupBy] : "group"}: ${data.group}`;

  const side = resolved ? (data.op === "above" ? "back below" : "back above") : data.op;
  const level = data.level === null ? null : data.relative ? formatRelativeChange(data.level) : value(data.level);
  let reading: string;
  if (data.value === null) reading = "no data";
  else if (data.relative && data.compared !== null)
    reading = `${value(data.value)}, ${formatRelativeChange(data.compared)} against an earlier window${level ? ` (${side} ${level})` : ""}`;
  else reading = `${value(data.value)}${level ? ` (${side} ${level})` : ""}`;

  const fields = [
    { label: "Metric", value: data.metricLabel },
    { label: data.relative ? "Value and change" : "Value", value: reading },
    { label: "Window", value: `last ${formatAlertDuration(data.windowSeconds)}` },
    ...(group === null ? [] : [{ label: "Group", value: group }]),
    { label: resolved ? "Resolved at" : "Since", value: formatUtcMinute(data.since) },
  ];
  return {
    title: `${titles[notification.type]}${severity}: ${data.ruleName}${group === null ? "" : ` [${group}]`}`,
    summary: `${data.metricLabel}${group === null ? "" : ` for ${group}`} over the last ${formatAlertDuration(data.windowSeconds)}: ${reading}.`,
    fields,
    url: data.url,
  };
}
