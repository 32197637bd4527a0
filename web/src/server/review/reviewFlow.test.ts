import { describe, expect, it } from "vitest";
import { claimNextReviewItem, leaseMs, releaseItem, renewLease } from "@/server/review/reviewLeases";
import { annotateItem } from "@/server/review/annotateItem";
import { projectAgreement } from "@/server/review/agreementQueries";
import { adjudicateItem } from "@/server/review/adjudicate";
import { listReviewItems } from "@/server/review/reviewQueries";
import { routeNewFeedback } from "@/server/review/routeFeedback";
import { updateReviewRules } from "@/server/review/reviewRules";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { annotationInputSchema, reviewItemListQuerySchema } from "@/contracts/review";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys } from "@/test/factories";
import type { Database } from "@/server/db/client";

const now = new Date("2026-11-27T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

/** A project with `count` thumbs-down traces routed into its queue. */
async function projectWithQueue(database: Database, count: number) {
  const keys = await createProjectWithKeys(database);
  const projectId = keys.project.id;
  await ingestTraces(
    database,
    projectId,
    Array.from({ length: count }, (_, i) => ({
      id: `t-${i}`,
      startTime: "2026-11-27T11:00:00.000Z",
      model: "gpt-4o-mini",
      release: "v7",
      input: [
        { role: "system", content: "You are the shop assistant." },
        { role: "user", content: `Question number ${i} about something entirely different ${i * 7919}` },
      ],
      output: `Wrong answer ${i}`,
    })),
  );
  await ingestFeedback(
    database,
    projectId,
    Array.from({ length: count }, (_, i) => ({
      id: `f-${i}`,
      type: "thumb",
      value: -1,
      traceId: `t-${i}`,
      timestamp: "2026-11-27T11:01:00.000Z",
    })),
    now,
  );
  await routeNewFeedback(database, projectId, now);
  return { ...keys, projectId };
}

const label = (fields: Record<string, unknown> = {}) =>
  annotationInputSchema.parse({
    category: "hallucination",
    severity: "high",
    decision: "corrected_failure",
    correctedResponse: "The right answer.",
    ...fields,
  });

describe.each(await testDatabaseKinds())("working the review queue on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("never gives one item to two annotators claiming at the same time", async () => {
    const { projectId } = await projectWithQueue(test.database, 24);
    const annotators = await Promise.all(Array.from({ length: 30 }, () => addMemberWithRole(test.database, projectId, "annotator")));
    const claims = await Promise.all(annotators.map((annotator) => claimNextReviewItem(test.database, projectId, annotator.id, now)));
    const ids = claims.flatMap((claim) => (claim ? [claim.id] : []));
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
    const leased = await test.database.reviewItem.findMany({ where: { projectId, status: "in_review" }, select: { leasedById: true } });
    expect(new Set(leased.map((item) => item.leasedById)).size).toBe(24);
  });

  it("hands out the highest priority first, keeps a held item with its annotator, and frees it when the lease runs out", async () => {
    const { projectId } = await projectWithQueue(test.database, 3);
    await ingestFeedback(
      test.database,
      projectId,
      [{ id: "r", type: "report", category: "harmful", traceId: "t-2", timestamp: now.toISOString() }],
      now,
    );
    await routeNewFeedback(test.database, projectId, now);
    const alice = await addMemberWithRole(test.database, projectId, "annotator");
    const bob = await addMemberWithRole(test.database, projectId, "annotator");
    const first = await claimNextReviewItem(test.database, projectId, alice.id, now);
    const top = await test.database.reviewItem.findFirstOrThrow({ where: { projectId, traceId: "t-2" }, select: { id: true } });
    expect(first?.id).toBe(top.id);
    expect((await claimNextReviewItem(test.database, projectId, alice.id, later(1000)))?.id).toBe(top.id);
    expect((await claimNextReviewItem(test.database, projectId, bob.id, later(1000)))?.id).not.toBe(top.id);
    await renewLease(test.database, projectId, top.id, alice.id, later(5 * 60_000));
    expect((await claimNextReviewItem(test.database, projectId, bob.id, later(leaseMs + 1000)))?.id).not.toBe(top.id);

    // Alice walks away; after her lease ends Bob gets it, and her late save changes nothing.
    const expired = later(5 * 60_000 + leaseMs + 1);
    await releaseItem(test.database, projectId, (await claimNextReviewItem(test.database, projectId, bob.id, expired))?.id ?? "", bob.id);
    const taken = await claimNextReviewItem(test.database, projectId, bob.id, expired);
    expect(taken?.id).toBe(top.id);
    await expect(annotateItem(test.database, projectId, top.id, alice.id, label())).rejects.toMatchObject({ status: 409 });
    expect(await test.database.annotation.count({ where: { itemId: top.id } })).toBe(0);
  });

  it("saves the verdict, records every change, and puts the corrected example in the dataset", async () => {
    const { projectId } = await projectWithQueue(test.database, 1);
    const annotator = await addMemberWithRole(test.database, projectId, "annotator");
    const claimed = await claimNextReviewItem(test.database, projectId, annotator.id, now);
    const itemId = claimed?.id ?? "";
    expect(await annotateItem(test.database, projectId, itemId, annotator.id, label({ notes: "made up a policy" }))).toEqual({
      status: "done",
    });
    const [item] = await listReviewItems(test.database, projectId, reviewItemListQuerySchema.parse({ traceId: "t-0" }));
    expect(item).toMatchObject({ status: "done", reasons: ["thumbs_down"], leasedBy: null, clusterSize: 1 });
    expect(item?.annotations).toMatchObject([
      { category: "hallucination", severity: "high", decision: "corrected_failure", notes: "made up a policy" },
    ]);
    const byCategory = (category: string) => listReviewItems(test.database, projectId, reviewItemListQuerySchema.parse({ category }));
    expect((await byCategory("hallucination")).map((found) => found.id)).toEqual([itemId]);
    expect(await byCategory("formatting")).toEqual([]);
    const byTrace = (fields: Record<string, string>) => listReviewItems(test.database, projectId, reviewItemListQuerySchema.parse(fields));
    expect((await byTrace({ model: "gpt-4o-mini", release: "v7" })).map((found) => found.id)).toEqual([itemId]);
    expect(await byTrace({ model: "claude" })).toEqual([]);

    const example = await test.database.datasetItem.findFirstOrThrow({
      where: { projectId },
      select: { input: true, expectedOutput: true, rejectedOutput: true, provenance: true, dataset: { select: { name: true } } },
    });
    expect(example).toMatchObject({
      dataset: { name: "golden" },
      input: [
        { role: "system", content: "You are the shop assistant." },
        { role: "user", content: "Question number 0 about something entirely different 0" },
      ],
      expectedOutput: "The right answer.",
      rejectedOutput: "Wrong answer 0",
      provenance: { traceId: "t-0", feedbackIds: ["f-0"], annotatorId: annotator.id, model: "gpt-4o-mini", release: "v7" },
    });

    // An owner re-opens it for the annotator; the second save is a revision with the before and after.
    await test.database.reviewItem.update({
      where: { id: itemId },
      data: { status: "in_review", leasedById: annotator.id, leaseExpiresAt: later(60_000) },
    });
    await annotateItem(test.database, projectId, itemId, annotator.id, label({ decision: "good_example", correctedResponse: undefined }));
    const revisions = await test.database.annotationRevision.findMany({
      where: { projectId },
      orderBy: { createdAt: "asc" },
      select: { before: true, after: true },
    });
    expect(revisions).toHaveLength(2);
    expect(revisions[0]?.before).toBeNull();
    expect(revisions[1]).toMatchObject({ before: { decision: "corrected_failure" }, after: { decision: "good_example" } });
    // A good example keeps the original answer as the expected one, with nothing rejected.
    expect(
      await test.database.datasetItem.findFirstOrThrow({ where: { projectId }, select: { expectedOutput: true, rejectedOutput: true } }),
    ).toEqual({
      expectedOutput: "Wrong answer 0",
      rejectedOutput: null,
    });
  });

  it("promotes a conversation with tool calls whole, the answer's tool calls included, and refuses one that breaks the rule", async () => {
    const { projectId } = await projectWithQueue(test.database, 0);
    const call = (id: string, city: string) => ({
      id,
      type: "function",
      function: { name: "get_weather", arguments: `{"city":"${city}"}` },
    });
    const question = { role: "user", content: "Weather in Paris, then Lyon?" };
    const first = { role: "assistant", content: null, tool_calls: [call("call_1", "Paris")] };
    const result = { role: "tool", tool_call_id: "call_1", content: '{"temperature":18}' };
    const next = { role: "assistant", content: null, tool_calls: [call("call_2", "Lyon")] };
    await ingestTraces(test.database, projectId, [
      { id: "tools", startTime: "2026-11-27T11:00:00.000Z", input: [question, first, result], output: [next] },
      { id: "legacy", startTime: "2026-11-27T11:00:00.000Z", input: [question], output: "Sunny." },
    ]);
    // A trace stored before the rule existed: a tool result that answers no call.
    await test.database.trace.update({
      where: { projectId_id: { projectId, id: "legacy" } },
      data: { input: [question, { role: "tool", content: "18" }] },
    });
    await ingestFeedback(
      test.database,
      projectId,
      ["tools", "legacy"].map((traceId) => ({
        id: `f-${traceId}`,
        type: "thumb",
        value: -1,
        traceId,
        timestamp: "2026-11-27T11:01:00.000Z",
      })),
      now,
    );
    await routeNewFeedback(test.database, projectId, now);
    const annotator = await addMemberWithRole(test.database, projectId, "annotator");
    const itemOf = async (traceId: string) => {
      const item = await test.database.reviewItem.findFirstOrThrow({ where: { projectId, traceId }, select: { id: true } });
      await test.database.reviewItem.update({
        where: { id: item.id },
        data: { status: "in_review", leasedById: annotator.id, leaseExpiresAt: later(60_000) },
      });
      return item.id;
    };
    const example = () =>
      test.database.datasetItem.findFirstOrThrow({
        where: { projectId },
        select: { input: true, expectedOutput: true, expectedToolCalls: true, rejectedOutput: true, rejectedToolCalls: true },
      });

    const tools = await itemOf("tools");
    await annotateItem(
      test.database,
      projectId,
      tools,
      annotator.id,
      label({ decision: "good_example", category: undefined, correctedResponse: undefined }),
    );
    expect(await example()).toEqual({
      input: [question, first, result],
      expectedOutput: "",
      expectedToolCalls: next.tool_calls,
      rejectedOutput: null,
      rejectedToolCalls: null,
    });
    // Corrected: the text answer is expected, the tool call it made is the rejected one.
    await itemOf("tools");
    await annotateItem(test.database, projectId, tools, annotator.id, label({ correctedResponse: "It is 18 °C in Paris." }));
    expect(await example()).toEqual({
      input: [question, first, result],
      expectedOutput: "It is 18 °C in Paris.",
      expectedToolCalls: null,
      rejectedOutput: "",
      rejectedToolCalls: next.tool_calls,
    });

    const legacy = await itemOf("legacy");
    await expect(annotateItem(test.database, projectId, legacy, annotator.id, label())).rejects.toMatchObject({
      status: 400,
      issues: [
        { path: ["input", "1", "tool_call_id"], message: "a tool message needs the tool_call_id of the assistant tool call it answers" },
      ],
    });
    expect(await test.database.annotation.count({ where: { itemId: legacy } })).toBe(0);
    expect(await test.database.datasetItem.count({ where: { projectId } })).toBe(1);
  });

  it("refuses to keep an empty answer as a good example, and keeps no empty rejected answer for a correction", async () => {
    const { projectId } = await projectWithQueue(test.database, 1);
    await test.database.trace.update({ where: { projectId_id: { projectId, id: "t-0" } }, data: { output: " " } });
    const annotator = await addMemberWithRole(test.database, projectId, "annotator");
    const itemId = (await claimNextReviewItem(test.database, projectId, annotator.id, now))?.id ?? "";
    await expect(
      annotateItem(
        test.database,
        projectId,
        itemId,
        annotator.id,
        label({ decision: "good_example", category: undefined, correctedResponse: undefined }),
      ),
    ).rejects.toMatchObject({ status: 400 });
    expect(await test.database.datasetItem.count({ where: { projectId } })).toBe(0);
    await annotateItem(test.database, projectId, itemId, annotator.id, label());
    expect(await test.database.datasetItem.findFirstOrThrow({ where: { projectId }, select: { rejectedOutput: true } })).toEqual({
      rejectedOutput: null,
    });
  });

  it("needs N independent annotations when the project asks for them", async () => {
    const { projectId } = await projectWithQueue(test.database, 1);
    await updateReviewRules(test.database, projectId, { annotationsPerItem: 2 });
    const [first, second] = [
      await addMemberWithRole(test.database, projectId, "annotator"),
      await addMemberWithRole(test.database, projectId, "annotator"),
    ];
    const itemId = (await claimNextReviewItem(test.database, projectId, first.id, now))?.id ?? "";
    expect(await annotateItem(test.database, projectId, itemId, first.id, label())).toEqual({ status: "open" });
    expect(await claimNextReviewItem(test.database, projectId, first.id, now)).toBeNull();
    expect((await claimNextReviewItem(test.database, projectId, second.id, now))?.id).toBe(itemId);
    expect(
      await annotateItem(test.database, projectId, itemId, second.id, label({ decision: "dismiss", correctedResponse: undefined })),
    ).toEqual({ status: "done" });
  });

  it("refuses a category outside the project's taxonomy and a correction over 100 000 characters", async () => {
    const { projectId } = await projectWithQueue(test.database, 1);
    const annotator = await addMemberWithRole(test.database, projectId, "annotator");
    const itemId = (await claimNextReviewItem(test.database, projectId, annotator.id, now))?.id ?? "";
    await expect(annotateItem(test.database, projectId, itemId, annotator.id, label({ category: "vibes" }))).rejects.toMatchObject({
      status: 400,
    });
    expect(
      annotationInputSchema.safeParse({
        category: "other",
        severity: "low",
        decision: "corrected_failure",
        correctedResponse: "x".repeat(100_001),
      }).success,
    ).toBe(false);
  });
});

describe.each(await testDatabaseKinds())("annotator agreement on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("computes kappa per pair and lists the items the annotators disagree on", async () => {
    const { projectId } = await projectWithQueue(test.database, 3);
    await updateReviewRules(test.database, projectId, { annotationsPerItem: 2 });
    const annie = await addMemberWithRole(test.database, projectId, "annotator");
    const bert = await addMemberWithRole(test.database, projectId, "annotator");
    // Worked out by hand: pairs (x,x) (y,z) (x,y); p_o = 1/3; p_e = 2/3*1/3 + 1/3*1/3 = 1/3; kappa = 0.
    const labels: Record<string, [string, string]> = {
      "t-0": ["hallucination", "hallucination"],
      "t-1": ["formatting", "refusal"],
      "t-2": ["hallucination", "formatting"],
    };
    for (const [index, annotator] of [annie, bert].entries()) {
      for (let i = 0; i < 3; i++) {
        const claimed = await claimNextReviewItem(test.database, projectId, annotator.id, now);
        const item = await test.database.reviewItem.findUniqueOrThrow({ where: { id: claimed?.id ?? "" }, select: { traceId: true } });
        const category = labels[item.traceId]?.[index] ?? "other";
        await annotateItem(
          test.database,
          projectId,
          claimed?.id ?? "",
          annotator.id,
          label({ category, decision: "dismiss", correctedResponse: undefined }),
        );
      }
    }
    const agreement = await projectAgreement(test.database, projectId);
    expect(agreement.items).toBe(3);
    expect(agreement.pairs).toHaveLength(1);
    expect(agreement.pairs[0]?.kappa).toBeCloseTo(0, 12);
    expect(agreement.disagreements.map((item) => item.traceId).sort()).toEqual(["t-1", "t-2"]);

    // An owner settles t-1; t-0, where they agreed, needs no settling.
    const owner = await addMemberWithRole(test.database, projectId, "owner");
    const itemOf = (traceId: string) => test.database.reviewItem.findFirstOrThrow({ where: { projectId, traceId }, select: { id: true } });
    await adjudicateItem(test.database, projectId, (await itemOf("t-1")).id, owner.id, "formatting", now);
    expect((await projectAgreement(test.database, projectId)).disagreements.map((item) => item.traceId)).toEqual(["t-2"]);
    await expect(adjudicateItem(test.database, projectId, (await itemOf("t-0")).id, owner.id, "formatting", now)).rejects.toMatchObject({
      status: 409,
    });
  });
});
