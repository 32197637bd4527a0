import { describe, expect, it } from "vitest";
import { getMetrics, resolveRange } from "@/server/metrics/metricsQuery";
import { refreshRollups } from "@/server/metrics/rollups";
import { relativeAccuracy } from "@/server/metrics/logHistogram";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestOtlpSpans } from "@/server/otel/ingestOtlp";
import { spanStatusError, type OtlpSpan } from "@/server/otel/otlpSpan";
import { metricsQuerySchema } from "@/contracts/metrics";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const now = new Date("2026-11-27T12:00:00Z");

function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** 600 traces over the last 20 hours: two models, two releases, skewed latencies, some errors. */
function generatedTraces() {
  const random = lcg(7);
  return Array.from({ length: 600 }, (_, i) => {
    const start = now.getTime() - 20 * 3_600_000 + Math.floor(random() * 20 * 3_600_000);
    const latency = Math.round(Math.exp(5 + 2 * random()));
    return {
      id: `m-${i}`,
      model: i % 3 === 0 ? "gpt-4o" : "gpt-4o-mini",
      release: i < 300 ? "v1" : "v2",
      status: i % 10 === 0 ? "error" : "ok",
      startTime: new Date(start).toISOString(),
      firstTokenTime: new Date(start + Math.round(latency * 0.3)).toISOString(),
      endTime: new Date(start + latency).toISOString(),
      usage: { inputTokens: 100 + (i % 50), outputTokens: 20 + (i % 7) },
    };
  });
}

describe("resolveRange", () => {
  it("uses minutes up to six hours, hours up to eight days and days beyond, with at most 180 points", () => {
    expect(resolveRange(metricsQuerySchema.parse({ range: "1h" }), now)).toMatchObject({ granularity: "minute", stepMs: 60_000 });
    expect(resolveRange(metricsQuerySchema.parse({ range: "24h" }), now)).toMatchObject({ granularity: "hour", stepMs: 3_600_000 });
    expect(resolveRange(metricsQuerySchema.parse({ range: "7d" }), now)).toMatchObject({ granularity: "hour", stepMs: 3_600_000 });
    expect(resolveRange(metricsQuerySchema.parse({ range: "30d" }), now)).toMatchObject({ granularity: "day", stepMs: 86_400_000 });
    const custom = resolveRange(metricsQuerySchema.parse({ from: "2026-11-27T10:00:30Z", to: "2026-11-27T10:30:10Z" }), now);
    expect([custom.from.toISOString(), custom.to.toISOString()]).toEqual(["2026-11-27T10:00:00.000Z", "2026-11-27T10:31:00.000Z"]);
  });
});

describe.each(await testDatabaseKinds())("metrics on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("agrees with percentile_cont, counts, sums and breakdowns computed over the raw traces", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const traces = generatedTraces();
    for (let i = 0; i < traces.length; i += 200) await ingestTraces(test.database, project.id, traces.slice(i, i + 200));
    await refreshRollups(test.database, project.id);
    const metrics = await getMetrics(test.database, project.id, metricsQuerySchema.parse({ range: "24h", breakdown: "release" }), now);

    const [exact] = await test.database.$queryRaw<
      { p50: number; p95: number; p99: number; t50: number; t95: number; errors: bigint; cost: number; input: bigint }[]
    >`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95,
             percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99, percentile_cont(0.5) WITHIN GROUP (ORDER BY ttft_ms) AS t50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY ttft_ms) AS t95, count(*) FILTER (WHERE status = 'error') AS errors,
             sum(cost_usd) AS cost, sum(input_tokens) AS input
      FROM traces WHERE project_id = ${project.id}::uuid`;
    if (!exact) throw new Error("no result");
    const within = (estimate: number | null, truth: number) => {
      expect(estimate).not.toBeNull();
      expect(Math.abs((estimate ?? 0) - truth)).toBeLessThanOrEqual(relativeAccuracy * (truth + 1) + 1e-9);
    };
    within(metrics.totals.latencyP50Ms, exact.p50);
    within(metrics.totals.latencyP95Ms, exact.p95);
    within(metrics.totals.latencyP99Ms, exact.p99);
    within(metrics.totals.ttftP50Ms, exact.t50);
    within(metrics.totals.ttftP95Ms, exact.t95);
    expect(metrics.totals).toMatchObject({ requests: 600, errors: Number(exact.errors), inputTokens: Number(exact.input) });
    expect(metrics.totals.costUsd).toBeCloseTo(exact.cost, 9);
    expect(metrics.totals.errorRate).toBeCloseTo(0.1, 12);
    expect(metrics.series.map((s) => [s.key, s.totals.requests]).sort()).toEqual([
      ["v1", 300],
      ["v2", 300],
    ]);
    expect(metrics.series[0]?.points).toHaveLength(24);
    expect(metrics.series.flatMap((s) => s.points).reduce((sum, point) => sum + point.requests, 0)).toBe(600);
  });

  it("counts OTLP calls under the model asked for, whether they succeeded (served by a snapshot) or failed", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const call = (traceId: string, attributes: OtlpSpan["attributes"], statusCode: number): OtlpSpan => ({
      traceId,
      spanId: "00000000000000a1",
      parentSpanId: null,
      name: "chat gpt-4o-mini",
      kind: 3,
      startTimeUnixNano: BigInt(Date.parse("2026-11-27T11:30:00Z")) * 1_000_000n,
      endTimeUnixNano: BigInt(Date.parse("2026-11-27T11:30:01Z")) * 1_000_000n,
      attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o-mini", ...attributes },
      events: [],
      status: { code: statusCode, message: statusCode === spanStatusError ? "rate limited" : "" },
      resource: {},
      scope: { name: "openai", version: "1" },
    });
    await ingestOtlpSpans(test.database, project.id, [
      call("0000000000000000000000000000aaa1", { "gen_ai.response.model": "gpt-4o-mini-2024-07-18" }, 1),
      call("0000000000000000000000000000aaa2", { "error.type": "429" }, spanStatusError),
    ]);
    await refreshRollups(test.database, project.id);
    const metrics = await getMetrics(test.database, project.id, metricsQuerySchema.parse({ range: "1h", breakdown: "model" }), now);
    expect(metrics.series.map((series) => [series.key, series.totals.requests, series.totals.errorRate])).toEqual([
      ["gpt-4o-mini", 2, 0.5],
    ]);
  });

  it("a read writes nothing: new traces count once the rollup refresh has run, re-sent ones without double counting", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const trace = { id: "r-1", startTime: "2026-11-27T11:30:00Z", endTime: "2026-11-27T11:30:01Z" };
    await ingestTraces(test.database, project.id, [trace]);
    const query = metricsQuerySchema.parse({ range: "1h" });
    expect((await getMetrics(test.database, project.id, query, now)).totals).toMatchObject({ requests: 0 });
    expect(await test.database.rollupState.count({ where: { projectId: project.id } })).toBe(0);
    await refreshRollups(test.database, project.id);
    expect((await getMetrics(test.database, project.id, query, now)).totals).toMatchObject({ requests: 1, errors: 0 });
    await ingestTraces(test.database, project.id, [
      { ...trace, status: "error" },
      { id: "r-2", startTime: "2026-11-27T11:45:00Z" },
    ]);
    await refreshRollups(test.database, project.id);
    expect((await getMetrics(test.database, project.id, query, now)).totals).toMatchObject({ requests: 2, errors: 1 });
  });

  it("counts a re-sent trace moved to another time only where it is now", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const trace = { id: "moving", startTime: "2026-11-27T11:30:00Z", endTime: "2026-11-27T11:30:01Z" };
    await ingestTraces(test.database, project.id, [trace]);
    await refreshRollups(test.database, project.id);
    const lastHour = metricsQuerySchema.parse({ range: "1h" });
    const lastDay = metricsQuerySchema.parse({ range: "24h" });
    expect((await getMetrics(test.database, project.id, lastHour, now)).totals).toMatchObject({ requests: 1 });

    // The application re-sends it with its real start, three hours earlier.
    await ingestTraces(test.database, project.id, [{ ...trace, startTime: "2026-11-27T08:30:00Z", endTime: "2026-11-27T08:30:01Z" }]);
    await refreshRollups(test.database, project.id);
    expect((await getMetrics(test.database, project.id, lastHour, now)).totals).toMatchObject({ requests: 0 });
    expect((await getMetrics(test.database, project.id, lastDay, now)).totals).toMatchObject({ requests: 1 });
    // And again, a week back: the day rollups move it too.
    await ingestTraces(test.database, project.id, [{ ...trace, startTime: "2026-11-20T08:30:00Z", endTime: "2026-11-20T08:30:01Z" }]);
    await refreshRollups(test.database, project.id);
    expect((await getMetrics(test.database, project.id, lastDay, now)).totals).toMatchObject({ requests: 0 });
    const lastMonth = metricsQuerySchema.parse({ range: "30d" });
    expect((await getMetrics(test.database, project.id, lastMonth, now)).totals).toMatchObject({ requests: 1 });

    // The moves are kept until a pass whose watermark is past it, then dropped.
    expect(await test.database.traceMove.count({ where: { projectId: project.id } })).toBe(2);
    const later = new Date(Date.now() + 60_000);
    await test.database.rollupState.update({ where: { projectId: project.id }, data: { refreshedUntil: later } });
    await refreshRollups(test.database, project.id);
    expect(await test.database.traceMove.count({ where: { projectId: project.id } })).toBe(0);
  });
});
