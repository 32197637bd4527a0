import { isValidElement, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import type * as DatabaseClient from "@/server/db/client";
import type { Database } from "@/server/db/client";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { runReviewRoutingOnce } from "@/server/review/reviewRoutingJob";
import { describeRoutingFreshness, formatAge } from "@/server/review/reviewQueries";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { ReviewQueuePage } from "@/components/review/ReviewQueuePage";

// The page opens the process database; point it at the test's.
const current = vi.hoisted(() => ({ database: null as Database | null }));
vi.mock("@/server/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof DatabaseClient>()),
  db: () => {
    if (!current.database) throw new Error("no test database");
    return current.database;
  },
}));

/** The text of the element with this test id in a rendered tree (server components already awaited). */
function textOfTestId(node: ReactNode, testId: string): string | null {
  if (Array.isArray(node)) {
    for (const child of node as ReactNode[]) {
      const found = textOfTestId(child, testId);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isValidElement<{ children?: ReactNode; "data-testid"?: string }>(node)) return null;
  if (node.props["data-testid"] === testId)
    return [node.props.children]
      .flat()
      .map((child) => (typeof child === "string" || typeof child === "number" ? String(child) : ""))
      .join("");
  return textOfTestId(node.props.children, testId);
}

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
});

describe.each(await testDatabaseKinds())("the review queue page on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("only reads: rendering leaves routing to the job and shows how fresh the queue is", async () => {
    current.database = test.database;
    const { project } = await createProjectWithKeys(test.database);
    const received = new Date(Date.now() - 60_000);
    await ingestTraces(test.database, project.id, [
      { id: "t-1", startTime: received.toISOString(), input: [{ role: "user", content: "Where is my parcel?" }], output: "No idea." },
    ]);
    await ingestFeedback(
      test.database,
      project.id,
      [{ id: "f-1", type: "thumb", value: -1, traceId: "t-1", timestamp: received.toISOString() }],
      received,
    );
    const render = () => ReviewQueuePage({ projectId: project.id, role: "viewer", searchParams: {} });

    const before = await render();
    expect(await test.database.reviewItem.count({ where: { projectId: project.id } })).toBe(0);
    expect(await test.database.reviewRoutingState.count({ where: { projectId: project.id } })).toBe(0);
    expect(textOfTestId(before, "routing-freshness")).toMatch(/first pass/);

    const routedAt = new Date();
    await runReviewRoutingOnce(test.database, routedAt);
    expect(await test.database.reviewItem.count({ where: { projectId: project.id } })).toBe(1);
    const line = textOfTestId(await render(), "routing-freshness");
    expect(line).toMatch(new RegExp(`^Routed up to ${routedAt.toISOString().slice(11, 19)} UTC, \\d+ s ago: all feedback received so far`));
  });
});
