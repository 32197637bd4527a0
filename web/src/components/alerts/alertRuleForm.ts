import { traceAlertMetrics, type AlertGroupBy } from "@/contracts/alertMetrics";
import type { AlertPreset } from "@/contracts/alerts";
import { alertPresetDefinition } from "@/contracts/alertPresets";

/** The rule form's fields as the person edits them: minutes and plain numbers in text inputs. */
export interface AlertRuleDraft {
  name: string;
  metric: string;
  groupBy: AlertGroupBy | "";
  windowMinutes: string;
  op: "above" | "below";
  kind: "threshold" | "change";
  level: string;
  compareTo: "previous" | "day" | "week";
  warning: string;
  recovery: string;
  forMinutes: string;
  keepFiringForMinutes: string;
  minSamples: string;
  channels: string[];
  preset: AlertPreset | null;
}

export const blankDraft: AlertRuleDraft = {
  name: "",
  metric: "errorRate",
  groupBy: "",
  windowMinutes: "5",
  op: "above",
  kind: "threshold",
  level: "",
  compareTo: "previous",
  warning: "",
  recovery: "",
  forMinutes: "5",
  keepFiringForMinutes: "0",
  minSamples: "30",
  channels: [],
  preset: null,
};

const minutes = (seconds: number | undefined) => String(Math.round((seconds ?? 0) / 60));
const text = (value: number | undefined) => (value === undefined ? "" : String(value));

export function presetDraft(preset: AlertPreset): AlertRuleDraft {
  const { rule } = alertPresetDefinition(preset);
  const relative = rule.condition.relativeChange !== undefined;
  return {
    ...blankDraft,
    name: rule.name,
    metric: rule.metric,
    groupBy: rule.groupBy ?? "",
    windowMinutes: minutes(rule.windowSeconds),
    op: rule.condition.op,
    kind: relative ? "change" : "threshold",
    level: text(relative ? rule.condition.relativeChange : rule.condition.threshold),
    compareTo: rule.condition.compareTo ?? "previous",
    warning: text(rule.condition.warning),
    recovery: text(rule.condition.recovery),
    forMinutes: minutes(rule.forSeconds),
    keepFiringForMinutes: minutes(rule.keepFiringForSeconds),
    preset,
  };
}

/** A text field as a number for the API: empty is "not given", anything else goes as typed (the API names what is wrong). */
const numberOrUndefined = (value: string) => (value.trim() === "" ? undefined : Number(value));

/** The draft as the API's rule body (POST /alert-rules and /alert-rules/preview). */
export function ruleBody(draft: AlertRuleDraft) {
  const level = numberOrUndefined(draft.level);
  return {
    ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
    metric: draft.metric,
    groupBy: draft.groupBy === "" ? null : draft.groupBy,
    windowSeconds: Number(draft.windowMinutes) * 60,
    condition: {
      op: draft.op,
      ...(draft.kind === "change" ? { relativeChange: level, compareTo: draft.compareTo } : { threshold: level }),
      warning: numberOrUndefined(draft.warning),
      recovery: numberOrUndefined(draft.recovery),
    },
    forSeconds: Number(draft.forMinutes) * 60,
    keepFiringForSeconds: Number(draft.keepFiringForMinutes) * 60,
    minSamples: Number(draft.minSamples),
    channels: draft.channels,
    preset: draft.preset,
  };
}

/** The metric picker's groups: traffic and quality figures, then the project's scores and drift baselines. */
export function metricOptions(scoreNames: readonly string[], baselines: readonly string[]) {
  return [
    {
      group: "Traffic, latency and cost",
      options: Object.entries(traceAlertMetrics).map(([value, traits]) => ({ value, label: traits.label })),
    },
    {
      group: "Scores",
      options: scoreNames.flatMap((name) => [
        { value: `score:${name}:avg`, label: `Average ${name}` },
        { value: `score:${name}:share_above:0.5`, label: `Share of ${name} at or above 0.5` },
      ]),
    },
    {
      group: "Drift",
      options: baselines.flatMap((name) => [
        { value: `drift:${name}:js_distance`, label: `${name}: drift distance` },
        { value: `drift:${name}:novel_share`, label: `${name}: share of novel traffic` },
      ]),
    },
    { group: "Review", options: [{ value: "reviewQueueSize", label: "Review queue size" }] },
  ].filter((group) => group.options.length > 0);
}
