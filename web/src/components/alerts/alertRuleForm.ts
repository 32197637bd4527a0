import { alertFilterFields, traceAlertMetrics, type AlertFilterField, type AlertGroupBy } from "@/contracts/alertMetrics";
import type { AlertCondition, AlertPreset, AlertRuleSummary, AlertSeverityName } from "@/contracts/alerts";
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
  warningRecovery: string;
  forMinutes: string;
  keepFiringForMinutes: string;
  minSamples: string;
  severity: AlertSeverityName;
  /** Empty: no reminders. */
  reminderMinutes: string;
  /** Only traces (or scores) of these values; empty: every one. */
  filter: Record<AlertFilterField, string>;
  channels: string[];
  preset: AlertPreset | null;
}

const noFilter = Object.fromEntries(alertFilterFields.map((field) => [field, ""])) as Record<AlertFilterField, string>;

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
  warningRecovery: "",
  forMinutes: "5",
  keepFiringForMinutes: "0",
  minSamples: "30",
  severity: "critical",
  reminderMinutes: "",
  filter: noFilter,
  channels: [],
  preset: null,
};

const minutes = (seconds: number | undefined) => String(Math.round((seconds ?? 0) / 60));
const text = (value: number | undefined) => (value === undefined ? "" : String(value));

/** The fields a preset and a saved rule share, as the form shows them. */
interface RuleFields {
  name: string;
  metric: string;
  filter?: Partial<Record<AlertFilterField, string>>;
  groupBy?: AlertGroupBy | null;
  windowSeconds: number;
  condition: AlertCondition;
  forSeconds?: number;
  keepFiringForSeconds?: number;
  minSamples?: number;
  severity?: AlertSeverityName;
  reminderSeconds?: number | null;
}

function fieldsDraft(rule: RuleFields): Omit<AlertRuleDraft, "channels" | "preset"> {
  const { condition } = rule;
  const relative = condition.relativeChange !== undefined;
  return {
    name: rule.name,
    metric: rule.metric,
    groupBy: rule.groupBy ?? "",
    windowMinutes: minutes(rule.windowSeconds),
    op: condition.op,
    kind: relative ? "change" : "threshold",
    level: text(relative ? condition.relativeChange : condition.threshold),
    compareTo: condition.compareTo ?? "previous",
    warning: text(condition.warning),
    recovery: text(condition.recovery),
    warningRecovery: text(condition.warningRecovery),
    forMinutes: minutes(rule.forSeconds),
    keepFiringForMinutes: minutes(rule.keepFiringForSeconds),
    minSamples: String(rule.minSamples ?? blankDraft.minSamples),
    severity: rule.severity ?? blankDraft.severity,
    reminderMinutes: rule.reminderSeconds == null ? "" : minutes(rule.reminderSeconds),
    filter: { ...noFilter, ...rule.filter },
  };
}

/** A preset as a new rule's draft (no channels chosen yet). */
export function presetDraft(preset: AlertPreset): AlertRuleDraft {
  return { ...fieldsDraft(alertPresetDefinition(preset).rule), channels: [], preset };
}

/** A saved rule as the form shows it, to be changed. */
export function ruleDraft(rule: AlertRuleSummary): AlertRuleDraft {
  return { ...fieldsDraft(rule), channels: rule.channels.map((channel) => channel.id), preset: rule.preset };
}

/** A text field as a number for the API: empty is "not given", anything else goes as typed (the API names what is wrong). */
const numberOrUndefined = (value: string) => (value.trim() === "" ? undefined : Number(value));

/**
 * The draft as the API's rule body: POST /alert-rules, /alert-rules/preview, and PATCH,
 * which gets the whole rule so that what the form shows is what is saved.
 */
export function ruleBody(draft: AlertRuleDraft, allowedFilters: readonly AlertFilterField[]) {
  const level = numberOrUndefined(draft.level);
  const reminder = numberOrUndefined(draft.reminderMinutes);
  // A filter the metric cannot take is dropped rather than refused: the field is hidden for it.
  const filter = Object.fromEntries(
    allowedFilters.flatMap((field) => (draft.filter[field].trim() === "" ? [] : [[field, draft.filter[field].trim()]])),
  );
  return {
    ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
    metric: draft.metric,
    filter,
    groupBy: draft.groupBy === "" ? null : draft.groupBy,
    windowSeconds: Number(draft.windowMinutes) * 60,
    condition: {
      op: draft.op,
      ...(draft.kind === "change" ? { relativeChange: level, compareTo: draft.compareTo } : { threshold: level }),
      // A warning level belongs to a critical rule; the form hides it for a warning rule.
      warning: draft.severity === "critical" ? numberOrUndefined(draft.warning) : undefined,
      recovery: numberOrUndefined(draft.recovery),
      warningRecovery: draft.severity === "critical" ? numberOrUndefined(draft.warningRecovery) : undefined,
    },
    forSeconds: Number(draft.forMinutes) * 60,
    keepFiringForSeconds: Number(draft.keepFiringForMinutes) * 60,
    minSamples: Number(draft.minSamples),
    severity: draft.severity,
    reminderSeconds: reminder === undefined ? null : reminder * 60,
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
