import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SqlExecutor } from "@liveloop/prisma/connection";
import { createFeedbackInserter, type FeedbackRow } from "@/server/feedback/feedbackSql";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { createProjectWithKeys } from "@/test/factories";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";

const row = (id: string, projectId = "p"): FeedbackRow => ({
  projectId,
  id,
  type: "thumb",
  traceId: "t",
  sessionId: null,
  userId: null,
  value: 1,
  scale: null,
  reasons: [],
  comment: null,
  category: null,
  metadata: null,
  occurredAt: "2026-11-27T10:00:00.000Z",
  receivedAt: "2026-11-27T10:00:00.000Z",
});

/** An executor whose statements finish when the test says, recording the ids each carried. */
function heldExecutor(options: { failWhen?: (ids: string[]) => boolean } = {}) {
  const statements: { ids: string[]; finish(): void }[] = [];
  const stored = new Set<string>();
  const sql: SqlExecutor = {
    query: <T>(_text: string, values: unknown[]) =>
      new Promise<T[]>((resolve, reject) => {
        const projectIds = values[0] as string[];
        const ids = values[1] as string[];
        statements.push({
          ids,
          finish: () => {
            if (options.failWhen?.(ids)) {
              reject(new Error("the statement failed"));
              return;
            }
            const fresh = ids.flatMap((id, i) => (stored.has(id) ? [] : (stored.add(id), [{ projectId: projectIds[i] ?? "", id }])));
            resolve(fresh as T[]);
          },
        });
      }),
  };
  return { sql, statements };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("the feedback inserter", () => {
  it("sends a lone batch at once, and batches that arrive while statements run together in the next one", async () => {
    const { sql, statements } = heldExecutor();
    const inserter = createFeedbackInserter(sql, { maxStatements: 1, maxRowsPerStatement: 100 });
    const first = inserter.insert([row("a")]);
    expect(statements.map((statement) => statement.ids)).toEqual([["a"]]);
    const waiting = [inserter.insert([row("b"), row("c")]), inserter.insert([row("c"), row("d")]), inserter.insert([row("e")])];
    expect(statements).toHaveLength(1);
    statements[0]?.finish();
    expect(await first).toEqual(new Set(["a"]));
    await settled();
    expect(statements.map((statement) => statement.ids)).toEqual([["a"], ["b", "c", "c", "d", "e"]]);
    statements[1]?.finish();
    // "c" was sent by two batches: new for the first only.
    expect(await Promise.all(waiting)).toEqual([new Set(["b", "c"]), new Set(["d"]), new Set(["e"])]);
  });

  it("keeps a statement under its row cap, and never splits a batch", async () => {
    const { sql, statements } = heldExecutor();
    const inserter = createFeedbackInserter(sql, { maxStatements: 1, maxRowsPerStatement: 3 });
    void inserter.insert([row("a")]);
    const rest = [inserter.insert([row("b"), row("c")]), inserter.insert([row("d"), row("e")]), inserter.insert([row("f")])];
    statements[0]?.finish();
    await settled();
    statements[1]?.finish();
    await settled();
    statements[2]?.finish();
    await Promise.all(rest);
    expect(statements.map((statement) => statement.ids)).toEqual([["a"], ["b", "c"], ["d", "e", "f"]]);
  });

  it("retries the batches of a failed shared statement one by one, so only the failing batch fails", async () => {
    const { sql, statements } = heldExecutor({ failWhen: (ids) => ids.includes("poison") });
    const inserter = createFeedbackInserter(sql, { maxStatements: 1, maxRowsPerStatement: 100 });
    void inserter.insert([row("a")]);
    const good = inserter.insert([row("b")]);
    // Its failure is looked at below, after the statements ran.
    const bad = inserter.insert([row("poison"), row("c")]).then(
      () => null,
      (error: unknown) => error,
    );
    const alsoGood = inserter.insert([row("d")]);
    statements[0]?.finish();
    for (let i = 1; i < 5; i++) {
      await settled();
      statements[i]?.finish();
    }
    expect(await good).toEqual(new Set(["b"]));
    expect(await bad).toEqual(new Error("the statement failed"));
    expect(await alsoGood).toEqual(new Set(["d"]));
    expect(statements.map((statement) => statement.ids)).toEqual([["a"], ["b", "poison", "c", "d"], ["b"], ["poison", "c"], ["d"]]);
  });
});

describe.each(await testDatabaseKinds())("concurrent feedback batches on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("are all stored, each event once, and a repeated id is new for exactly one batch", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const shared = randomUUID();
    const now = new Date("2026-11-27T10:00:00.000Z");
    const batches = Array.from({ length: 12 }, (_, b) => [
      { id: shared, type: "thumb", value: -1, traceId: "t", timestamp: now.toISOString() },
      ...Array.from({ length: 5 }, () => ({
        id: randomUUID(),
        type: "rating",
        value: 4,
        traceId: `t-${b}`,
        timestamp: now.toISOString(),
        metadata: { page: "/x" },
      })),
      { id: randomUUID(), type: "reasons", reasons: ["Too long", 'Quoted "wrong"'], traceId: "t", timestamp: now.toISOString() },
    ]);
    const results = await Promise.all(batches.map((events) => ingestFeedback(test.database, project.id, events, now)));
    expect(results.filter((result) => result.accepted.includes(shared))).toHaveLength(1);
    expect(results.reduce((sum, result) => sum + result.accepted.length + result.duplicates.length, 0)).toBe(12 * 7);
    expect(await test.database.feedbackEvent.count({ where: { projectId: project.id } })).toBe(12 * 6 + 1);
    const reasons = await test.database.feedbackEvent.findFirst({
      where: { projectId: project.id, type: "reasons" },
      select: { reasons: true },
    });
    expect(reasons?.reasons).toEqual(["Too long", 'Quoted "wrong"']);
  });
});
