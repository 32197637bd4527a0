// The comparison's figures checked against sums worked out here from the seeded rows.
import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { callWithKey, testApiRoute } from "@/test/testApiRoute";
import type { Database } from "@/server/db/client";
import { releaseComparisonQuerySchema, type ReleaseComparison } from "@/contracts/releases";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { ingestScores } from "@/server/scores/ingestScores";
import { saveScoreConfig } from "@/server/scores/scoreConfigs";
import { scoreConfigInputSchema } from "@/contracts/scores";
import { refreshRollups } from "@/server/metrics/rollups";
import { relativeAccuracy } from "@/server/metrics/logHistogram";
import { compareReleases } from "@/server/releases/compareReleases";
import { releaseCompareRoute } from "@/server/releases/releaseRoutes";

const t0 = Date.UTC(2026, 10, 27, 0, 0);
const minute = 60_000;
const at = (minutes: number) => new Date(t0 + minutes * minute);
const now = at(24 * 60);

interface Seeded {
  id: string;
  release: string;
  minute: number;
  latency: number;
  costUsd: number;
  error: boolean;
  thumb: 1 | -1;
  rating: number | null;
  helpfulness: number;
  userId: string;
}

/**
 * v1 (the baseline): 1 200 requests over 10 hours from 100 users, 5 % errors. v2: 300 requests
 * from 25 users, 25 % errors. Both: the same latencies, costs, thumbs (10 % down) and ratings;
 * helpfulness 0.8 on v1 and 0.5 on v2.
 */
function release(name: string, count: number, errorEvery: number, users: number, helpfulness: (i: number) => number): Seeded[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${name}-${i}`,
    release: name,
    minute: Math.floor((i * 600) / count),
    latency: 200 + ((i * 37) % 800),
    costUsd: 0.01 + 0.001 * (i % 5),
    error: i % errorEvery === 0,
    thumb: i % 10 === 0 ? -1 : 1,
    rating: i % 3 === 0 ? 1 + (i % 5) : null,
    helpfulness: helpfulness(i),
    userId: `${name}-user-${i % users}`,
  }));
}
const baseline = release("v1", 1200, 20, 100, (i) => (i % 2 ? 0.7 : 0.9));
const candidate = release("v2", 300, 4, 25, (i) => (i % 2 ? 0.4 : 0.6));
const seeded = [...baseline, ...candidate];

async function seed(database: Database, projectId: string) {
  await saveScoreConfig(
    database,
    projectId,
    "helpfulness",
    scoreConfigInputSchema.parse({ dataType: "numeric", minValue: 0, maxValue: 1, higherIsBetter: true }),
  );
  for (let i = 0; i < seeded.length; i += 500) {
    const traces = seeded.slice(i, i + 500).map((trace) => ({
      id: trace.id,
      startTime: at(trace.minute).toISOString(),
      endTime: new Date(at(trace.minute).getTime() + trace.latency).toISOString(),
      costUsd: trace.costUsd,
      release: trace.release,
      userId: trace.userId,
      ...(trace.error ? { status: "error" } : {}),
    }));
    expect((await ingestTraces(database, projectId, traces)).rejected).toEqual([]);
  }
  const feedback = seeded.flatMap((trace) => [
    { id: `${trace.id}-thumb`, traceId: trace.id, type: "thumb", value: trace.thumb, timestamp: at(trace.minute + 1).toISOString() },
    ...(trace.rating === null
      ? []
      : [
          {
            id: `${trace.id}-stars`,
            traceId: trace.id,
            type: "rating",
            value: trace.rating,
            scale: 5,
            timestamp: at(trace.minute + 1).toISOString(),
          },
        ]),
  ]);
  for (let i = 0; i < feedback.length; i += 1000)
    expect((await ingestFeedback(database, projectId, feedback.slice(i, i + 1000), now)).rejected).toEqual([]);
  const scores = seeded.map((trace) => ({ traceId: trace.id, name: "helpfulness", value: trace.helpfulness }));
  for (let i = 0; i < scores.length; i += 1000)
    expect((await ingestScores(database, projectId, scores.slice(i, i + 1000), now)).rejected).toEqual([]);
  await refreshRollups(database, projectId);
}

/** Mean and population variance worked out here. */
function moments(values: number[]) {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { n: values.length, mean, variance: values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length };
}

const metricOf = (comparison: ReleaseComparison, key: string) => {
  const found = comparison.metrics.find((metric) => metric.key === key);
  if (!found) throw new Error(`no ${key} in ${comparison.metrics.map((metric) => metric.key).join(", ")}`);
  return found;
};
const query = (fields: Record<string, string>) => releaseComparisonQuerySchema.parse(fields);

describe.each(await testDatabaseKinds())("release comparison on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("reads each release's figures from the rollups and calls the candidate's tripled error rate worse, the rest no different", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await seed(test.database, project.id);
    const comparison = await compareReleases(test.database, project.id, query({ baseline: "v1", candidate: "v2" }), now);
    // The last 7 days by default.
    expect(comparison.from).toBe(at(24 * 60 - 7 * 24 * 60).toISOString());
    expect(comparison.to).toBe(now.toISOString());
    expect(comparison.srm).toBeNull();

    const errors = metricOf(comparison, "errorRate");
    expect(errors.baseline).toMatchObject({ n: 1200, value: 60 / 1200 });
    expect(errors.candidate).toMatchObject({ n: 300, value: 75 / 300 });
    expect(errors.difference?.estimate).toBeCloseTo(0.2, 12);
    expect(errors.verdict).toBe("worse");

    const cost = metricOf(comparison, "costPerRequestUsd");
    const costs = moments(baseline.map((trace) => trace.costUsd));
    expect(cost.baseline.value).toBeCloseTo(costs.mean, 12);
    expect(cost.verdict).toBe("no_difference");
    // The rollups' sums of squares give the variance: the interval is mean ± a multiple of sqrt(variance / n).
    const halfWidth = ((cost.baseline.ci?.upper ?? 0) - (cost.baseline.ci?.lower ?? 0)) / 2;
    const ratingBaseline = moments(baseline.flatMap((trace) => (trace.rating === null ? [] : [trace.rating])));
    const rating = metricOf(comparison, "averageRating");
    expect(rating.baseline.n).toBe(ratingBaseline.n);
    expect(rating.baseline.value).toBeCloseTo(ratingBaseline.mean, 12);
    const ratingHalfWidth = ((rating.baseline.ci?.upper ?? 0) - (rating.baseline.ci?.lower ?? 0)) / 2;
    // Same multiple (same n differs, so compare each against its own standard error).
    const multiple = (width: number, variance: number, n: number) => width / Math.sqrt(variance / n);
    expect(multiple(halfWidth, costs.variance, costs.n)).toBeGreaterThan(2);
    expect(multiple(ratingHalfWidth, ratingBaseline.variance, ratingBaseline.n)).toBeGreaterThan(2);

    const thumbs = metricOf(comparison, "thumbsDownRate");
    expect(thumbs.baseline).toMatchObject({ n: 1200, value: 0.1 });
    expect(thumbs.verdict).toBe("no_difference");

    const p95 = metricOf(comparison, "latencyP95Ms");
    expect(p95.differenceOf).toBe("share_above_baseline_quantile");
    const latencies = baseline.map((trace) => trace.latency).sort((a, b) => a - b);
    const exact = latencies[Math.ceil(0.95 * latencies.length) - 1] ?? Number.NaN;
    expect(Math.abs((p95.baseline.value ?? 0) - exact)).toBeLessThanOrEqual(relativeAccuracy * (exact + 1));
    expect(p95.verdict).toBe("no_difference");

    const helpfulness = metricOf(comparison, "score:helpfulness");
    expect(helpfulness.baseline).toMatchObject({ n: 1200 });
    expect(helpfulness.baseline.value).toBeCloseTo(0.8, 12);
    expect(helpfulness.candidate.value).toBeCloseTo(0.5, 12);
    expect(helpfulness.verdict).toBe("worse");
    // Holm across every metric of the comparison: each adjusted p-value is at least its own.
    for (const metric of comparison.metrics) expect(metric.adjustedPValue).toBeGreaterThanOrEqual(metric.pValue);
  });

  it("says not enough data below the minimum sample, and withholds verdicts when users do not fit the configured split", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await seed(test.database, project.id);
    const small = await compareReleases(test.database, project.id, query({ baseline: "v1", candidate: "v2", minSamples: "500" }), now);
    expect(new Set(small.metrics.map((metric) => metric.verdict))).toEqual(new Set(["not_enough_data"]));

    // 100 and 25 users: a 20 % split fits, an even one does not.
    const fits = await compareReleases(test.database, project.id, query({ baseline: "v1", candidate: "v2", candidateShare: "0.2" }), now);
    expect(fits.srm).toMatchObject({ units: { baseline: 100, candidate: 25 }, candidateShare: 0.2, mismatch: false });
    expect(metricOf(fits, "errorRate").verdict).toBe("worse");
    const even = await compareReleases(test.database, project.id, query({ baseline: "v1", candidate: "v2", candidateShare: "0.5" }), now);
    expect(even.srm?.mismatch).toBe(true);
    expect(new Set(even.metrics.map((metric) => metric.verdict))).toEqual(new Set(["sample_ratio_mismatch"]));

    // The first two hours only: 240 and 60 requests.
    const early = await compareReleases(
      test.database,
      project.id,
      query({ baseline: "v1", candidate: "v2", from: at(0).toISOString(), to: at(120).toISOString() }),
      now,
    );
    expect(metricOf(early, "errorRate").baseline.n).toBe(240);
    expect(metricOf(early, "errorRate").candidate.n).toBe(60);
  });

  it("the endpoint refuses a candidate equal to the baseline, naming the field, and a release nobody sent has no data", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    await seed(test.database, project.id);
    const compare = testApiRoute(test.database, now)(releaseCompareRoute);
    const same = await callWithKey(compare, secretKey.key, { method: "GET", path: "/api/v1/releases/compare?baseline=v1&candidate=v1" });
    expect(same.status).toBe(400);
    expect(((await same.json()) as { errors: { path: string[] }[] }).errors.map((issue) => issue.path.join("."))).toEqual(["candidate"]);
    const unknown = await callWithKey(compare, secretKey.key, { method: "GET", path: "/api/v1/releases/compare?baseline=v1&candidate=v9" });
    expect(unknown.status).toBe(200);
    const body = (await unknown.json()) as ReleaseComparison;
    expect(metricOf(body, "errorRate")).toMatchObject({ candidate: { n: 0, value: null, ci: null }, verdict: "not_enough_data" });
  });
});
