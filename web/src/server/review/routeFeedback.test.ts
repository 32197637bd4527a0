import { describe, expect, it, vi } from "vitest";
import { routeNewFeedback, reviewReasonFor, sampleDraw } from "@/server/review/routeFeedback";
import { runReviewRoutingOnce } from "@/server/review/reviewRoutingJob";
import { defaultReviewRules, updateReviewRules } from "@/server/review/reviewRules";
import { reviewPriority } from "@/server/review/reviewPriority";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const now = new Date("2026-11-27T12:00:00Z");
let sequence = 0;
const feedback = (traceId: string, fields: Record<string, unknown>) => ({
  id: `e-${sequence++}`,
  traceId,
  timestamp: "2026-11-27T11:59:00.000Z",
  ...fields,
});
const chat = (id: string, question: string) => ({
  id,
  startTime: "2026-11-27T11:58:00.000Z",
  input: [
    { role: "system", content: "Be helpful." },
    { role: "user", content: question },
  ],
  output: "An answer.",
});

describe("routing rules", () => {
  const rules = defaultReviewRules;
  it("send reports, thumbs-down, ratings at or below 2 of 5 and rephrases; sample positives", () => {
    const event = (type: string, value: number | null, scale: number | null = null) => ({ id: "x", type, value, scale });
    expect(reviewReasonFor(event("report", null), rules)).toBe("report");
    expect(reviewReasonFor(event("thumb", -1), rules)).toBe("thumbs_down");
    expect(reviewReasonFor(event("thumb", 0), rules)).toBeNull();
    expect(reviewReasonFor(event("rating", 2, 5), rules)).toBe("low_rating");
    expect(reviewReasonFor(event("rating", 3, 5), rules)).toBeNull();
    expect(reviewReasonFor(event("rating", 4, 10), rules)).toBe("low_rating");
    expect(reviewReasonFor(event("rephrase", 0.8), rules)).toBe("rephrase");
    expect(reviewReasonFor(event("copy", null), rules)).toBeNull();
    expect(reviewReasonFor(event("thumb", 1), { ...rules, positiveSampleRate: 1 })).toBe("sampled_positive");
    expect(reviewReasonFor(event("thumb", 1), { ...rules, positiveSampleRate: 0 })).toBeNull();
    expect(reviewReasonFor(event("thumb", -1), { ...rules, thumbsDown: false })).toBeNull();
  });

  it("sample about the configured share of positive events, the same way every time", () => {
    const draws = Array.from({ length: 20_000 }, (_, i) => sampleDraw(`event-${i}`));
    expect(draws.filter((draw) => draw < 0.05).length / draws.length).toBeCloseTo(0.05, 2);
    expect(sampleDraw("event-7")).toBe(sampleDraw("event-7"));
  });

  it("rank by the worst reason first, then by cluster size", () => {
    expect(reviewPriority(["thumbs_down", "report"], 1)).toBe(5001);
    expect(reviewPriority(["thumbs_down"], 12)).toBe(4012);
    expect(reviewPriority(["thumbs_down"], 5000)).toBeLessThan(reviewPriority(["report"], 1));
    expect(reviewPriority(["sampled_positive"], 1)).toBe(1001);
  });
});

describe.each(await testDatabaseKinds())("review routing on %s", (kind) => {
  const test = useTestDatabase(kind);
  const items = (projectId: string) =>
    test.database.reviewItem.findMany({
      where: { projectId },
      orderBy: { traceId: "asc" },
      select: { traceId: true, priority: true, clusterId: true, signals: { select: { reason: true }, orderBy: { reason: "asc" } } },
    });

  it("makes one item per trace, attaches later signals, and never routes an event twice", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestTraces(test.database, project.id, [chat("t1", "Where is my parcel?"), chat("t2", "Do you sell tents?")]);
    await ingestFeedback(
      test.database,
      project.id,
      [feedback("t1", { type: "thumb", value: -1 }), feedback("t2", { type: "copy" }), feedback("t2", { type: "rating", value: 5 })],
      now,
    );
    await updateReviewRules(test.database, project.id, { positiveSampleRate: 0 });
    expect(await routeNewFeedback(test.database, project.id, now)).toBe(1);
    await ingestFeedback(test.database, project.id, [feedback("t1", { type: "report", category: "harmful" })], now);
    expect(await routeNewFeedback(test.database, project.id, now)).toBe(1);
    expect(await routeNewFeedback(test.database, project.id, now)).toBe(0);
    const [item] = await items(project.id);
    expect(item?.traceId).toBe("t1");
    expect(item?.signals.map((signal) => signal.reason)).toEqual(["report", "thumbs_down"]);
    expect(item?.priority).toBe(5001);
    expect(await items(project.id)).toHaveLength(1);
  });

  it("clusters near-duplicate negative prompts and ranks bigger clusters higher", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestTraces(test.database, project.id, [
      chat("a", "How do I reset my password for the online shop account?"),
      chat("b", "How can I reset my password for the online shop account?"),
      chat("c", "how do i reset my password for the online shop account"),
      chat("d", "Which payment methods do you accept for large orders?"),
    ]);
    await ingestFeedback(
      test.database,
      project.id,
      ["a", "b", "c", "d"].map((traceId) => feedback(traceId, { type: "thumb", value: -1 })),
      now,
    );
    await routeNewFeedback(test.database, project.id, now);
    const routed = await items(project.id);
    const clusterOf = Object.fromEntries(routed.map((item) => [item.traceId, item.clusterId]));
    expect(clusterOf.b).toBe(clusterOf.a);
    expect(clusterOf.c).toBe(clusterOf.a);
    expect(clusterOf.d).not.toBe(clusterOf.a);
    expect(Object.fromEntries(routed.map((item) => [item.traceId, item.priority]))).toEqual({ a: 4003, b: 4003, c: 4003, d: 4001 });
  });
});

describe.each(await testDatabaseKinds())("the review routing job on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("routes a project whose waiting feedback's trace arrived, though no feedback came since", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestFeedback(
      test.database,
      project.id,
      [feedback("j2", { type: "report", category: "other" })],
      new Date(Date.now() - 3_600_000),
    );
    await runReviewRoutingOnce(test.database, new Date(Date.now() - 1_800_000));
    await ingestTraces(test.database, project.id, [chat("j2", "Is the store open on Sunday?")]);
    await runReviewRoutingOnce(test.database, new Date());
    expect(await test.database.reviewItem.count({ where: { projectId: project.id, traceId: "j2" } })).toBe(1);
  });

  it("isolates a project whose routing fails: the others are routed and the failure is logged", async () => {
    const broken = await createProjectWithKeys(test.database);
    const healthy = await createProjectWithKeys(test.database);
    for (const { project } of [broken, healthy]) {
      await ingestTraces(test.database, project.id, [chat("iso", "Is the store open on Sunday?")]);
      await ingestFeedback(test.database, project.id, [feedback("iso", { type: "report", category: "other" })], now);
    }
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await runReviewRoutingOnce(test.database, now, async (database, projectId, at) => {
        if (projectId === broken.project.id) throw new Error("poisoned rows");
        return routeNewFeedback(database, projectId, at);
      });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(broken.project.id), expect.any(Error));
    } finally {
      logged.mockRestore();
    }
    expect(await test.database.reviewItem.count({ where: { projectId: healthy.project.id } })).toBe(1);
    expect(await test.database.reviewItem.count({ where: { projectId: broken.project.id } })).toBe(0);
  });

  it("routes every project with new feedback, and finds nothing more on the next pass", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestTraces(test.database, project.id, [chat("j1", "Is the store open on Sunday?")]);
    await ingestFeedback(test.database, project.id, [feedback("j1", { type: "report", category: "other" })], now);
    expect(await runReviewRoutingOnce(test.database, now)).toBeGreaterThanOrEqual(1);
    expect(await test.database.reviewItem.count({ where: { projectId: project.id } })).toBe(1);
    await runReviewRoutingOnce(test.database, now);
    expect(await test.database.reviewSignal.count({ where: { projectId: project.id } })).toBe(1);
  });
});

describe.each(await testDatabaseKinds())("feedback that arrives before its trace, on %s", (kind) => {
  const test = useTestDatabase(kind);
  // These compare feedback's received_at with the trace's arrival (the database clock).
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

  it("waits for its trace: no item until the trace arrives, then one, clustered with its near duplicates", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestTraces(test.database, project.id, [chat("known", "How do I reset my password for the online shop account?")]);
    await ingestFeedback(
      test.database,
      project.id,
      [feedback("known", { type: "thumb", value: -1 }), feedback("early", { type: "thumb", value: -1 })],
      hoursAgo(1),
    );
    expect(await routeNewFeedback(test.database, project.id, hoursAgo(0.5))).toBe(1);
    expect(await test.database.reviewItem.count({ where: { projectId: project.id, traceId: "early" } })).toBe(0);

    await ingestTraces(test.database, project.id, [chat("early", "How can I reset my password for the online shop account?")]);
    expect(await routeNewFeedback(test.database, project.id, new Date())).toBe(1);
    const items = await test.database.reviewItem.findMany({
      where: { projectId: project.id },
      select: { traceId: true, clusterId: true, priority: true },
    });
    const byTrace = Object.fromEntries(items.map((item) => [item.traceId, item]));
    expect(byTrace.early?.clusterId).toBe(byTrace.known?.clusterId);
    expect([byTrace.early?.priority, byTrace.known?.priority]).toEqual([4002, 4002]);
  });

  it("is skipped, never queued, when its trace arrives more than 24 h after it", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestFeedback(test.database, project.id, [feedback("late", { type: "report", category: "other" })], hoursAgo(25));
    await ingestFeedback(test.database, project.id, [feedback("on-time", { type: "report", category: "other" })], hoursAgo(23));
    expect(await routeNewFeedback(test.database, project.id, hoursAgo(22))).toBe(0);
    await ingestTraces(test.database, project.id, [chat("late", "Where is my parcel?"), chat("on-time", "Do you sell tents?")]);
    expect(await routeNewFeedback(test.database, project.id, new Date())).toBe(1);
    const items = await test.database.reviewItem.findMany({ where: { projectId: project.id }, select: { traceId: true } });
    expect(items).toEqual([{ traceId: "on-time" }]);
  });

  it("for traces that never come, creates nothing and is not read again on later passes", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const flood = Array.from({ length: 300 }, (_, i) => feedback(`missing-${i}`, { type: "thumb", value: -1 }));
    await ingestFeedback(test.database, project.id, flood, hoursAgo(1));
    expect(await routeNewFeedback(test.database, project.id, hoursAgo(0.5))).toBe(0);
    expect(await runReviewRoutingOnce(test.database, new Date())).toBe(0);
    expect(await test.database.reviewItem.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("routes every event of a backlog larger than one page, even when a page ends inside a batch", { timeout: 60_000 }, async () => {
    const { project } = await createProjectWithKeys(test.database);
    const traces = Array.from({ length: 2_050 }, (_, i) => chat(`bt-${i}`, `Question ${i}`));
    for (let i = 0; i < traces.length; i += 500) await ingestTraces(test.database, project.id, traces.slice(i, i + 500));
    await updateReviewRules(test.database, project.id, { maxNewItemsPerHour: 5_000 });
    const events = Array.from({ length: 2_050 }, (_, i) => ({
      id: `b-${i}`,
      type: "report",
      category: "other",
      traceId: `bt-${i}`,
      timestamp: now.toISOString(),
    }));
    for (let i = 0; i < events.length; i += 100) await ingestFeedback(test.database, project.id, events.slice(i, i + 100), now);
    expect(await routeNewFeedback(test.database, project.id, new Date(now.getTime() + 3_600_000))).toBe(2_050);
  });
});

describe.each(await testDatabaseKinds())("the hourly cap on new review items, on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("creates at most maxNewItemsPerHour items, complaints first; signals on existing items still attach; the next hour has a new budget", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await updateReviewRules(test.database, project.id, { maxNewItemsPerHour: 2, positiveSampleRate: 1 });
    await ingestTraces(
      test.database,
      project.id,
      ["c1", "c2", "c3", "c4"].map((id) => chat(id, `Question ${id}`)),
    );
    // After the traces arrived (by the same clock), so later passes do not take them for new arrivals.
    const start = new Date();
    await ingestFeedback(
      test.database,
      project.id,
      [
        feedback("c1", { type: "thumb", value: 1 }),
        feedback("c2", { type: "thumb", value: -1 }),
        feedback("c3", { type: "report", category: "other" }),
      ],
      start,
    );
    expect(await routeNewFeedback(test.database, project.id, start)).toBe(2);
    const queued = async () =>
      (await test.database.reviewItem.findMany({ where: { projectId: project.id }, select: { traceId: true } }))
        .map((item) => item.traceId)
        .sort();
    expect(await queued()).toEqual(["c2", "c3"]);

    // Later, past the re-read window: a signal on an existing item attaches, a new trace waits for budget.
    const later = new Date(start.getTime() + 5 * 60_000);
    await ingestFeedback(
      test.database,
      project.id,
      [feedback("c2", { type: "report", category: "other" }), feedback("c4", { type: "thumb", value: -1 })],
      later,
    );
    expect(await routeNewFeedback(test.database, project.id, later)).toBe(1);
    expect(await queued()).toEqual(["c2", "c3"]);

    // The next hour: c4's events (still in the re-read window) make its item; c1's sampled
    // praise, passed over an hour ago, is not queued.
    const nextHour = new Date(later.getTime() + 3_600_000);
    await ingestFeedback(
      test.database,
      project.id,
      [feedback("c4", { type: "report", category: "other" })],
      new Date(later.getTime() + 60_000),
    );
    expect(await routeNewFeedback(test.database, project.id, nextHour)).toBe(2);
    expect(await queued()).toEqual(["c2", "c3", "c4"]);
  });
});
