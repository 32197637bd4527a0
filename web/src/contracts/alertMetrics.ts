// The metrics an alert rule may watch, by the names of GET /api/v1/metrics plus the
// parameterised score, drift and review-queue ones. One catalogue: the rule contract
// validates with it, the evaluator reads values by it and the console lists it.
import type { MetricFigures } from "@/contracts/metrics";

export const alertGroupBys = ["model", "release", "promptVersion", "user", "session"] as const;
export type AlertGroupBy = (typeof alertGroupBys)[number];
export const alertFilterFields = ["model", "release", "promptVersion", "evaluator"] as const;
export type AlertFilterField = (typeof alertFilterFields)[number];

/**
 * How a metric's window value is made, which decides whether a minimum sample size applies:
 * a sum (requests, cost) is a valid 0 on an empty window; a rate, average or percentile of
 * fewer than minSamples observations is "not enough data"; a gauge is read at evaluation time.
 */
export type AlertMetricKind = "sum" | "rate" | "average" | "percentile" | "gauge";

interface MetricTraits {
  label: string;
  kind: AlertMetricKind;
  /** The range a threshold must fall in (null: unbounded). */
  min: number;
  max: number | null;
  unit: "count" | "share" | "ms" | "usd" | "tokens" | "stars" | "score" | "distance";
  groupBys: readonly AlertGroupBy[];
  filters: readonly AlertFilterField[];
  /** Change rules compare with an earlier window; a gauge has no history to compare with. */
  relativeChange: boolean;
}

const traceDimensions = ["model", "release", "promptVersion", "user", "session"] as const;
const traceFilters = ["model", "release", "promptVersion"] as const;
const traceMetric = (label: string, kind: AlertMetricKind, unit: MetricTraits["unit"], max: number | null = null): MetricTraits => ({
  label,
  kind,
  min: 0,
  max,
  unit,
  groupBys: traceDimensions,
  filters: traceFilters,
  relativeChange: true,
});

/** The figures of GET /api/v1/metrics, each with its traits. */
export const traceAlertMetrics = {
  requests: traceMetric("Requests", "sum", "count"),
  errors: traceMetric("Errors", "sum", "count"),
  errorRate: traceMetric("Error rate", "rate", "share", 1),
  latencyP50Ms: traceMetric("Latency p50", "percentile", "ms"),
  latencyP95Ms: traceMetric("Latency p95", "percentile", "ms"),
  latencyP99Ms: traceMetric("Latency p99", "percentile", "ms"),
  ttftP50Ms: traceMetric("Time to first token p50", "percentile", "ms"),
  ttftP95Ms: traceMetric("Time to first token p95", "percentile", "ms"),
  costUsd: traceMetric("Cost", "sum", "usd"),
  costPerRequestUsd: traceMetric("Cost per request", "average", "usd"),
  inputTokens: traceMetric("Input tokens", "sum", "tokens"),
  outputTokens: traceMetric("Output tokens", "sum", "tokens"),
  feedbackEvents: traceMetric("Feedback events", "sum", "count"),
  thumbsUp: traceMetric("Thumbs up", "sum", "count"),
  thumbsDown: traceMetric("Thumbs down", "sum", "count"),
  thumbsDownRate: traceMetric("Thumbs-down rate", "rate", "share", 1),
  ratings: traceMetric("Ratings", "sum", "count"),
  averageRating: { ...traceMetric("Average rating", "average", "stars", 5), min: 1 },
  negativeTraces: traceMetric("Traces with negative feedback", "sum", "count"),
  negativeFeedbackRate: traceMetric("Negative-feedback rate", "rate", "share", 1),
} as const satisfies Record<keyof MetricFigures, MetricTraits>;
export type TraceAlertMetric = keyof typeof traceAlertMetrics;

export const driftAlertFigures = ["js_distance", "novel_share", "status"] as const;
export type DriftAlertFigure = (typeof driftAlertFigures)[number];

/** A metric name taken apart: where its values come from and what they are. */
export type AlertMetric = MetricTraits &
  (
    | { source: "traces"; figure: TraceAlertMetric }
    | { source: "scores"; score: string; aggregate: "avg" }
    | { source: "scores"; score: string; aggregate: "share_above"; above: number }
    | { source: "drift"; baseline: string; figure: DriftAlertFigure }
    | { source: "reviewQueue" }
  );

const scoreTraits = (label: string, kind: AlertMetricKind, max: number | null, unit: MetricTraits["unit"]): MetricTraits => ({
  label,
  kind,
  // A score config's own range narrows this when the rule is saved (alertRuleChecks.ts).
  min: unit === "share" ? 0 : -Number.MAX_VALUE,
  max,
  unit,
  groupBys: ["model", "release", "promptVersion"],
  filters: ["model", "release", "promptVersion", "evaluator"],
  relativeChange: true,
});

const driftLabels: Record<DriftAlertFigure, string> = {
  js_distance: "drift distance (JS)",
  novel_share: "share of novel traffic",
  status: "drift status (0 none, 1 warning, 2 drift)",
};

/**
 * The metric a name stands for, or a sentence saying why the name is not one. Score names
 * and baseline names are checked against the project when the rule is saved.
 */
export function parseAlertMetric(name: string): AlertMetric | string {
  if (name in traceAlertMetrics) {
    const figure = name as TraceAlertMetric;
    return { source: "traces", figure, ...traceAlertMetrics[figure] };
  }
  if (name === "reviewQueueSize")
    return {
      source: "reviewQueue",
      label: "Review queue size",
      kind: "gauge",
      min: 0,
      max: null,
      unit: "count",
      groupBys: [],
      filters: [],
      relativeChange: false,
    };
  const score = /^score:([^:]+):(avg|share_above:(.+))$/.exec(name);
  if (score?.[1] !== undefined) {
    const scoreName = score[1];
    if (score[2] === "avg")
      return { source: "scores", score: scoreName, aggregate: "avg", ...scoreTraits(`Average ${scoreName}`, "average", null, "score") };
    const above = Number(score[3]);
    if (score[3] === undefined || score[3].trim() === "" || !Number.isFinite(above))
      return `"${score[3] ?? ""}" after share_above: is not a number`;
    return {
      source: "scores",
      score: scoreName,
      aggregate: "share_above",
      above,
      ...scoreTraits(`Share of ${scoreName} above ${above}`, "rate", 1, "share"),
    };
  }
  const drift = /^drift:([^:]+):(.+)$/.exec(name);
  if (drift?.[1] !== undefined && drift[2] !== undefined) {
    const figure = drift[2] as DriftAlertFigure;
    if (!driftAlertFigures.includes(figure)) return `drift metrics end in ${driftAlertFigures.join(", ")}`;
    return {
      source: "drift",
      baseline: drift[1],
      figure,
      label: `${drift[1]}: ${driftLabels[figure]}`,
      kind: "gauge",
      min: 0,
      max: figure === "status" ? 2 : 1,
      unit: figure === "status" ? "count" : "distance",
      groupBys: [],
      filters: [],
      relativeChange: false,
    };
  }
  return `unknown metric: use one of ${Object.keys(traceAlertMetrics).join(", ")}, reviewQueueSize, score:<name>:avg, score:<name>:share_above:<x>, drift:<baseline>:js_distance, drift:<baseline>:novel_share or drift:<baseline>:status`;
}
