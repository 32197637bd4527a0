import { describe, expect, it } from "vitest";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { runReviewRoutingOnce } from "@/server/review/reviewRoutingJob";
import { describeRoutingFreshness, formatAge } from "@/server/review/reviewQueries";
import { loadReviewQueue } from "@/server/review/reviewQueueView";
import { excerpt } from "@/server/review/conversation";
import { loadReviewItem } from "@/server/review/reviewItemView";
import { claimNextReviewItem } from "@/server/review/reviewLeases";
import { annotateItem } from "@/server/review/annotateItem";
import { annotationInputSchema } from "@/contracts/review";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys } from "@/test/factories";

describe("the queue's freshness line", () => {
  it("says how far routing got and how long ago, in the largest readable unit", () => {
    const now = new Date("2026-11-27T12:03:14Z");
    const routedUntil = new Date("2026-11-27T12:03:10Z");
    expect(describeRoutingFreshness({ routedUntil, newerFeedback: false }, now)).toBe(
      "Routed up to 12:03:10 UTC, 4 s ago: all feedback received so far has been routed.",
    );
    expect(describeRoutingFreshness({ routedUntil, newerFeedback: true }, now)).toMatch(
      /^Routed up to 12:03:10 UTC, 4 s ago; newer feedback/,
    );
    expect(describeRoutingFreshness({ routedUntil: null, newerFeedback: false }, now)).toBe("No feedback yet.");
    expect([0, 59_999, 60_000, 3_599_999, 3_600_000, 48 * 3_600_000 - 1, 48 * 3_600_000, -5].map(formatAge)).toEqual([
      "0 s",
      "59 s",
      "1 min",
      "59 min",
      "1 h",
      "47 h",
      "2 d",
      "0 s",
    ]);
  });

  it("shortens long text at a word, on one line", () => {
    expect(excerpt("Where is\n my   parcel?")).toBe("Where is my parcel?");
    expect(excerpt("one two three four five", 16)).toBe("one two three…");
    // No word break late enough: cut mid-word rather than lose most of the room.
    expect(excerpt("one extraordinarily long word", 12)).toBe("one extraord…");
  });
});

describe.each(await testDatabaseKinds())("the review queue's view on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("only reads, and shows each item's question, answer, feedback and a readable priority", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    const viewer = { userId: owner.id, role: "owner" as const };
    const received = new Date(Date.now() - 60_000);
    await ingestTraces(test.database, project.id, [
      { id: "t-1", startTime: received.toISOString(), input: [{ role: "user", content: "Where is my parcel?" }], output: "No idea." },
    ]);
    await ingestFeedback(
      test.database,
      project.id,
      [
        { id: "f-1", type: "thumb", value: -1, traceId: "t-1", timestamp: received.toISOString() },
        { id: "f-2", type: "reasons", reasons: ["off_topic"], traceId: "t-1", timestamp: received.toISOString() },
        { id: "f-3", type: "comment", comment: "Useless", traceId: "t-1", timestamp: received.toISOString() },
      ],
      received,
    );
    const load = () => loadReviewQueue(test.database, project.id, viewer, {}, new Date());

    const before = await load();
    expect(await test.database.reviewItem.count({ where: { projectId: project.id } })).toBe(0);
    expect(await test.database.reviewRoutingState.count({ where: { projectId: project.id } })).toBe(0);
    expect(before.freshness).toMatch(/first pass/);
    expect(before.rows).toEqual([]);

    const routedAt = new Date();
    await runReviewRoutingOnce(test.database, routedAt);
    const after = await load();
    expect(after.freshness).toMatch(new RegExp(`^Routed up to ${routedAt.toISOString().slice(11, 19)} UTC, \\d+ s ago: all feedback`));
    expect(after.rows).toHaveLength(1);
    expect(after.rows[0]).toMatchObject({
      question: "Where is my parcel?",
      answer: "No idea.",
      priority: { level: "high", similar: 1 },
      reasons: ["thumbs_down"],
      status: "open",
      feedback: { thumb: "down", reasons: ["off_topic"], comments: ["Useless"] },
      verdicts: [],
    });
    expect(after.progress).toMatchObject({ leftInQueue: 1, inReview: 0, doneToday: 0, labelledByYouToday: 0 });
    expect(after.query.status).toBe("open");
  });

  it("shows the verdicts on the done list, the viewer's progress today, and reports an invalid filter", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const annotator = await addMemberWithRole(test.database, project.id, "annotator");
    const other = await addMemberWithRole(test.database, project.id, "annotator");
    const now = new Date();
    await ingestTraces(
      test.database,
      project.id,
      ["t-1", "t-2"].map((id) => ({ id, startTime: now.toISOString(), input: `Question ${id}`, output: `Answer ${id}` })),
    );
    await ingestFeedback(
      test.database,
      project.id,
      ["t-1", "t-2"].map((traceId) => ({ id: `f-${traceId}`, type: "thumb", value: -1, traceId, timestamp: now.toISOString() })),
      now,
    );
    await runReviewRoutingOnce(test.database, now);
    const mine = await claimNextReviewItem(test.database, project.id, annotator.id, now);
    const theirs = await claimNextReviewItem(test.database, project.id, other.id, now);
    if (!mine || !theirs) throw new Error("nothing to claim");
    await annotateItem(
      test.database,
      project.id,
      mine.id,
      annotator.id,
      annotationInputSchema.parse({ severity: "low", decision: "good_example" }),
    );
    await annotateItem(
      test.database,
      project.id,
      theirs.id,
      other.id,
      annotationInputSchema.parse({
        category: "hallucination",
        severity: "high",
        decision: "corrected_failure",
        correctedResponse: "Right.",
      }),
    );

    // Labelled yesterday, touched today by routing (re-prioritising its cluster): not done today.
    const yesterday = new Date(now.getTime() - 36 * 3_600_000);
    const earlier = await test.database.reviewItem.create({
      data: { projectId: project.id, traceId: "t-old", priority: 1, status: "done", updatedAt: now },
      select: { id: true },
    });
    await test.database.annotation.create({
      data: {
        projectId: project.id,
        itemId: earlier.id,
        annotatorId: other.id,
        severity: "low",
        decision: "dismiss",
        updatedAt: yesterday,
      },
    });

    const done = await loadReviewQueue(test.database, project.id, { userId: annotator.id, role: "annotator" }, { status: "done" }, now);
    expect(done.progress).toMatchObject({ leftInQueue: 0, doneToday: 2, labelledByYouToday: 1 });
    const byId = new Map(done.rows.map((row) => [row.id, row]));
    expect(byId.get(mine.id)).toMatchObject({ verdicts: [{ decision: "good_example", category: null }], hiddenVerdicts: 0 });
    // Labels stay independent: another annotator's verdict is counted, not shown.
    expect(byId.get(theirs.id)).toMatchObject({ verdicts: [], hiddenVerdicts: 1 });

    // Filtering by category cannot reveal who labelled what: an annotator filters their own labels only.
    const byCategory = { status: "done", category: "hallucination" };
    const annotatorView = await loadReviewQueue(test.database, project.id, { userId: annotator.id, role: "annotator" }, byCategory, now);
    expect(annotatorView.rows).toEqual([]);
    const owner = await addMemberWithRole(test.database, project.id, "owner");
    const ownerView = await loadReviewQueue(test.database, project.id, { userId: owner.id, role: "owner" }, byCategory, now);
    expect(ownerView.rows.map((row) => row.id)).toEqual([theirs.id]);

    // An invalid filter is reported, and the queue still opens on what is waiting (none: both are done).
    const bad = await loadReviewQueue(test.database, project.id, { userId: annotator.id, role: "annotator" }, { status: "lost" }, now);
    expect(bad.filterError).toMatch(/^status:/);
    expect(bad.query.status).toBe("open");
    expect(bad.rows).toEqual([]);
  });

  it("gives the item page the conversation once, the feedback, and null for an unknown item", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    const now = new Date();
    await ingestTraces(test.database, project.id, [
      {
        id: "t-1",
        startTime: now.toISOString(),
        input: [
          { role: "system", content: "Be kind." },
          { role: "user", content: "Can I pay with a gift card?" },
        ],
        output: "Yes.",
      },
    ]);
    await ingestFeedback(
      test.database,
      project.id,
      [{ id: "f-1", type: "report", category: "incorrect", comment: "Not true", traceId: "t-1", timestamp: now.toISOString() }],
      now,
    );
    await runReviewRoutingOnce(test.database, now);
    const item = await claimNextReviewItem(test.database, project.id, owner.id, now);
    if (!item) throw new Error("nothing to claim");
    const view = await loadReviewItem(test.database, project.id, item.id, { userId: owner.id, role: "owner" });
    expect(view).toMatchObject({
      heldByMe: true,
      canAnnotate: true,
      canAdjudicate: false,
      reasons: ["report"],
      trace: {
        messages: [{ role: "system" }, { role: "user", content: "Can I pay with a gift card?" }],
        answer: { role: "assistant", content: "Yes." },
      },
      feedback: { reports: [{ category: "incorrect", comment: "Not true" }] },
    });
    expect(
      await loadReviewItem(test.database, project.id, "00000000-0000-4000-8000-000000000000", { userId: owner.id, role: "owner" }),
    ).toBeNull();
  });
});
