import { describe, expect, it } from "vitest";
import type { RouteHandler } from "@/server/api/route";
import { callWithKey, testApiRoute } from "@/test/testApiRoute";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import type { Database } from "@/server/db/client";
import type { DriftBaselineView, DriftRunView } from "@/contracts/drift";
import { addDatasetItems, publishDatasetVersion } from "@/server/datasets/datasets";
import { ingestTraces } from "@/server/traces/ingestTraces";
import {
  driftBaselineCreateRoute,
  driftRunCreateRoute,
  driftRunDatasetRoute,
  driftRunGetRoute,
  driftRunListRoute,
  driftRunMapRoute,
  driftRunReviewRoute,
} from "@/server/drift/driftRoutes";
import { runDriftWindow } from "@/server/drift/runDriftWindow";
import { createDriftBaseline } from "@/server/drift/driftBaselines";
import { getDriftRun, requestDriftRun } from "@/server/drift/driftRuns";
import { scheduleDriftRuns } from "@/server/drift/scheduleDriftRuns";
import questions from "@/server/drift/method/realTextQuestions.json";

const now = new Date("2026-11-27T12:30:00.000Z");
const hour = { from: "2026-11-27T10:00:00.000Z", to: "2026-11-27T11:00:00.000Z" };

interface Problem {
  detail: string;
  errors?: { path: (string | number)[]; message: string }[];
}

function routes(database: Database) {
  const apiRoute = testApiRoute(database, now);
  return {
    baseline: apiRoute(driftBaselineCreateRoute),
    run: apiRoute(driftRunCreateRoute),
    get: apiRoute(driftRunGetRoute),
    list: apiRoute(driftRunListRoute),
    map: apiRoute(driftRunMapRoute),
    review: apiRoute(driftRunReviewRoute),
    dataset: apiRoute(driftRunDatasetRoute),
  };
}

const call = (
  handler: RouteHandler,
  key: string,
  init: { method?: string; path: string; body?: unknown; params?: Record<string, string> },
) => callWithKey(handler, key, init);

/** Queued jobs recorded instead of sent: the test runs each one itself. */
function recordingSend() {
  const sent: { queue: string; data: object }[] = [];
  return {
    sent,
    send: (queue: string, data: object[]) => Promise.resolve(void sent.push(...data.map((entry) => ({ queue, data: entry })))),
  };
}

/** Traces of real questions, one every few seconds through the hour. */
function tracesOf(questions: readonly string[], prefix: string, range = hour, extra: (index: number) => object = () => ({})) {
  const start = Date.parse(range.from);
  const step = Math.floor((Date.parse(range.to) - start) / (questions.length + 1));
  return questions.map((question, index) => ({
    id: `${prefix}-${index}`,
    startTime: new Date(start + (index + 1) * step).toISOString(),
    input: [{ role: "user", content: question }],
    output: `An answer to: ${question.slice(0, 40)}`,
    ...extra(index),
  }));
}

async function goldenSet(database: Database, projectId: string, questions: readonly string[]) {
  const items = questions.map((question, index) => ({
    id: `g${index}`,
    input: [{ role: "user", content: question }],
    expectedOutput: "42",
  }));
  await addDatasetItems(database, projectId, "golden", items);
  await publishDatasetVersion(database, projectId, "golden");
}

const golden = questions.gsm8k.slice(0, 400);

async function processQueued(database: Database, sent: { queue: string; data: object }[]) {
  while (sent.length > 0) {
    const job = sent.shift();
    if (job?.queue === "drift-run") await runDriftWindow(database, job.data as { projectId: string; runId: string }, now);
  }
}

/** The golden set published and a lexstyle baseline "g" made of it, scheduled or not. */
async function goldenBaseline(database: Database, projectId: string, { scheduled }: { scheduled: boolean }) {
  await goldenSet(database, projectId, golden);
  await createDriftBaseline(database, projectId, {
    name: "g",
    dataset: "golden",
    field: "input",
    embedder: "lexstyle-v1",
    hourly: scheduled,
    daily: scheduled,
  });
}

describe.each(await testDatabaseKinds())("drift endpoints on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("makes a baseline of a golden set, judges a drifted window as a job and explains it", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    await goldenSet(test.database, project.id, golden);
    await ingestTraces(test.database, project.id, tracesOf(questions.truthfulqa.slice(0, 250), "tqa"));

    const created = await call(api.baseline, secretKey.key, {
      path: "/api/v1/drift/baselines",
      body: { name: "golden-v1", dataset: "golden" },
    });
    expect(created.status).toBe(201);
    const baseline = (await created.json()) as DriftBaselineView;
    expect(baseline).toMatchObject({
      name: "golden-v1",
      source: "dataset",
      version: 1,
      points: 400,
      clusters: 4,
      embedder: "lexstyle-v1",
      field: "input",
    });

    const jobs = recordingSend();
    const first = await requestDriftRun(test.database, project.id, { baseline: "golden-v1", ...hour }, jobs.send);
    const again = await requestDriftRun(test.database, project.id, { baseline: baseline.id, ...hour }, jobs.send);
    // The same window again is the same run, queued once.
    expect(again.id).toBe(first.id);
    expect(jobs.sent).toHaveLength(1);
    const queued = (await (
      await call(api.get, secretKey.key, { method: "GET", path: `/api/v1/drift/runs/${first.id}`, params: { runId: first.id } })
    ).json()) as DriftRunView;
    expect(queued).toMatchObject({ status: "queued", progress: 0, verdict: null });

    await processQueued(test.database, jobs.sent);
    const response = await call(api.get, secretKey.key, {
      method: "GET",
      path: `/api/v1/drift/runs/${first.id}`,
      params: { runId: first.id },
    });
    expect(response.status).toBe(200);
    const run = (await response.json()) as DriftRunView;
    expect(run).toMatchObject({ status: "done", progress: 1, verdict: "drift", liveCount: 250 });
    const result = run.result;
    if (!result) throw new Error("a done run has a result");
    expect(result.pValue).toBeLessThan(0.01);
    expect(result.jsDistanceCorrected).toBeGreaterThan(0.5);
    expect(result.baselineCount).toBe(200);
    // The clusters that moved come first, with words and examples from both sides.
    expect(result.clusters[0]?.contribution).toBeGreaterThanOrEqual(result.clusters[1]?.contribution ?? 0);
    expect(result.clusters.some((cluster) => cluster.keywords.length > 0 && cluster.baselineExamples.length > 0)).toBe(true);
    expect(result.examples.length).toBeGreaterThan(0);
    expect(result.examples.every((example) => example.traceId.startsWith("tqa-"))).toBe(true);
    expect(result.languages[0]).toMatchObject({ code: "en" });
    expect(result.shape.live.count).toBe(250);

    const listed = await call(api.list, secretKey.key, {
      method: "GET",
      path: `/api/v1/drift?baseline=golden-v1&from=${hour.from}&to=${hour.to}`,
    });
    expect(((await listed.json()) as { data: DriftRunView[] }).data.map((entry) => entry.id)).toEqual([first.id]);
    const map = (await (
      await call(api.map, secretKey.key, { method: "GET", path: `/api/v1/drift/runs/${first.id}/map`, params: { runId: first.id } })
    ).json()) as {
      points: { side: string; traceId: string | null }[];
    };
    expect(map.points.filter((point) => point.side === "baseline")).toHaveLength(400);
    expect(map.points.filter((point) => point.side === "live")).toHaveLength(250);
  });

  it("refuses a baseline too small to fit, of an unknown dataset, or taken by name, and stores nothing", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    await goldenSet(test.database, project.id, golden.slice(0, 12));
    const small = await call(api.baseline, secretKey.key, { path: "/api/v1/drift/baselines", body: { name: "small", dataset: "golden" } });
    expect(small.status).toBe(400);
    expect(((await small.json()) as Problem).detail).toMatch(/12/);
    const unknown = await call(api.baseline, secretKey.key, { path: "/api/v1/drift/baselines", body: { name: "x", dataset: "nope" } });
    expect(unknown.status).toBe(404);
    const both = await call(api.baseline, secretKey.key, {
      path: "/api/v1/drift/baselines",
      body: { name: "x", dataset: "golden", embedder: "app:text-embedding-3-small" },
    });
    expect(both.status).toBe(400);
    expect(((await both.json()) as Problem).errors?.map((error) => error.path.join("."))).toContain("embedder");
    expect(await test.database.driftBaseline.count({ where: { projectId: project.id } })).toBe(0);
    expect(await test.database.driftBaselinePoint.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("says not enough data for a thin window, without figures", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await goldenBaseline(test.database, project.id, { scheduled: false });
    await ingestTraces(test.database, project.id, tracesOf(questions.truthfulqa.slice(0, 40), "few"));
    const jobs = recordingSend();
    const { id } = await requestDriftRun(test.database, project.id, { baseline: "g", ...hour }, jobs.send);
    await processQueued(test.database, jobs.sent);
    const run = await getDriftRun(test.database, project.id, id);
    expect(run).toMatchObject({ status: "done", verdict: "not_enough_data", liveCount: 40 });
    expect(run.result).toBeUndefined();
    const row = await test.database.driftRun.findUniqueOrThrow({ where: { id } });
    expect(row.jsDistance).toBeNull();
  });

  it("counts at most 20 traces of one session per window, and says how many it left out", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await goldenBaseline(test.database, project.id, { scheduled: false });
    const chatty = tracesOf(questions.truthfulqa.slice(0, 30), "loop", hour, () => ({ sessionId: "s-loop" }));
    const others = tracesOf(questions.truthfulqa.slice(30, 130), "tqa", hour);
    await ingestTraces(test.database, project.id, [...chatty, ...others]);
    const jobs = recordingSend();
    const { id } = await requestDriftRun(test.database, project.id, { baseline: "g", ...hour }, jobs.send);
    await processQueued(test.database, jobs.sent);
    const run = await getDriftRun(test.database, project.id, id);
    expect(run.liveCount).toBe(120);
    expect(run.result?.skipped).toEqual({ withoutText: 0, withoutVector: 0, sampledOut: 10 });
  });

  it("never compares vectors of different embedders: the run fails with the reason", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const vector = (seed: number) => Array.from({ length: 8 }, (_, i) => Math.sin(seed * 7 + i));
    const before = { from: "2026-11-26T10:00:00.000Z", to: "2026-11-26T11:00:00.000Z" };
    await ingestTraces(
      test.database,
      project.id,
      tracesOf(golden.slice(0, 300), "base", before, (index) => ({ embeddings: [{ field: "input", model: "m1", vector: vector(index) }] })),
    );
    await ingestTraces(
      test.database,
      project.id,
      tracesOf(golden.slice(0, 150), "live", hour, (index) => ({ embeddings: [{ field: "input", model: "m2", vector: vector(index) }] })),
    );
    const baseline = await createDriftBaseline(test.database, project.id, {
      name: "traffic",
      ...before,
      field: "input",
      embedder: "app:m1",
      hourly: false,
      daily: false,
    });
    expect(baseline).toMatchObject({ source: "traffic", points: 300, dimensions: 8 });
    const jobs = recordingSend();
    const { id } = await requestDriftRun(test.database, project.id, { baseline: "traffic", ...hour }, jobs.send);
    await processQueued(test.database, jobs.sent);
    const run = await getDriftRun(test.database, project.id, id);
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/app:m2.*app:m1/);
  });

  it("schedules the last 72 hourly and 14 daily windows once, then only new ones", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await goldenBaseline(test.database, project.id, { scheduled: true });
    const asked = await requestDriftRun(
      test.database,
      project.id,
      { baseline: "g", from: "2026-11-27T09:00:00.000Z", to: "2026-11-27T10:00:00.000Z" },
      recordingSend().send,
    );
    const jobs = recordingSend();
    // The schedule serves every project; count this one's runs (other tests' baselines share the database).
    const runs = () => test.database.driftRun.count({ where: { projectId: project.id } });
    await scheduleDriftRuns(test.database, now, jobs.send);
    expect(await runs()).toBe(72 + 14);
    await scheduleDriftRuns(test.database, now, jobs.send);
    expect(await runs()).toBe(72 + 14);
    // A run asked for over a scheduled hour before the schedule got to it became that hour's run.
    expect(await test.database.driftRun.count({ where: { projectId: project.id, window: "custom" } })).toBe(0);
    expect(await test.database.driftRun.findUniqueOrThrow({ where: { id: asked.id } })).toMatchObject({ window: "hour" });
    // 12:30 less the settling time closes the 11:00-12:00 window; an hour later one more closes.
    const latest = await test.database.driftRun.findFirstOrThrow({
      where: { projectId: project.id, window: "hour" },
      orderBy: { toTime: "desc" },
    });
    expect(latest.toTime.toISOString()).toBe("2026-11-27T12:00:00.000Z");
    await scheduleDriftRuns(test.database, new Date(now.getTime() + 3_600_000), jobs.send);
    expect(await runs()).toBe(72 + 14 + 1);
  });

  it("sends a run's examples to review and to the golden set once, and refuses traces outside its window", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    await goldenBaseline(test.database, project.id, { scheduled: false });
    await ingestTraces(test.database, project.id, tracesOf(questions.truthfulqa.slice(0, 120), "tqa"));
    await ingestTraces(
      test.database,
      project.id,
      tracesOf(["outside the window"], "old", { from: "2026-11-01T00:00:00.000Z", to: "2026-11-01T01:00:00.000Z" }),
    );
    const { id } = await requestDriftRun(test.database, project.id, { baseline: "g", ...hour }, recordingSend().send);
    const params = { runId: id };

    const review = (body: unknown) => call(api.review, secretKey.key, { path: `/api/v1/drift/runs/${id}/review`, params, body });
    const sent = await review({ traceIds: ["tqa-1", "tqa-2"] });
    expect(await sent.json()).toEqual({ added: 2, alreadyQueued: 0 });
    expect(await (await review({ traceIds: ["tqa-2", "tqa-3"] })).json()).toEqual({ added: 1, alreadyQueued: 1 });
    const signals = await test.database.reviewSignal.findMany({
      where: { projectId: project.id },
      select: { reason: true, driftRunId: true },
    });
    expect(signals).toHaveLength(3);
    expect(signals.every((signal) => signal.reason === "drift" && signal.driftRunId === id)).toBe(true);

    const outside = await review({ traceIds: ["tqa-4", "old-0"] });
    expect(outside.status).toBe(400);
    expect(((await outside.json()) as Problem).detail).toContain("old-0");
    expect(await test.database.reviewItem.count({ where: { projectId: project.id } })).toBe(3);

    const add = (body: unknown) => call(api.dataset, secretKey.key, { path: `/api/v1/drift/runs/${id}/dataset`, params, body });
    expect(await (await add({ dataset: "golden", traceIds: ["tqa-5", "tqa-6"] })).json()).toEqual({
      added: 2,
      duplicates: 0,
      rejected: [],
    });
    expect(await (await add({ dataset: "golden", traceIds: ["tqa-6"] })).json()).toEqual({ added: 0, duplicates: 1, rejected: [] });
    const item = await test.database.datasetItem.findFirstOrThrow({ where: { projectId: project.id, externalId: "drift:tqa-5" } });
    expect(item.provenance).toEqual({ source: "drift", driftRunId: id });
    expect(item.input).toEqual([{ role: "user", content: questions.truthfulqa[5] }]);
  });
});
