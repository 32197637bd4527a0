import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createApiRoute, type RouteDependencies } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import { annotateRoute, claimRoute } from "@/server/review/reviewRoutes";
import { projectAgreement } from "@/server/review/agreementQueries";
import { routeNewFeedback } from "@/server/review/routeFeedback";
import { updateReviewRules } from "@/server/review/reviewRules";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { annotationInputSchema } from "@/contracts/review";
import type { Database } from "@/server/db/client";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys, signedIn } from "@/test/factories";

const base = "http://liveloop.test";
const now = new Date("2026-11-27T12:00:00Z");

describe("the annotation contract", () => {
  it("asks a failure category of a corrected failure only", () => {
    expect(annotationInputSchema.safeParse({ severity: "low", decision: "good_example" }).success).toBe(true);
    expect(annotationInputSchema.safeParse({ severity: "low", decision: "dismiss" }).success).toBe(true);
    const failure = annotationInputSchema.safeParse({ severity: "low", decision: "corrected_failure", correctedResponse: "Better." });
    expect(failure.success).toBe(false);
    expect(failure.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["category", "A corrected failure needs a failure category"],
    ]);
  });
});

/** A project with `count` thumbs-down traces in its queue, and a way to call a route as one of its members. */
async function projectWithQueue(database: Database, count: number) {
  const { project } = await createProjectWithKeys(database);
  await ingestTraces(
    database,
    project.id,
    Array.from({ length: count }, (_, i) => ({
      id: `t-${i}`,
      startTime: "2026-11-27T11:00:00.000Z",
      input: [{ role: "user", content: `Question ${i} on a subject of its own ${i * 7919}` }],
      output: `Answer ${i}`,
    })),
  );
  await ingestFeedback(
    database,
    project.id,
    Array.from({ length: count }, (_, i) => ({ id: `f-${i}`, type: "thumb", value: -1, traceId: `t-${i}`, timestamp: now.toISOString() })),
    now,
  );
  await routeNewFeedback(database, project.id, now);
  return project.id;
}

describe.each(await testDatabaseKinds())("labelling through the API on %s", (kind) => {
  const test = useTestDatabase(kind);

  /** The claim and annotate endpoints as `user` calls them, through the real wrapper (session auth, permission, body parsing). */
  function asMember(user: { id: string; email: string }, projectId: string) {
    const dependencies: RouteDependencies = {
      database: () => test.database,
      rateLimiter: () => createRateLimiter(100_000),
      sessionUser: () => Promise.resolve(signedIn(user)),
      now: () => now,
    };
    const apiRoute = createApiRoute(dependencies);
    const [claimHandler, annotateHandler] = [apiRoute(claimRoute), apiRoute(annotateRoute)];
    const request = (method: string, body?: unknown) =>
      new NextRequest(`${base}/x`, {
        method,
        headers: { origin: base, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    return {
      claim: async () => {
        const response = await claimHandler(request("POST"), { params: Promise.resolve({ projectId }) });
        expect(response.status).toBe(200);
        return ((await response.json()) as { id: string }).id;
      },
      annotate: (itemId: string, body: Record<string, unknown>) =>
        annotateHandler(request("PUT", body), { params: Promise.resolve({ projectId, itemId }) }),
    };
  }

  it("saves a good example and a dismissal without a failure category, and still asks one of a corrected failure", async () => {
    const projectId = await projectWithQueue(test.database, 3);
    const { claim, annotate } = asMember(await addMemberWithRole(test.database, projectId, "annotator"), projectId);

    const good = await claim();
    const goodResponse = await annotate(good, { severity: "low", decision: "good_example" });
    expect(goodResponse.status).toBe(200);
    expect(await goodResponse.json()).toEqual({ status: "done" });

    const dismissed = await claim();
    const dismissResponse = await annotate(dismissed, { severity: "low", decision: "dismiss", notes: "Test traffic" });
    expect(dismissResponse.status).toBe(200);
    expect(await dismissResponse.json()).toEqual({ status: "dismissed" });

    const failure = await claim();
    const refused = await annotate(failure, { severity: "high", decision: "corrected_failure", correctedResponse: "The right answer." });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("A corrected failure needs a failure category");
    const unknown = await annotate(failure, { category: "made_up", severity: "high", decision: "good_example" });
    expect(unknown.status).toBe(400);

    const annotations = await test.database.annotation.findMany({
      where: { projectId },
      select: { itemId: true, category: true, decision: true },
    });
    expect(annotations).toHaveLength(2);
    expect(annotations.every((annotation) => annotation.category === null)).toBe(true);
    // The good example went to the dataset as it was answered, with no category; the dismissal did not.
    const examples = await test.database.datasetItem.findMany({
      where: { dataset: { projectId } },
      select: { externalId: true, expectedOutput: true, rejectedOutput: true, category: true },
    });
    expect(examples).toHaveLength(1);
    expect(examples[0]).toMatchObject({ externalId: good, rejectedOutput: null, category: null });
    expect(examples[0]?.expectedOutput).toMatch(/^Answer \d$/);
    // The verdicts are scores too (for comparing evaluators with people); a dismissal gives none.
    const verdicts = await test.database.score.findMany({
      where: { projectId },
      select: { name: true, value: true, source: true, traceId: true },
    });
    const goodTrace = await test.database.reviewItem.findUniqueOrThrow({ where: { id: good }, select: { traceId: true } });
    expect(verdicts).toEqual([{ name: "human_verdict", value: 1, source: "annotation", traceId: goodTrace.traceId }]);
  });

  it("counts 'no failure' as an answer of its own when annotators compare", async () => {
    const projectId = await projectWithQueue(test.database, 1);
    await updateReviewRules(test.database, projectId, { annotationsPerItem: 2 });
    const [first, second] = await Promise.all([1, 2].map(() => addMemberWithRole(test.database, projectId, "annotator")));
    if (!first || !second) throw new Error("no annotators");
    const [one, two] = [asMember(first, projectId), asMember(second, projectId)];
    const itemId = await one.claim();
    expect((await one.annotate(itemId, { severity: "low", decision: "good_example" })).status).toBe(200);
    expect(await two.claim()).toBe(itemId);
    const body = { category: "hallucination", severity: "high", decision: "corrected_failure", correctedResponse: "Right." };
    expect((await two.annotate(itemId, body)).status).toBe(200);

    const agreement = await projectAgreement(test.database, projectId);
    expect(agreement.items).toBe(1);
    expect(agreement.disagreements).toHaveLength(1);
    expect(agreement.disagreements[0]?.labels.map((label) => label.category).sort()).toEqual(["hallucination", null]);
  });
});
