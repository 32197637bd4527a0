import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createApiRoute, type RouteDependencies } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import type { SessionUser } from "@/server/auth/session";
import { adjudicateRoute } from "@/server/review/reviewRoutes";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys } from "@/test/factories";

const base = "http://liveloop.test";

describe.each(await testDatabaseKinds())("adjudication through the API on %s", (kind) => {
  const test = useTestDatabase(kind);

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
    const settle = (user: { id: string; email: string } | undefined, itemId: string) => {
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
        body: JSON.stringify({ category: "formatting" }),
      });
      return createApiRoute(dependencies)(adjudicateRoute)(request, { params: Promise.resolve({ projectId: project.id, itemId }) });
    };
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
});
