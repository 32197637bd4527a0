// Window values checked against sums worked out here from the seeded rows, not by the reader.
import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createBareDriftBaseline, createProjectWithKeys } from "@/test/factories";
import { parseAlertMetric, type AlertGroupBy, type AlertMetric } from "@/contracts/alertMetrics";
import type { AlertFilter } from "@/contracts/alerts";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestScores } from "@/server/scores/ingestScores";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { relativeAccuracy } from "@/server/metrics/logHistogram";
import { refreshRollups } from "@/server/metrics/rollups";
import { alertValueReader } from "@/server/alerts/values/alertValueReader";
import type { Database } from "@/server/db/client";
import type { WindowValue } from "@/server/alerts/alertObservation";

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

/** percentile_cont over a list, worked out here: interpolated between the order statistics around q(n - 1). */
function percentileCont(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const lower = sorted[Math.floor(rank)] ?? Number.NaN;
  const upper = sorted[Math.ceil(rank)] ?? Number.NaN;
  return lower + (upper - lower) * (rank - Math.floor(rank));
}

/**
 * 120 traces, one a minute: latency 120 + (37 i mod 900) ms, model by i mod 3, user by i mod 4,
 * session by i mod 5, an error every seventh; even ones get a thumb (down when i mod 5 is 0,
 * sent up first and then down, so only the latest counts).
 */
const figured = Array.from({ length: 120 }, (_, i) => ({
  id: `f${i}`,
  minute: i,
  latency: 120 + ((37 * i) % 900),
  model: `m${i % 3}`,
  userId: `u${i % 4}`,
  sessionId: `s${i % 5}`,
  error: i % 7 === 0,
  thumb: i % 2 ? null : i % 5 === 0 ? -1 : 1,
}));

async function seedFigured(database: Database, projectId: string) {
  const traces = figured.map((trace) => ({
    id: trace.id,
    startTime: at(trace.minute).toISOString(),
    endTime: new Date(at(trace.minute).getTime() + trace.latency).toISOString(),
    model: trace.model,
    userId: trace.userId,
    sessionId: trace.sessionId,
    ...(trace.error ? { status: "error" } : {}),
  }));
  expect((await ingestTraces(database, projectId, traces)).rejected).toEqual([]);
  const feedback = figured.flatMap((trace) =>
    trace.thumb === null
      ? []
      : [
          { id: `${trace.id}-a`, traceId: trace.id, type: "thumb", value: 1, timestamp: at(trace.minute + 1).toISOString() },
          { id: `${trace.id}-b`, traceId: trace.id, type: "thumb", value: trace.thumb, timestamp: at(trace.minute + 2).toISOString() },
        ],
  );
  expect((await ingestFeedback(database, projectId, feedback, at(200))).rejected).toEqual([]);
  await refreshRollups(database, projectId);
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
    const baseline = await createBareDriftBaseline(test.database, project.id, "golden");
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

  it("reads percentiles within the histogram's accuracy and feedback rates, alike from rollups and from the traces", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await seedFigured(test.database, project.id);
    const reader = alertValueReader(test.database, project.id, at(300));
    const read = (name: string, groupBy: AlertGroupBy | null, filter: AlertFilter = {}) =>
      reader.read({ metric: metric(name), filter, groupBy, from: at(10), to: at(100) });
    const inWindow = figured.filter((trace) => trace.minute >= 10 && trace.minute < 100);
    const within = (estimate: number | null | undefined, truth: number) => {
      expect(estimate).toBeTypeOf("number");
      expect(Math.abs((estimate ?? 0) - truth)).toBeLessThanOrEqual(relativeAccuracy * (truth + 1) + 1e-9);
    };
    const thumbs = (traces: typeof figured) => {
      const down = traces.filter((trace) => trace.thumb === -1).length;
      const rated = traces.filter((trace) => trace.thumb !== null).length;
      return { value: rated ? down / rated : null, samples: rated };
    };
    const sameRate = (actual: WindowValue | undefined, traces: typeof figured) => {
      const expected = thumbs(traces);
      expect(actual?.samples).toBe(expected.samples);
      if (expected.value === null) expect(actual?.value).toBeNull();
      else expect(actual?.value).toBeCloseTo(expected.value, 12);
    };

    // Unsplit and by model: rollups; by user and by session: the traces.
    const p95 = await read("latencyP95Ms", null);
    within(
      p95.get("")?.value,
      percentileCont(
        inWindow.map((trace) => trace.latency),
        0.95,
      ),
    );
    expect(p95.get("")?.samples).toBe(inWindow.length);
    for (const [groupBy, key] of [
      ["model", "model"],
      ["user", "userId"],
      ["session", "sessionId"],
    ] as const) {
      const p95s = await read("latencyP95Ms", groupBy);
      const rates = await read("thumbsDownRate", groupBy);
      const errors = await read("errorRate", groupBy);
      const groups = [...new Set(inWindow.map((trace) => trace[key]))];
      expect([...p95s.keys()].sort()).toEqual(groups.sort());
      for (const group of groups) {
        const traces = inWindow.filter((trace) => trace[key] === group);
        within(
          p95s.get(group)?.value,
          percentileCont(
            traces.map((trace) => trace.latency),
            0.95,
          ),
        );
        sameRate(rates.get(group), traces);
        expect(errors.get(group)).toEqual({ value: traces.filter((trace) => trace.error).length / traces.length, samples: traces.length });
      }
    }
    // A filter on model crossed with a split by user: only the traces can say (odd users never rated).
    const crossed = await read("thumbsDownRate", "user", { model: "m1" });
    for (const user of ["u0", "u1", "u2", "u3"])
      sameRate(
        crossed.get(user),
        inWindow.filter((trace) => trace.model === "m1" && trace.userId === user),
      );
    // The same dimension filtered and split: one group, from the model rollups.
    const same = await read("requests", "model", { model: "m2" });
    expect([...same]).toEqual([["m2", { value: inWindow.filter((trace) => trace.model === "m2").length, samples: 30 }]]);
  });

  it("reads many windows at once as it reads each alone, on every path", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await seedFigured(test.database, project.id);
    // Windows of 7 to 50 minutes every 9 minutes, overlapping, with an empty one past the traces.
    const windows = [
      ...Array.from({ length: 14 }, (_, k) => ({ from: at(k * 9), to: at(k * 9 + 7 + ((k * 11) % 44)) })),
      {
        from: at(150),
        to: at(160),
      },
    ];
    const requests: { name: string; groupBy: AlertGroupBy | null; filter?: AlertFilter }[] = [
      { name: "latencyP50Ms", groupBy: null },
      { name: "costUsd", groupBy: "model" },
      { name: "thumbsDownRate", groupBy: "user" },
      { name: "errors", groupBy: "session", filter: { model: "m0" } },
    ];
    for (const request of requests) {
      const all = await alertValueReader(test.database, project.id, at(300)).readWindows(
        { metric: metric(request.name), filter: request.filter ?? {}, groupBy: request.groupBy },
        windows,
      );
      for (const [index, window] of windows.entries()) {
        const alone = await alertValueReader(test.database, project.id, at(300)).read({
          metric: metric(request.name),
          filter: request.filter ?? {},
          groupBy: request.groupBy,
          ...window,
        });
        expect(all.at(index)).toEqual(alone);
      }
    }
  });

  it("reads an evaluator's scores alone when filtered by it", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await seed(test.database, project.id);
    const judge = await test.database.evaluator.create({ data: { projectId: project.id, kind: "llm_judge", name: "judge" } });
    // The judge scored the first 30 traces: 0.9 for every third, else 0.1 (the API's scores stay as seeded).
    const judged = seeded.slice(0, 30).map((trace, index) => ({ ...trace, score: index % 3 === 0 ? 0.9 : 0.1 }));
    await test.database.score.createMany({
      data: judged.map((trace) => ({
        projectId: project.id,
        id: `judge:${trace.id}`,
        traceId: trace.id,
        name: "hallucination",
        dataType: "numeric" as const,
        value: trace.score,
        source: "evaluator" as const,
        evaluatorId: judge.id,
        evaluatorName: judge.name,
        evaluatorVersion: 1,
        createdAt: at(1900),
      })),
    });
    const reader = alertValueReader(test.database, project.id, at(2000));
    const window = { from: at(0), to: at(200) };
    const inWindow = judged.filter((trace) => trace.minute < 200);
    const avg = await reader.read({ metric: metric("score:hallucination:avg"), filter: { evaluator: "judge" }, groupBy: null, ...window });
    expect(avg.get("")?.value).toBeCloseTo(inWindow.reduce((sum, trace) => sum + trace.score, 0) / inWindow.length, 12);
    expect(avg.get("")?.samples).toBe(inWindow.length);
    const byModel = await reader.read({
      metric: metric("score:hallucination:share_above:0.5"),
      filter: { evaluator: "judge" },
      groupBy: "model",
      ...window,
    });
    for (const model of ["gpt-4o", "gpt-4o-mini"]) {
      const mine = inWindow.filter((trace) => trace.model === model);
      expect(byModel.get(model)).toEqual({ value: mine.filter((trace) => trace.score >= 0.5).length / mine.length, samples: mine.length });
    }
  });

  it("sizes the review queue as it stood at each time: made before, not yet closed by its last annotation", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    await ingestTraces(
      test.database,
      project.id,
      ["q1", "q2", "q3", "q4"].map((id) => ({ id, startTime: at(0).toISOString() })),
    );
    // q1 made at 10, still open; q2 made at 20, done at 50 (two annotations: the later closes it);
    // q3 made at 30, dismissed at 40; q4 made at 60, being reviewed.
    const item = (traceId: string, made: number, status: "open" | "done" | "dismissed" | "in_review", changed: number) =>
      test.database.reviewItem.create({
        data: { projectId: project.id, traceId, priority: 1, status, createdAt: at(made), updatedAt: at(changed) },
      });
    await item("q1", 10, "open", 10);
    const q2 = await item("q2", 20, "done", 50);
    const q3 = await item("q3", 30, "dismissed", 40);
    await item("q4", 60, "in_review", 60);
    const annotator = await addMemberWithRole(test.database, project.id, "annotator");
    await test.database.annotation.createMany({
      data: [
        { projectId: project.id, itemId: q2.id, annotatorId: owner.id, severity: "low", decision: "good_example", createdAt: at(45) },
        { projectId: project.id, itemId: q2.id, annotatorId: annotator.id, severity: "low", decision: "good_example", createdAt: at(50) },
        { projectId: project.id, itemId: q3.id, annotatorId: owner.id, severity: "low", decision: "dismiss", createdAt: at(40) },
      ],
    });
    const sizes = await alertValueReader(test.database, project.id, at(100)).readWindows(
      { metric: metric("reviewQueueSize"), filter: {}, groupBy: null },
      [5, 15, 25, 35, 45, 55, 65].map((minute) => ({ from: at(minute - 1), to: at(minute) })),
    );
    expect([0, 1, 2, 3, 4, 5, 6].map((index) => sizes.at(index).get("")?.value)).toEqual([0, 1, 2, 3, 2, 1, 2]);
  });
});
