import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { traceIngestRoute, traceRoute } from "@/server/traces/traceRoutes";
import { embeddersInUse, traceEmbeddings } from "@/server/embeddings/traceEmbeddings";
import { callWithKey, testApiRoute } from "@/test/testApiRoute";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const now = new Date("2026-11-27T10:00:00.000Z");
const startTime = "2026-11-27T09:00:00.000Z";
const allTime = { from: new Date("2026-01-01T00:00:00.000Z"), to: new Date("2027-01-01T00:00:00.000Z"), limit: 100 };

function routes(database: Database) {
  const apiRoute = testApiRoute(database, now);
  return { ingest: apiRoute(traceIngestRoute), read: apiRoute(traceRoute) };
}

const vectorOf = (length: number, seed = 1) => Array.from({ length }, (_, i) => ((i % 7) - 3 + seed) / 8);
const trace = (id: string, embeddings: unknown[], fields: Record<string, unknown> = {}) => ({
  id,
  startTime,
  input: "How do I reset my password?",
  output: "Go to Account.",
  embeddings,
  ...fields,
});

describe.each(await testDatabaseKinds())("vectors sent with traces on %s", (kind) => {
  const test = useTestDatabase(kind);

  async function send(key: string, traces: unknown[]) {
    const response = await callWithKey(routes(test.database).ingest, key, { path: "/api/v1/traces", body: { traces } });
    return { status: response.status, body: (await response.json()) as { accepted: string[]; duplicates: string[]; rejected: unknown[] } };
  }

  it("stores each vector as float32 under its app: embedder and shows which on the trace, not the numbers", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const input = [0.1, -2.5, 3e-8, 1e30];
    const sent = await send(secretKey.key, [
      trace("t-1", [
        { field: "input", model: "text-embedding-3-small", vector: input },
        { field: "output", model: "text-embedding-3-small", vector: [1, 2, 3, 4] },
      ]),
    ]);
    expect(sent).toEqual({ status: 200, body: { accepted: ["t-1"], duplicates: [], rejected: [] } });

    const [stored] = await traceEmbeddings(test.database, project.id, {
      embedder: "app:text-embedding-3-small",
      field: "input",
      ...allTime,
    });
    expect(stored?.traceId).toBe("t-1");
    expect(Array.from(stored?.vector ?? [])).toEqual(input.map(Math.fround));

    const read = await callWithKey(routes(test.database).read, secretKey.key, {
      method: "GET",
      path: "/api/v1/traces/t-1",
      params: { id: "t-1" },
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { embeddings: unknown }).embeddings).toEqual([
      { field: "input", embedder: "app:text-embedding-3-small", dimensions: 4 },
      { field: "output", embedder: "app:text-embedding-3-small", dimensions: 4 },
    ]);
  });

  it("never duplicates a retried trace's vectors, and a changed re-send replaces them", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const first = trace("t-1", [{ field: "input", model: "m", vector: [1, 0, 0] }]);
    expect((await send(secretKey.key, [first])).body.accepted).toEqual(["t-1"]);
    expect((await send(secretKey.key, [first])).body).toEqual({ accepted: [], duplicates: ["t-1"], rejected: [] });

    const moved = "2026-11-27T09:30:00.000Z";
    const changed = trace("t-1", [{ field: "input", model: "m", vector: [0, 1, 0] }], { startTime: moved });
    expect((await send(secretKey.key, [changed])).body.accepted).toEqual(["t-1"]);
    const stored = await traceEmbeddings(test.database, project.id, { embedder: "app:m", field: "input", ...allTime });
    expect(stored.map(({ traceId, traceStartTime, vector }) => [traceId, traceStartTime.toISOString(), Array.from(vector)])).toEqual([
      ["t-1", moved, [0, 1, 0]],
    ]);
  });

  it("refuses, per trace with 207, a vector whose length differs from its embedder's first", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    await send(secretKey.key, [trace("t-1", [{ field: "input", model: "foo", vector: vectorOf(384) }])]);

    const sent = await send(secretKey.key, [
      trace("t-2", [{ field: "input", model: "foo", vector: vectorOf(384, 2) }]),
      trace("t-3", [
        { field: "input", model: "bar", vector: vectorOf(8) },
        { field: "output", model: "foo", vector: vectorOf(512) },
      ]),
      // A new embedder's first vector in the batch fixes its length for the rest of the batch.
      trace("t-4", [{ field: "input", model: "baz", vector: vectorOf(16) }]),
      trace("t-5", [{ field: "output", model: "baz", vector: vectorOf(32) }]),
    ]);
    expect(sent).toEqual({
      status: 207,
      body: {
        accepted: ["t-2", "t-4"],
        duplicates: [],
        rejected: [
          { id: "t-3", index: 1, status: 409, message: "embeddings.1.vector: app:foo vectors have 384 dimensions; this one has 512" },
          { id: "t-5", index: 3, status: 409, message: "embeddings.0.vector: app:baz vectors have 16 dimensions; this one has 32" },
        ],
      },
    });
    // A refused trace is not stored at all, not even its vectors that did fit.
    expect(await embeddersInUse(test.database, project.id)).toEqual([
      { embedder: "app:foo", field: "input", dimensions: 384, source: "application", count: 2 },
      { embedder: "app:baz", field: "input", dimensions: 16, source: "application", count: 1 },
    ]);
  });

  it("refuses vectors a float32 cannot hold, too long, or malformed, naming the field", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const sent = await send(secretKey.key, [
      // JSON has no NaN or Infinity: what arrives instead is a string or a number beyond float32.
      trace("nan", [{ field: "input", model: "m", vector: [1, "NaN"] }]),
      trace("huge", [{ field: "input", model: "m", vector: [1, 1e39] }]),
      trace("long", [{ field: "input", model: "m", vector: vectorOf(4097) }]),
      trace("zeros", [{ field: "input", model: "m", vector: [0, 0] }]),
      trace("twice", [
        { field: "input", model: "m", vector: [1, 2] },
        { field: "input", model: "m", vector: [2, 1] },
      ]),
      trace("many", [...["a", "b", "c", "d", "e"].map((model) => ({ field: "input", model, vector: [1] }))]),
      trace("extra", [{ field: "input", model: "m", vector: [1, 2], norm: 1 }]),
      trace("field", [{ field: "prompt", model: "m", vector: [1, 2] }]),
      trace("ok", [{ field: "input", model: "m", vector: [1, 2] }]),
    ]);
    expect(sent.status).toBe(207);
    expect(sent.body.accepted).toEqual(["ok"]);
    const expected: [string, RegExp][] = [
      ["nan", /^400 embeddings\.0\.vector\.1: .*expected number/],
      ["huge", /^400 embeddings\.0\.vector\.1: is beyond what a float32 holds$/],
      ["long", /^400 embeddings\.0\.vector: .*4096/],
      ["zeros", /^400 embeddings\.0\.vector: a vector of zeros has no direction to compare$/],
      ["twice", /^400 embeddings\.1: a second input vector of m$/],
      ["many", /^400 embeddings: .*4/],
      ["extra", /^400 embeddings\.0: .*norm/],
      ["field", /^400 embeddings\.0\.field: /],
    ];
    const rejected = sent.body.rejected as { id: string; status: number; message: string }[];
    expect(rejected.map(({ id }) => id)).toEqual(expected.map(([id]) => id));
    expected.forEach(([id, pattern], i) => {
      const { status, message } = rejected[i] ?? { status: 0, message: `${id} was not rejected` };
      expect(`${status} ${message}`).toMatch(pattern);
    });
    expect(await embeddersInUse(test.database, project.id)).toEqual([
      { embedder: "app:m", field: "input", dimensions: 2, source: "application", count: 1 },
    ]);
  });

  it("keeps each project's embedders and lengths to itself", async () => {
    const one = await createProjectWithKeys(test.database);
    const other = await createProjectWithKeys(test.database);
    await send(one.secretKey.key, [trace("t-1", [{ field: "input", model: "m", vector: vectorOf(3) }])]);
    // The same model may have another length elsewhere, and the same trace id is another trace.
    expect((await send(other.secretKey.key, [trace("t-1", [{ field: "input", model: "m", vector: vectorOf(5) }])])).status).toBe(200);
    const read = (projectId: string) => traceEmbeddings(test.database, projectId, { embedder: "app:m", field: "input", ...allTime });
    expect((await read(one.project.id)).map(({ vector }) => vector.length)).toEqual([3]);
    expect((await read(other.project.id)).map(({ vector }) => vector.length)).toEqual([5]);
  });
});
