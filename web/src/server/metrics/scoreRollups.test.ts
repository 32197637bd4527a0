import { describe, expect, it } from "vitest";
import { runRollupJobOnce } from "@/server/metrics/rollupJob";
import { refreshRollups } from "@/server/metrics/rollups";
import { scoreBinKey, type ScoreHistogram } from "@/server/metrics/scoreHistogram";
import { getScoreMetrics } from "@/server/metrics/scoreMetricsQuery";
import { ingestScores } from "@/server/scores/ingestScores";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const hour = { from: "2026-03-01T10:00:00Z", to: "2026-03-01T11:00:00Z" };
const later = new Date("2026-03-02T00:00:00Z");

function histogramOf(keys: string[]): ScoreHistogram {
  const histogram: ScoreHistogram = {};
  for (const key of keys) histogram[key] = (histogram[key] ?? 0) + 1;
  return histogram;
}

describe.each(await testDatabaseKinds())("score rollups on %s", (kind) => {
  const test = useTestDatabase(kind);

  async function seed() {
    const { project } = await createProjectWithKeys(test.database);
    const trace = (id: string, startTime: string, model?: string) => ({
      id,
      startTime,
      endTime: startTime,
      ...(model ? { model } : {}),
    });
    await ingestTraces(test.database, project.id, [
      trace("t1", "2026-03-01T10:00:10Z", "model-a"),
      trace("t2", "2026-03-01T10:00:40Z", "model-a"),
      trace("t3", "2026-03-01T10:01:10Z", "model-b"),
      trace("t4", "2026-03-01T10:05:00Z"),
    ]);
    const first = await ingestScores(
      test.database,
      project.id,
      [
        { traceId: "t1", name: "relevance", value: 0.8 },
        { traceId: "t2", name: "relevance", value: 0.2 },
        { traceId: "t3", name: "relevance", value: 0.9 },
        { traceId: "t1", name: "pii_leak", value: true },
        { traceId: "t2", name: "pii_leak", value: false },
        { traceId: "t3", name: "pii_leak", value: false },
        { traceId: "t4", name: "pii_leak", value: true },
      ],
      new Date("2026-03-01T11:00:00Z"),
    );
    expect(first.rejected).toEqual([]);
    // A later score of the same name replaces t1's 0.8 (a judge re-run, a correction).
    await ingestScores(test.database, project.id, [{ traceId: "t1", name: "relevance", value: 0.1 }], new Date("2026-03-01T12:00:00Z"));
    return project.id;
  }

  it("averages each trace's latest score and counts those at or past the config's threshold, over time and by model", async () => {
    const projectId = await seed();
    await refreshRollups(test.database, projectId);
    const relevance = await getScoreMetrics(test.database, projectId, { ...hour, name: "relevance" }, later);
    // Latest scores 0.1, 0.2, 0.9: mean 0.4; relevance is bad at <= 0.2 (0.1 and 0.2).
    expect(relevance.score?.totals.count).toBe(3);
    expect(relevance.score?.totals.average).toBeCloseTo(0.4, 12);
    expect(relevance.score?.totals.atOrWorse).toBe(2);
    expect(relevance.score?.totals.atOrWorseShare).toBeCloseTo(2 / 3, 12);
    expect(relevance.score?.threshold).toBe(0.2);
    expect(relevance.score?.higherIsBetter).toBe(true);
    // One point per minute: 10:00 holds t1 and t2 (mean 0.15), 10:01 holds t3.
    const points = relevance.score?.series[0]?.points ?? [];
    expect(points[0]?.count).toBe(2);
    expect(points[0]?.average).toBeCloseTo(0.15, 12);
    expect(points[1]?.average).toBeCloseTo(0.9, 12);
    expect(points[2]?.average).toBeNull();

    // pii_leak has the most scores, so it is listed first and charted by default: 2 of 4 leaked.
    const byDefault = await getScoreMetrics(test.database, projectId, hour, later);
    expect(byDefault.names).toEqual([
      { name: "pii_leak", dataType: "boolean", count: 4 },
      { name: "relevance", dataType: "numeric", count: 3 },
    ]);
    expect(byDefault.score?.name).toBe("pii_leak");
    expect(byDefault.score?.totals.average).toBe(0.5);
    expect(byDefault.score?.totals.atOrWorseShare).toBe(0.5);

    const byModel = await getScoreMetrics(test.database, projectId, { ...hour, name: "relevance", breakdown: "model" }, later);
    expect(byModel.score?.series.map((s) => [s.key, s.totals.count, s.totals.average, s.totals.atOrWorse])).toEqual([
      ["model-a", 2, expect.closeTo(0.15, 12), 2],
      ["model-b", 1, 0.9, 0],
    ]);

    // Any threshold can be asked: 0.1 is an edge of the histogram, so "<= 0.1" is exact (t1 only).
    const strict = await getScoreMetrics(test.database, projectId, { ...hour, name: "relevance", threshold: 0.1 }, later);
    expect(strict.score?.totals.atOrWorse).toBe(1);
  });

  it("bins values in SQL exactly as scoreBinKey does: edges, bins, the log scale and categories", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const relevance = [0, 0.15, 0.2, 0.23, 0.5, 0.7, 0.999, 1];
    const margin = [-5, 0, 5, 1234.5, 0.001];
    const topics = ["billing", "billing", "login"];
    const count = Math.max(relevance.length, margin.length, topics.length);
    await ingestTraces(
      test.database,
      project.id,
      Array.from({ length: count }, (_, index) => ({
        id: `b${index}`,
        startTime: "2026-03-01T10:00:00Z",
        endTime: "2026-03-01T10:00:01Z",
      })),
    );
    const scores = [
      ...relevance.map((value, index) => ({ traceId: `b${index}`, name: "relevance", value })),
      ...margin.map((value, index) => ({ traceId: `b${index}`, name: "margin", value })),
      ...topics.map((category, index) => ({ traceId: `b${index}`, name: "topic", category })),
    ];
    expect((await ingestScores(test.database, project.id, scores, new Date("2026-03-01T11:00:00Z"))).rejected).toEqual([]);
    await refreshRollups(test.database, project.id);
    const rows = await test.database.scoreRollup.findMany({
      where: { projectId: project.id, granularity: "day", dimension: "all" },
      select: { name: true, count: true, sum: true, histMin: true, histMax: true, hist: true },
      orderBy: { name: "asc" },
    });
    expect(rows.map((row) => row.sum)).toEqual([expect.closeTo(1234.501, 9), expect.closeTo(3.779, 9), 0]);
    expect(rows.map(({ sum: _sum, ...row }) => row)).toEqual([
      {
        name: "margin",
        count: 5,
        histMin: null,
        histMax: null,
        hist: histogramOf(margin.map((value) => scoreBinKey(value, { min: null, max: null }))),
      },
      {
        name: "relevance",
        count: 8,
        histMin: 0,
        histMax: 1,
        hist: histogramOf(relevance.map((value) => scoreBinKey(value, { min: 0, max: 1 }))),
      },
      { name: "topic", count: 3, histMin: null, histMax: null, hist: { "c:billing": 2, "c:login": 1 } },
    ]);
  });

  it("refreshes the buckets of a trace scored after its rollups were built, from the rollup job", async () => {
    const projectId = await seed();
    await refreshRollups(test.database, projectId);
    // An evaluator scores t3 again now, long after the trace: its buckets are stale.
    await ingestScores(test.database, projectId, [{ traceId: "t3", name: "relevance", value: 0.3 }], new Date());
    expect(await runRollupJobOnce(test.database)).toBeGreaterThanOrEqual(1);
    const row = await test.database.scoreRollup.findFirst({
      where: { projectId, granularity: "hour", dimension: "all", name: "relevance" },
      select: { count: true, sum: true },
    });
    // 0.1 + 0.2 + 0.3 (t3's 0.9 replaced).
    expect(row?.count).toBe(3);
    expect(row?.sum).toBeCloseTo(0.6, 12);
  });
});
