import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { embeddersInUse, traceEmbeddings } from "@/server/embeddings/traceEmbeddings";
import { encodeFloat32 } from "@/server/embeddings/float32Vector";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const hour = (h: number) => new Date(Date.UTC(2026, 10, 27, h)).toISOString();

async function projectWithVectors(database: Database) {
  const { project } = await createProjectWithKeys(database);
  await ingestTraces(
    database,
    project.id,
    [9, 10, 11, 12].map((h) => ({
      id: `t-${h}`,
      startTime: hour(h),
      input: `question at ${h}`,
      embeddings: [
        { field: "input", model: "small", vector: [h, 1] },
        { field: "output", model: "small", vector: [1, h] },
        ...(h === 10 ? [{ field: "input", model: "large", vector: [h, 0, 1] }] : []),
      ],
    })),
  );
  // Drift will store built-in vectors of the same traces beside the application's.
  await database.traceEmbedding.create({
    data: {
      projectId: project.id,
      traceId: "t-9",
      field: "input",
      embedder: "lexstyle-v1",
      dimensions: 2,
      vector: encodeFloat32([0.5, 0.5]),
      source: "builtin",
      traceStartTime: new Date(hour(9)),
    },
  });
  return project;
}

describe.each(await testDatabaseKinds())("reading stored vectors on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("returns one embedder's vectors of one field for traces started in [from, to), oldest first, up to the limit", async () => {
    const project = await projectWithVectors(test.database);
    const read = (from: number, to: number, limit = 100, field: "input" | "output" = "input") =>
      traceEmbeddings(test.database, project.id, {
        embedder: "app:small",
        field,
        from: new Date(hour(from)),
        to: new Date(hour(to)),
        limit,
      });
    const shown = (rows: Awaited<ReturnType<typeof read>>) => rows.map(({ traceId, vector }) => [traceId, Array.from(vector)]);

    expect(shown(await read(10, 12))).toEqual([
      ["t-10", [10, 1]],
      ["t-11", [11, 1]],
    ]);
    expect(shown(await read(0, 24, 2, "output"))).toEqual([
      ["t-9", [1, 9]],
      ["t-10", [1, 10]],
    ]);
    expect(await read(13, 24)).toEqual([]);
  });

  it("lists the embedders in use per field with their length and count, most used first", async () => {
    const project = await projectWithVectors(test.database);
    const { project: other } = await createProjectWithKeys(test.database);
    expect(await embeddersInUse(test.database, project.id)).toEqual([
      { embedder: "app:small", field: "input", dimensions: 2, source: "application", count: 4 },
      { embedder: "app:small", field: "output", dimensions: 2, source: "application", count: 4 },
      { embedder: "app:large", field: "input", dimensions: 3, source: "application", count: 1 },
      { embedder: "lexstyle-v1", field: "input", dimensions: 2, source: "builtin", count: 1 },
    ]);
    expect(await embeddersInUse(test.database, other.id)).toEqual([]);
  });

  it("lets only one length win when two batches bring a new embedder at once", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const send = (id: string, length: number) =>
      ingestTraces(test.database, project.id, [
        { id, startTime: hour(9), embeddings: [{ field: "input", model: "new", vector: Array.from({ length }, () => 1) }] },
      ]);
    const results = await Promise.all([send("a", 3), send("b", 5)]);
    expect(results.map(({ accepted }) => accepted.length).sort()).toEqual([0, 1]);
    expect((await embeddersInUse(test.database, project.id)).map(({ count }) => count)).toEqual([1]);
  });

  it("drops a trace's vectors with the trace", async () => {
    const project = await projectWithVectors(test.database);
    await test.database.trace.delete({ where: { projectId_id: { projectId: project.id, id: "t-10" } } });
    expect((await embeddersInUse(test.database, project.id)).map(({ embedder, field, count }) => [embedder, field, count])).toEqual([
      ["app:small", "input", 3],
      ["app:small", "output", 3],
      ["lexstyle-v1", "input", 1],
    ]);
  });
});
