import { describe, expect, it } from "vitest";
import { agreementFor, projectAgreement, seesOthersLabels } from "@/server/review/agreementQueries";
import type { Role } from "@/server/auth/permissions";
import type { Database } from "@/server/db/client";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys } from "@/test/factories";

/** Three annotators: Ann and Bo disagree on t-0, Bo and Cy on t-1, all three agree on t-2. */
async function labelledProject(database: Database) {
  const { project, owner } = await createProjectWithKeys(database);
  const [ann, bo, cy] = await Promise.all([1, 2, 3].map(() => addMemberWithRole(database, project.id, "annotator")));
  if (!ann || !bo || !cy) throw new Error("members were not created");
  const labels: [string, [typeof ann, string][]][] = [
    [
      "t-0",
      [
        [ann, "hallucination"],
        [bo, "formatting"],
      ],
    ],
    [
      "t-1",
      [
        [bo, "refusal"],
        [cy, "harmful"],
      ],
    ],
    [
      "t-2",
      [
        [ann, "formatting"],
        [bo, "formatting"],
        [cy, "formatting"],
      ],
    ],
  ];
  for (const [traceId, given] of labels) {
    const item = await database.reviewItem.create({
      data: { projectId: project.id, traceId, priority: 1, status: "done" },
      select: { id: true },
    });
    for (const [annotator, category] of given) {
      await database.annotation.create({
        data: {
          projectId: project.id,
          itemId: item.id,
          annotatorId: annotator.id,
          category,
          severity: "high",
          decision: "corrected_failure",
        },
      });
    }
  }
  return { projectId: project.id, owner, ann, bo, cy };
}

const viewerOf = (user: { id: string; email: string }, role: Role) => ({ userId: user.id, email: user.email, role });

describe.each(await testDatabaseKinds())("the agreement page's data on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("shows owners and admins every pair and every disagreement with its labels", async () => {
    const { projectId, owner } = await labelledProject(test.database);
    const full = await projectAgreement(test.database, projectId);
    expect(await agreementFor(test.database, projectId, viewerOf(owner, "owner"))).toEqual(full);
    expect(full.disagreements.map((item) => item.traceId).sort()).toEqual(["t-0", "t-1"]);
    expect(full.pairs).toHaveLength(3);
  });

  it("never shows an annotator the labels others gave on items they have not labelled", async () => {
    const { projectId, ann, bo, cy } = await labelledProject(test.database);
    const full = await projectAgreement(test.database, projectId);
    const seenByAnn = await agreementFor(test.database, projectId, viewerOf(ann, "annotator"));
    // The aggregates stay; they name no label.
    expect([seenByAnn.items, seenByAnn.alpha]).toEqual([full.items, full.alpha]);
    // t-1 (Bo and Cy) is not Ann's: neither its labels nor the Bo-Cy pair reach her.
    expect(seenByAnn.disagreements.map((item) => item.traceId)).toEqual(["t-0"]);
    expect(JSON.stringify(seenByAnn)).not.toMatch(/refusal|harmful/);
    expect(seenByAnn.pairs.map((pair) => [pair.first, pair.second].sort())).toEqual(
      [[ann.email, bo.email].sort(), [ann.email, cy.email].sort()].sort(),
    );
    expect(seenByAnn.pairs.every((pair) => pair.first === ann.email || pair.second === ann.email)).toBe(true);
    // Bo labelled both disagreements.
    const seenByBo = await agreementFor(test.database, projectId, viewerOf(bo, "annotator"));
    expect(seenByBo.disagreements.map((item) => item.traceId).sort()).toEqual(["t-0", "t-1"]);
    // A viewer labels nothing, so sees only the aggregates.
    const viewer = await addMemberWithRole(test.database, projectId, "viewer");
    const seenByViewer = await agreementFor(test.database, projectId, viewerOf(viewer, "viewer"));
    expect(seenByViewer).toEqual({ items: full.items, alpha: full.alpha, pairs: [], disagreements: [] });
    expect(seesOthersLabels(viewerOf(cy, "annotator"), [ann.id, bo.id])).toBe(false);
    expect(seesOthersLabels(viewerOf(cy, "admin"), [ann.id, bo.id])).toBe(true);
  });
});
