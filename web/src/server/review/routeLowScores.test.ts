import { describe, expect, it } from "vitest";
import { routeNewFeedback } from "@/server/review/routeFeedback";
import { runReviewRoutingOnce } from "@/server/review/reviewRoutingJob";
import { updateReviewRules } from "@/server/review/reviewRules";
import { listReviewItems } from "@/server/review/reviewQueries";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { ingestScores } from "@/server/scores/ingestScores";
import { saveScoreConfig } from "@/server/scores/scoreConfigs";
import type { Database } from "@/server/db/client";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const now = new Date("2026-11-27T12:00:00Z");
const chat = (id: string, question: string) => ({
  id,
  startTime: "2026-11-27T11:58:00.000Z",
  input: [{ role: "user", content: question }],
  output: "An answer.",
});

const relevance = (id: string, traceId: string, value: number) => ({ id, traceId, name: "relevance", value });

async function projectWithTraces(database: Database, traceIds: string[]) {
  const { project } = await createProjectWithKeys(database);
  // Distinct questions, so no two items share a cluster.
  const questions = ["Where is my parcel?", "Do you sell tents for winter camping?", "What is the refund policy for sale items?"];
  await ingestTraces(
    database,
    project.id,
    traceIds.map((id, index) => chat(id, questions[index] ?? id)),
  );
  return project.id;
}

describe.each(await testDatabaseKinds())("low scores into the review queue on %s", (kind) => {
  const test = useTestDatabase(kind);
  const items = (projectId: string) =>
    test.database.reviewItem.findMany({
      where: { projectId },
      orderBy: { traceId: "asc" },
      select: { traceId: true, priority: true, signals: { select: { reason: true, scoreId: true } } },
    });

  it("a low score opens an item with its reason and score; a good one does nothing; routing again adds nothing", async () => {
    const projectId = await projectWithTraces(test.database, ["t1", "t2"]);
    // Built-in relevance: higher is better, review threshold 0.2.
    await ingestScores(test.database, projectId, [relevance("low", "t1", 0.12), relevance("good", "t2", 0.85)], now);
    expect(await routeNewFeedback(test.database, projectId, now)).toBe(1);
    // Low scores rank with low ratings (weight 3), one item in its own cluster: 3 x 1000 + 1.
    expect(await items(projectId)).toEqual([{ traceId: "t1", priority: 3001, signals: [{ reason: "low_score", scoreId: "low" }] }]);
    const [view] = await listReviewItems(test.database, projectId, { sort: "priority", limit: 50 });
    expect(view).toMatchObject({ traceId: "t1", reasons: ["low_score"], lowScores: [{ name: "relevance", value: 0.12 }] });

    expect(await routeNewFeedback(test.database, projectId, new Date(now.getTime() + 10_000))).toBe(0);
    expect(await runReviewRoutingOnce(test.database, new Date(now.getTime() + 20_000))).toBeGreaterThanOrEqual(0);
    expect(await items(projectId)).toHaveLength(1);
    expect(await test.database.reviewSignal.count({ where: { projectId } })).toBe(1);
  });

  it("follows each config's direction: lower-is-better at or above, booleans by the bad value", async () => {
    const projectId = await projectWithTraces(test.database, ["t1", "t2", "t3"]);
    await saveScoreConfig(test.database, projectId, "latency_ok", {
      dataType: "numeric",
      minValue: 0,
      maxValue: 10,
      higherIsBetter: false,
      reviewThreshold: 7,
    });
    await ingestScores(
      test.database,
      projectId,
      [
        // pii_leak: true is bad (threshold 1).
        { id: "leak", traceId: "t1", name: "pii_leak", value: true },
        { id: "no-leak", traceId: "t2", name: "pii_leak", value: false },
        // lower is better, threshold 7: exactly 7 is bad, 6.9 is fine.
        { id: "at-threshold", traceId: "t3", name: "latency_ok", value: 7 },
        { id: "under", traceId: "t2", name: "latency_ok", value: 6.9 },
      ],
      now,
    );
    await routeNewFeedback(test.database, projectId, now);
    expect((await items(projectId)).map((item) => [item.traceId, item.signals.map((signal) => signal.scoreId)])).toEqual([
      ["t1", ["leak"]],
      ["t3", ["at-threshold"]],
    ]);
    const views = await listReviewItems(test.database, projectId, { sort: "priority", limit: 50 });
    expect(Object.fromEntries(views.map((view) => [view.traceId, view.lowScores]))).toEqual({
      t1: [{ name: "pii_leak", value: true }],
      t3: [{ name: "latency_ok", value: 7 }],
    });
  });

  it("joins the trace's item beside negative feedback, which still ranks it", async () => {
    const projectId = await projectWithTraces(test.database, ["t1"]);
    await ingestFeedback(
      test.database,
      projectId,
      [{ id: "f1", traceId: "t1", type: "thumb", value: -1, timestamp: "2026-11-27T11:59:00.000Z" }],
      now,
    );
    await ingestScores(test.database, projectId, [{ id: "tox", traceId: "t1", name: "toxicity", value: 0.93 }], now);
    expect(await routeNewFeedback(test.database, projectId, now)).toBe(2);
    const [item] = await items(projectId);
    // Thumbs-down (weight 4) outranks the low score (3).
    expect(item?.priority).toBe(4001);
    expect(item?.signals.map((signal) => signal.reason).sort()).toEqual(["low_score", "thumbs_down"]);
  });

  it("routes nothing when the Low scores rule is off, and obeys the hourly cap on new items", async () => {
    const off = await projectWithTraces(test.database, ["t1"]);
    await updateReviewRules(test.database, off, { lowScores: false });
    await ingestScores(test.database, off, [relevance("low", "t1", 0.01)], now);
    expect(await routeNewFeedback(test.database, off, now)).toBe(0);
    expect(await items(off)).toEqual([]);

    const capped = await projectWithTraces(test.database, ["t1", "t2"]);
    await updateReviewRules(test.database, capped, { maxNewItemsPerHour: 1 });
    await ingestScores(test.database, capped, [relevance("a", "t1", 0.1), relevance("b", "t2", 0.1)], now);
    expect(await routeNewFeedback(test.database, capped, now)).toBe(1);
    expect(await items(capped)).toHaveLength(1);
  });

  it("the routing job finds a project that only received scores", async () => {
    const projectId = await projectWithTraces(test.database, ["t1"]);
    // The routing clock runs after the traces were stored, as it does in production (their
    // updated_at is the database's clock): only the score makes the project pending.
    const at = new Date(Date.now() + 60_000);
    await ingestScores(test.database, projectId, [{ id: "low", traceId: "t1", name: "hallucination", value: 0.8 }], at);
    const passOver = async (when: Date) => {
      const routed: string[] = [];
      await runReviewRoutingOnce(test.database, when, (database, id, routeAt) => {
        routed.push(id);
        return routeNewFeedback(database, id, routeAt);
      });
      return routed;
    };
    expect(await passOver(at)).toContain(projectId);
    expect((await items(projectId)).map((item) => item.signals)).toEqual([[{ reason: "low_score", scoreId: "low" }]]);
    // Once routed, a pass finds nothing new for it.
    expect(await passOver(new Date(at.getTime() + 10_000))).not.toContain(projectId);
  });

  it("refuses a signal that names no source, or both a feedback event and a score", async () => {
    const projectId = await projectWithTraces(test.database, ["t1"]);
    const item = await test.database.reviewItem.create({ data: { projectId, traceId: "t1", priority: 3001 }, select: { id: true } });
    const signal = (source: { feedbackEventId?: string; scoreId?: string }) =>
      test.database.reviewSignal.create({ data: { projectId, itemId: item.id, reason: "low_score", ...source } });
    await expect(signal({})).rejects.toThrow();
    await expect(signal({ feedbackEventId: "f1", scoreId: "s1" })).rejects.toThrow();
    await expect(signal({ scoreId: "s1" })).resolves.toMatchObject({ scoreId: "s1", feedbackEventId: null });
  });
});
