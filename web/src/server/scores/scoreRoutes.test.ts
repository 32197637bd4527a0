import { describe, expect, it } from "vitest";
import type { RouteHandler } from "@/server/api/route";
import { callWithKey, testApiRoute } from "@/test/testApiRoute";
import { scoreConfigSaveRoute, scoreIngestRoute, scoreListRoute } from "@/server/scores/scoreRoutes";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { getTrace } from "@/server/traces/traceQueries";
import type { Database } from "@/server/db/client";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const now = new Date("2026-11-27T10:00:00.000Z");

function routes(database: Database) {
  const apiRoute = testApiRoute(database, now);
  return { ingest: apiRoute(scoreIngestRoute), list: apiRoute(scoreListRoute), saveConfig: apiRoute(scoreConfigSaveRoute) };
}

const call = (
  handler: RouteHandler,
  key: string,
  init: { method?: string; path?: string; body?: unknown; params?: Record<string, string> },
) => callWithKey(handler, key, { ...init, path: init.path ?? "/api/v1/scores" });

async function projectWithTrace(database: Database) {
  const created = await createProjectWithKeys(database);
  await ingestTraces(database, created.project.id, [
    { id: "answer-1", startTime: "2026-11-27T09:00:00.000Z", input: "How do I reset my password?", output: "Go to Account." },
  ]);
  return created;
}

describe.each(await testDatabaseKinds())("score endpoints on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("stores numeric, boolean and categorical scores once each and shows them on the trace", async () => {
    const { secretKey, project } = await projectWithTrace(test.database);
    const { ingest, list } = routes(test.database);
    const scores = [
      { id: "s1", traceId: "answer-1", name: "helpfulness", value: 0.8, comment: "answers the question" },
      { id: "s2", traceId: "answer-1", name: "pii_leak", value: false },
      { id: "s3", traceId: "answer-1", name: "tone", category: "friendly" },
    ];
    const first = await call(ingest, secretKey.key, { body: { scores } });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: ["s1", "s2", "s3"], duplicates: [], rejected: [] });

    // A retry of the same batch writes nothing.
    const retry = await call(ingest, secretKey.key, { body: { scores } });
    expect(await retry.json()).toEqual({ accepted: [], duplicates: ["s1", "s2", "s3"], rejected: [] });

    const listed = await call(list, secretKey.key, { method: "GET", path: "/api/v1/scores?traceId=answer-1&name=pii_leak" });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({
      data: [
        {
          id: "s2",
          traceId: "answer-1",
          spanId: null,
          name: "pii_leak",
          dataType: "boolean",
          value: false,
          category: null,
          source: "api",
          evaluator: null,
          evaluatorVersion: null,
          comment: null,
          costUsd: null,
          correctsScoreId: null,
          createdAt: now.toISOString(),
        },
      ],
    });
    const trace = await getTrace(test.database, project.id, "answer-1");
    expect(trace.scores.map((score) => [score.name, score.value ?? score.category]).sort()).toEqual([
      ["helpfulness", 0.8],
      ["pii_leak", false],
      ["tone", "friendly"],
    ]);
  });

  it("refuses values outside the score config and types other than the first score fixed, storing the rest", async () => {
    const { secretKey, project } = await projectWithTrace(test.database);
    const { ingest } = routes(test.database);
    const response = await call(ingest, secretKey.key, {
      body: {
        scores: [
          { id: "ok", traceId: "answer-1", name: "toxicity", value: 0.1 },
          { id: "huge", traceId: "answer-1", name: "toxicity", value: 9.2e124 },
          { id: "text", traceId: "answer-1", name: "toxicity", value: "0.5" },
          { id: "first", traceId: "answer-1", name: "stars", value: 4 },
          { id: "second", traceId: "answer-1", name: "stars", value: true },
          { id: "both", traceId: "answer-1", name: "x", value: 1, category: "a" },
          { id: "ghost", traceId: "no-such-trace", name: "x", value: 1 },
        ],
      },
    });
    expect(response.status).toBe(207);
    const body = (await response.json()) as { accepted: string[]; rejected: { id: string; status: number; message: string }[] };
    expect(body.accepted).toEqual(["ok", "first"]);
    expect(body.rejected.map(({ id, status }) => [id, status])).toEqual([
      ["huge", 400],
      ["text", 400],
      ["second", 400],
      ["both", 400],
      ["ghost", 404],
    ]);
    expect(body.rejected[0]?.message).toBe("toxicity must be between 0 and 1; got 9.2e+124");
    expect(body.rejected[2]?.message).toBe("stars is a numeric score: send a number");
    expect(await test.database.score.count({ where: { projectId: project.id } })).toBe(2);
  });

  it("answers 404 for another project's trace and stores nothing", async () => {
    const mine = await projectWithTrace(test.database);
    const theirs = await createProjectWithKeys(test.database);
    const response = await call(routes(test.database).ingest, theirs.secretKey.key, {
      body: { scores: [{ traceId: "answer-1", name: "helpfulness", value: 1 }] },
    });
    expect(response.status).toBe(404);
    expect(await test.database.score.count({ where: { projectId: { in: [mine.project.id, theirs.project.id] } } })).toBe(0);
  });

  it("refuses a public key and a malformed batch", async () => {
    const { publicKey, secretKey } = await projectWithTrace(test.database);
    const { ingest } = routes(test.database);
    expect((await call(ingest, publicKey.key, { body: { scores: [{ traceId: "answer-1", name: "a", value: 1 }] } })).status).toBe(403);
    expect((await call(ingest, secretKey.key, { body: { scores: [] } })).status).toBe(400);
    expect((await call(ingest, secretKey.key, { body: { events: [] } })).status).toBe(400);
  });

  it("a built-in score keeps its type and range; its threshold and direction may change", async () => {
    const { secretKey } = await projectWithTrace(test.database);
    const { saveConfig } = routes(test.database);
    const path = "/api/v1/score-configs/toxicity";
    const widened = await call(saveConfig, secretKey.key, {
      method: "PUT",
      path,
      params: { name: "toxicity" },
      body: { dataType: "numeric", minValue: 0, maxValue: 100 },
    });
    expect(widened.status).toBe(400);
    const saved = await call(saveConfig, secretKey.key, {
      method: "PUT",
      path,
      params: { name: "toxicity" },
      body: { dataType: "numeric", minValue: 0, maxValue: 1, reviewThreshold: 0.5 },
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ name: "toxicity", reviewThreshold: 0.5, higherIsBetter: false });
  });
});
