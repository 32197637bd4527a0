import { Prisma } from "@/generated/prisma/client";
import type { Queryable } from "@/server/db/client";
import {
  comparisonRanges,
  releaseMetricLabels,
  type ReleaseComparison,
  type ReleaseComparisonQuery,
  type ReleaseMetricComparison,
} from "@/contracts/releases";
import { addTraceRollupRow, emptyTraceAccumulator, type TraceAccumulator, type TraceRollupRow } from "@/server/metrics/metricsQuery";
import { histogramSample, type LogHistogram } from "@/server/metrics/logHistogram";
import { traceRollupColumns } from "@/server/metrics/traceFigureSql";
import { rollupPieces } from "@/server/alerts/values/rollupPieces";
import { inRanges } from "@/server/alerts/values/rollupRowCache";
import { countReleaseUsers } from "@/server/metrics/releaseUserDays";
import { listScoreConfigs } from "@/server/scores/scoreConfigs";
import { proportionStatistics, type ArmStatistics, type Interval } from "@/server/stats/alwaysValidInference";
import { compareReleaseMetrics, type ComparedMetric, type ReleaseMetricInput } from "@/server/stats/compareReleaseMetrics";

const minuteMs = 60_000;

type Arm = "baseline" | "candidate";
interface MetricDisplay {
  label: string;
  unit: ReleaseMetricComparison["unit"];
}

/** n, mean and variance from a count, a sum and a sum of squares (variance 0 below two observations). */
function meanStatistics(n: number, sum: number, sumOfSquares: number): ArmStatistics {
  if (n === 0) return { n: 0, mean: 0, variance: 0 };
  const mean = sum / n;
  // Rounding can leave a constant sample's variance a hair below 0.
  return { n, mean, variance: Math.max(0, sumOfSquares / n - mean * mean) };
}

interface ScoreRow {
  value: string;
  name: string;
  count: number;
  sum: number;
  sumSq: number;
}

/** Every release's rollups over the period, summed per arm: whole hours from hour rows, the edges from minute rows. */
async function readArms(database: Queryable, projectId: string, query: ReleaseComparisonQuery, from: Date, to: Date) {
  const releases = [query.baseline, query.candidate];
  const pieces = rollupPieces(from, to);
  const byGranularity = (granularity: "minute" | "hour") => pieces.filter((piece) => piece.granularity === granularity);
  const where = (granularity: "minute" | "hour") => {
    const ranges = byGranularity(granularity);
    return ranges.length ? Prisma.sql`(granularity = ${granularity}::"RollupGranularity" AND (${inRanges(ranges)}))` : Prisma.sql`false`;
  };
  const inPeriod = Prisma.sql`(${where("minute")} OR ${where("hour")})`;
  const [traceRows, scoreRows] = await Promise.all([
    database.$queryRaw<TraceRollupRow[]>`
      SELECT ${traceRollupColumns({ histograms: true })} FROM metric_rollups
      WHERE project_id = ${projectId}::uuid AND dimension = 'release' AND value = ANY(${releases}::text[]) AND ${inPeriod}`,
    database.$queryRaw<ScoreRow[]>`
      SELECT value, name, sum(count)::int AS count, sum(sum)::float8 AS sum, sum(sum_sq)::float8 AS "sumSq" FROM score_rollups
      WHERE project_id = ${projectId}::uuid AND dimension = 'release' AND value = ANY(${releases}::text[]) AND ${inPeriod}
      GROUP BY value, name`,
  ]);
  const traces: Record<Arm, TraceAccumulator> = { baseline: emptyTraceAccumulator(), candidate: emptyTraceAccumulator() };
  for (const row of traceRows) addTraceRollupRow(traces[row.value === query.baseline ? "baseline" : "candidate"], row);
  return { traces, scoreRows };
}

/** Distinct users per release over the period: the units a rollout assigns, for the sample-ratio check. */
async function usersPerRelease(database: Queryable, projectId: string, query: ReleaseComparisonQuery, from: Date, to: Date) {
  const users = await countReleaseUsers(database, projectId, [query.baseline, query.candidate], from, to);
  return { baseline: users.get(query.baseline) ?? 0, candidate: users.get(query.candidate) ?? 0 };
}

const interval = (value: Interval | null) =>
  value === null
    ? null
    : { lower: Number.isFinite(value.lower) ? value.lower : null, upper: Number.isFinite(value.upper) ? value.upper : null };

/** A compared metric as the API shows it: open interval sides as null (JSON has no infinity). */
function shown(metric: ComparedMetric, display: MetricDisplay): ReleaseMetricComparison {
  const arm = (side: ComparedMetric["baseline"]) => ({ n: side.n, value: side.value, ci: interval(side.ci) });
  const { difference } = metric;
  return {
    key: metric.key,
    ...display,
    direction: metric.direction,
    differenceOf: metric.differenceOf,
    baseline: arm(metric.baseline),
    candidate: arm(metric.candidate),
    difference: difference
      ? {
          estimate: difference.estimate,
          ci: { lower: difference.interval.lower, upper: difference.interval.upper },
          relative: difference.relative
            ? {
                estimate: difference.relative.estimate,
                ci: { lower: difference.relative.interval.lower, upper: difference.relative.interval.upper },
              }
            : null,
        }
      : null,
    pValue: metric.pValue,
    adjustedPValue: metric.adjustedPValue,
    verdict: metric.verdict,
  };
}

/**
 * Baseline against candidate release over one period, metric by metric: error rate, latency
 * p50 and p95, TTFT p95, cost per request, thumbs-down rate, average rating and each numeric
 * score, with always-valid intervals and Holm-adjusted verdicts (server/stats), read from the
 * release rollups. Observations are requests (or rated answers, scored traces); with a
 * configured `candidateShare` the users per release are checked against it first.
 */
export async function compareReleases(
  database: Queryable,
  projectId: string,
  query: ReleaseComparisonQuery,
  now: Date,
): Promise<ReleaseComparison> {
  // Whole minutes, as the rollups are cut: the period's last, partial minute is included.
  const to = new Date(Math.ceil((query.to ? Date.parse(query.to) : now.getTime()) / minuteMs) * minuteMs);
  const from = new Date(
    Math.floor((query.from ? Date.parse(query.from) : to.getTime() - comparisonRanges[query.range]) / minuteMs) * minuteMs,
  );
  const [{ traces, scoreRows }, configs, units] = await Promise.all([
    readArms(database, projectId, query, from, to),
    listScoreConfigs(database, projectId),
    query.candidateShare === undefined ? null : usersPerRelease(database, projectId, query, from, to),
  ]);
  const rules = { minimumSamples: query.minSamples };
  const displays = new Map<string, MetricDisplay>();
  const inputs: ReleaseMetricInput[] = [];
  const mean = (key: string, display: MetricDisplay, direction: ReleaseMetricInput["direction"], arms: Record<Arm, ArmStatistics>) => {
    displays.set(key, display);
    inputs.push({ key, kind: "mean", direction, ...rules, ...arms });
  };
  const quantile = (key: string, display: MetricDisplay, q: number, histogram: (acc: TraceAccumulator) => LogHistogram) => {
    displays.set(key, display);
    inputs.push({
      key,
      kind: "quantile",
      direction: "lower_is_better",
      quantile: q,
      ...rules,
      baseline: histogramSample(histogram(traces.baseline)),
      candidate: histogramSample(histogram(traces.candidate)),
    });
  };
  const perArm = (statistics: (acc: TraceAccumulator) => ArmStatistics) => ({
    baseline: statistics(traces.baseline),
    candidate: statistics(traces.candidate),
  });

  mean(
    "errorRate",
    { label: releaseMetricLabels.errorRate, unit: "percent" },
    "lower_is_better",
    perArm((acc) => proportionStatistics(acc.errors, acc.requests)),
  );
  quantile("latencyP50Ms", { label: releaseMetricLabels.latencyP50Ms, unit: "ms" }, 0.5, (acc) => acc.latency);
  quantile("latencyP95Ms", { label: releaseMetricLabels.latencyP95Ms, unit: "ms" }, 0.95, (acc) => acc.latency);
  quantile("ttftP95Ms", { label: releaseMetricLabels.ttftP95Ms, unit: "ms" }, 0.95, (acc) => acc.ttft);
  mean(
    "costPerRequestUsd",
    { label: releaseMetricLabels.costPerRequestUsd, unit: "usd" },
    "lower_is_better",
    perArm((acc) => meanStatistics(acc.requests, acc.costUsd, acc.costSqUsd)),
  );
  mean(
    "thumbsDownRate",
    { label: releaseMetricLabels.thumbsDownRate, unit: "percent" },
    "lower_is_better",
    perArm((acc) => proportionStatistics(acc.thumbsDown, acc.thumbsUp + acc.thumbsDown)),
  );
  mean(
    "averageRating",
    { label: releaseMetricLabels.averageRating, unit: "rating" },
    "higher_is_better",
    perArm((acc) => meanStatistics(acc.ratingCount, acc.ratingSum, acc.ratingSqSum)),
  );
  for (const config of configs) {
    if (config.dataType === "categorical") continue;
    const arm = (release: string) => {
      const row = scoreRows.find((entry) => entry.name === config.name && entry.value === release);
      return row ? meanStatistics(row.count, row.sum, row.sumSq) : meanStatistics(0, 0, 0);
    };
    // A score nobody has given either release is no metric of this comparison.
    if (!scoreRows.some((row) => row.name === config.name)) continue;
    mean(`score:${config.name}`, { label: config.name, unit: "score" }, config.higherIsBetter ? "higher_is_better" : "lower_is_better", {
      baseline: arm(query.baseline),
      candidate: arm(query.candidate),
    });
  }

  const compared = compareReleaseMetrics({
    ...(units && query.candidateShare !== undefined ? { split: { units, candidateShare: query.candidateShare } } : {}),
    metrics: inputs,
  });
  return {
    baseline: query.baseline,
    candidate: query.candidate,
    from: from.toISOString(),
    to: to.toISOString(),
    metrics: compared.metrics.map((metric) => shown(metric, displays.get(metric.key) ?? { label: metric.key, unit: "score" })),
    srm:
      compared.sampleRatio && units && query.candidateShare !== undefined
        ? { units, candidateShare: query.candidateShare, pValue: compared.sampleRatio.pValue, mismatch: compared.sampleRatio.mismatch }
        : null,
  };
}
