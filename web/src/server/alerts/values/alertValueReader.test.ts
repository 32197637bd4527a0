// Window values checked against sums worked out here from the seeded rows, not by the reader.
import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { parseAlertMetric, type AlertGroupBy, type AlertMetric } from "@/contracts/alertMetrics";
import type { AlertFilter } from "@/contracts/alerts";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestScores } from "@/server/scores/ingestScores";
import { refreshRollups } from "@/server/metrics/rollups";
import { alertValueReader } from "@/server/alerts/values/alertValueReader";
import type { Database } from "@/server/db/client";

const t0 = Date.UTC(2026, 10, 27, 0, 0);
const minute = 60_000;
const at = (minutes: number) => new Date(t0 + minutes * minute);

const metric = (name: string): AlertMetric => {
  const parsed = parseAlertMetric(name);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
};

/** One trace every 10 minutes for 30 hours: cost 0.01 + 0.001 x (its index mod 7), model by index mod 2, user by mod 3, release by mod 5. */
const seeded = Array.from({ length: 180 }, (_, index) => ({
  id: `t${index}`,
  minute: index * 10 + 3,
  costUsd: 0.01 + 0.001 * (index % 7),
  model: index % 2 ? "gpt-4o" : "gpt-4o-mini",
  userId: `user-${index % 3}`,
  release: `v${index % 5}`,
}));

async function seed(database: Database, projectId: string) {
  const traces = seeded.map((trace) => ({
    id: trace.id,
    startTime: at(trace.minute).toISOString(),
    endTime: new Date(at(trace.minute).getTime() + 1000).toISOString(),
    costUsd: trace.costUsd,
    model: trace.model,
    userId: trace.userId,
    release: trace.release,
  }));
  expect((await ingestTraces(database, projectId, traces)).rejected).toEqual([]);
  const scores = seeded.map((trace, index) => ({ traceId: trace.id, name: "hallucination", value: (index % 10) / 10 }));
  expect((await ingestScores(database, projectId, scores, at(2000))).rejected).toEqual([]);
  await refreshRollups(database, projectId);
}

/** What the window [from, to) minutes should sum to, from the seed list. */
function expected(from: number, to: number, keep: (trace: (typeof seeded)[number]) => boolean = () => true) {
  const inside = seeded.filter((trace) => trace.minute >= from && trace.minute < to && keep(trace));
  return { requests: inside.length, cost: inside.reduce((sum, trace) => sum + trace.costUsd, 0) };
}

describe.each(await testDatabaseKinds())("alert window values on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("reads trace figures over any whole-minute window, long ones from hour rollups plus minute edges, exactly", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await seed(test.database, project.id);
    const reader = alertValueReader(test.database, project.id, at(2000));
    const read = async (name: string, from: number, to: number, filter: AlertFilter = {}, groupBy: AlertGroupBy | null = null) =>
      reader.read({ metric: metric(name), filter, groupBy, from: at(from), to: at(to) });

    // The trace at minute 13 is inside [13, 14) and outside [4, 13).
    expect((await read("requests", 13, 14)).get("")?.value).toBe(1);
    expect((await read("requests", 4, 13)).get("")?.value).toBe(0);
    for (const [from, to] of [
      [7, 67],
      [95, 1595],
      [0, 1800],
      [61, 1441],
    ] as const) {
      const values = await read("costUsd", from, to);
      expect(values.get("")?.value).toBeCloseTo(expected(from, to).cost, 9);
      expect((await read("requests", from, to)).get("")?.value).toBe(expected(from, to).requests);
    }
    // An empty window: a sum is 0, a rate has nothing to say.
    expect((await read("requests", 1900, 1960)).get("")).toEqual({ value: 0, samples: 0 });
    expect((await read("errorRate", 1900, 1960)).get("")?.value).toBeNull();
  });

  it("splits by model from rollups, by user from the traces, and crosses a filter with another split", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await seed(test.database, project.id);
    const reader = alertValueReader(test.database, project.id, at(2000));
    const byModel = await reader.read({ metric: metric("costUsd"), filter: {}, groupBy: "model", from: at(95), to: at(1595) });
    expect([...byModel.keys()].sort()).toEqual(["gpt-4o", "gpt-4o-mini"]);
    expect(byModel.get("gpt-4o")?.value).toBeCloseTo(expected(95, 1595, (trace) => trace.model === "gpt-4o").cost, 9);
    const byUser = await reader.read({ metric: metric("costUsd"), filter: {}, groupBy: "user", from: at(95), to: at(1595) });
    for (const user of ["user-0", "user-1", "user-2"])
      expect(byUser.get(user)?.value).toBeCloseTo(expected(95, 1595, (trace) => trace.userId === user).cost, 9);
    const crossed = await reader.read({
      metric: metric("requests"),
      filter: { model: "gpt-4o" },
      groupBy: "release",
      from: at(0),
      to: at(1800),
    });
    for (const release of ["v0", "v1", "v2", "v3", "v4"])
      expect(crossed.get(release)?.value).toBe(
        expected(0, 1800, (trace) => trace.model === "gpt-4o" && trace.release === release).requests,
      );
  });

  it("reads a score's average and share at or above x, from rollups and, filtered by evaluator, from the scores", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await seed(test.database, project.id);
    const reader = alertValueReader(test.database, project.id, at(2000));
    const inWindow = seeded
      .map((trace, index) => ({ ...trace, score: (index % 10) / 10 }))
      .filter((trace) => trace.minute >= 0 && trace.minute < 600);
    const average = inWindow.reduce((sum, trace) => sum + trace.score, 0) / inWindow.length;
    const shareAbove = inWindow.filter((trace) => trace.score >= 0.7).length / inWindow.length;
    const avg = await reader.read({ metric: metric("score:hallucination:avg"), filter: {}, groupBy: null, from: at(0), to: at(600) });
    expect(avg.get("")?.value).toBeCloseTo(average, 9);
    expect(avg.get("")?.samples).toBe(inWindow.length);
    const share = await reader.read({
      metric: metric("score:hallucination:share_above:0.7"),
      filter: {},
      groupBy: null,
      from: at(0),
      to: at(600),
    });
    expect(share.get("")?.value).toBeCloseTo(shareAbove, 9);
    // These scores came from the API, not an evaluator: filtered by one, there are none.
    const byEvaluator = await reader.read({
      metric: metric("score:hallucination:avg"),
      filter: { evaluator: "faithfulness" },
      groupBy: null,
      from: at(0),
      to: at(600),
    });
    expect(byEvaluator.get("")).toEqual({ value: null, samples: 0 });
  });

  it("reads the latest finished drift run ending in the window, and the review queue as it stands", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const baseline = await test.database.driftBaseline.create({
      data: {
        projectId: project.id,
        name: "golden",
        source: "dataset",
        field: "input",
        embedder: "lexstyle-v1",
        dimensions: 4,
        pointCount: 200,
        model: {},
        thresholds: {},
      },
    });
    const run = (hour: number, verdict: "drift" | "not_enough_data", jsDistance: number | null) =>
      test.database.driftRun.create({
        data: {
          projectId: project.id,
          baselineId: baseline.id,
          window: "hour",
          fromTime: at(hour * 60),
          toTime: at(hour * 60 + 60),
          status: "done",
          verdict,
          jsDistance,
          novelShare: 0.3,
          liveCount: 500,
        },
      });
    await run(1, "drift", 0.2);
    await run(2, "drift", 0.4);
    await run(3, "not_enough_data", null);
    const reader = alertValueReader(test.database, project.id, at(400));
    const read = (name: string, from: number, to: number) =>
      reader.read({ metric: metric(name), filter: {}, groupBy: null, from: at(from), to: at(to) });
    expect((await read("drift:golden:js_distance", 60, 180)).get("")?.value).toBe(0.4);
    expect((await read("drift:golden:status", 60, 180)).get("")?.value).toBe(2);
    expect((await read("drift:golden:js_distance", 200, 240)).get("")?.value).toBeNull();
    expect((await read("drift:golden:js_distance", 300, 400)).get("")?.value).toBeNull();

    await ingestTraces(test.database, project.id, [
      { id: "q1", startTime: at(10).toISOString() },
      { id: "q2", startTime: at(11).toISOString() },
    ]);
    await test.database.reviewItem.createMany({
      data: [
        { projectId: project.id, traceId: "q1", priority: 1, status: "open" },
        { projectId: project.id, traceId: "q2", priority: 1, status: "done" },
      ],
    });
    expect((await read("reviewQueueSize", 0, 60 * 24 * 400)).get("")?.value).toBe(1);
  });
});
