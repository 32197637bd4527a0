import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createApiRoute, type RouteDependencies } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import type { SessionUser } from "@/server/auth/session";
import { adjudicateRoute } from "@/server/review/reviewRoutes";
import { projectAgreement } from "@/server/review/agreementQueries";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys } from "@/test/factories";

const base = "http://liveloop.test";

describe.each(await testDatabaseKinds())("adjudication through the API on %s", (kind) => {
  const test = useTestDatabase(kind);

  /** PUT .../adjudication as `user`, through the real route wrapper. */
  const settleAs = (projectId: string, user: { id: string; email: string } | undefined, itemId: string, body: unknown) => {
    const session: SessionUser = {
      id: user?.id ?? "",
      email: user?.email ?? "",
      name: null,
      isInstanceAdmin: false,
      sessionId: randomUUID(),
    };
    const dependencies: RouteDependencies = {
      database: () => test.database,
      rateLimiter: () => createRateLimiter(100_000),
      sessionUser: () => Promise.resolve(session),
      now: () => new Date(),
    };
    const request = new NextRequest(`${base}/x`, {
      method: "PUT",
      headers: { origin: base, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return createApiRoute(dependencies)(adjudicateRoute)(request, { params: Promise.resolve({ projectId, itemId }) });
  };

  it("lets owners and admins settle a disagreement, and refuses annotators", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    const [ann, bo] = await Promise.all([1, 2].map(() => addMemberWithRole(test.database, project.id, "annotator")));
    const admin = await addMemberWithRole(test.database, project.id, "admin");
    const items = await Promise.all(
      ["t-0", "t-1"].map((traceId) =>
        test.database.reviewItem.create({ data: { projectId: project.id, traceId, priority: 1, status: "done" }, select: { id: true } }),
      ),
    );
    for (const item of items) {
      for (const [annotator, category] of [
        [ann, "hallucination"],
        [bo, "formatting"],
      ] as const) {
        await test.database.annotation.create({
          data: {
            projectId: project.id,
            itemId: item.id,
            annotatorId: annotator?.id ?? "",
            category,
            severity: "high",
            decision: "corrected_failure",
          },
        });
      }
    }
    const settle = (user: { id: string; email: string } | undefined, itemId: string) =>
      settleAs(project.id, user, itemId, { category: "formatting" });
    const [first, second] = items.map((item) => item.id);
    expect((await settle(ann, first ?? "")).status).toBe(403);
    // Before review:adjudicate was granted to any role, both answered 403.
    expect((await settle(owner, first ?? "")).status).toBe(200);
    expect((await settle(admin, second ?? "")).status).toBe(200);
    const adjudicated = await test.database.reviewItem.findMany({
      where: { projectId: project.id },
      select: { adjudicatedCategory: true },
    });
    expect(adjudicated.map((item) => item.adjudicatedCategory)).toEqual(["formatting", "formatting"]);
  });

  it("settles on no failure when one annotator kept a good example, so it is not labelled with a failure", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    const [ann, bo] = await Promise.all([1, 2].map(() => addMemberWithRole(test.database, project.id, "annotator")));
    const item = await test.database.reviewItem.create({
      data: { projectId: project.id, traceId: "t-0", priority: 1, status: "done" },
      select: { id: true },
    });
    for (const [annotator, category, decision] of [
      [ann, null, "good_example"],
      [bo, "hallucination", "corrected_failure"],
    ] as const) {
      await test.database.annotation.create({
        data: { projectId: project.id, itemId: item.id, annotatorId: annotator?.id ?? "", category, severity: "low", decision },
      });
    }
    const projectAgreementBefore = await projectAgreement(test.database, project.id);
    expect(projectAgreementBefore.disagreements.map((d) => d.itemId)).toEqual([item.id]);

    const response = await settleAs(project.id, owner, item.id, { category: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ adjudicatedCategory: null });
    const settled = await test.database.reviewItem.findUniqueOrThrow({
      where: { id: item.id },
      select: { adjudicatedCategory: true, adjudicatedAt: true },
    });
    expect(settled.adjudicatedCategory).toBeNull();
    expect(settled.adjudicatedAt).not.toBeNull();
    // Settled: no longer listed as a disagreement. A category must still be one of the project's.
    expect((await projectAgreement(test.database, project.id)).disagreements).toEqual([]);
    expect((await settleAs(project.id, owner, item.id, { category: "nonsense" })).status).toBe(400);
  });
});
