import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { JobsPanel } from "@/components/settings/JobsPanel";
import type { JobList } from "@/contracts/jobs";

// Rendered outside Next's app router: the refresh after a mutation is not exercised here.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const jobs: JobList = {
  data: [
    {
      id: "0b6c8f7e-2d4a-4f7e-9a51-3c2f1d0e9b8a",
      queue: "evaluate-trace",
      title: "Evaluate a trace",
      scope: "project",
      state: "failed",
      attempts: 2,
      retryLimit: 2,
      createdAt: "2026-11-27T10:00:00.000Z",
      startedAt: "2026-11-27T10:00:01.000Z",
      finishedAt: "2026-11-27T10:00:02.000Z",
      error: { message: "judge answered 503", stack: "Error: judge answered 503\n    at runJudge" },
    },
    {
      id: "5d1e7a2b-8c3f-4e6d-b9a0-1f2e3d4c5b6a",
      queue: "review-routing",
      title: "Review routing",
      scope: "instance",
      state: "completed",
      attempts: 0,
      retryLimit: 2,
      createdAt: "2026-11-27T09:59:00.000Z",
      startedAt: "2026-11-27T09:59:00.500Z",
      finishedAt: "2026-11-27T09:59:01.000Z",
      error: null,
    },
  ],
  counts: { current: 4, queued: 3, active: 0, failed: 1, completed: 1 },
  nextCursor: null,
};

describe("the Jobs panel", () => {
  it("shows each job's state, retries, times and a failed job's error with its stack behind a disclosure", () => {
    const html = renderToStaticMarkup(<JobsPanel projectId="p" jobs={jobs} canRetry />);
    // All counts each job once: Current overlaps the states.
    expect(html).toContain("All (5)");
    expect(html).toContain("Failed (1)");
    expect(html).toContain("Queued (3)");
    expect(html).toContain("Evaluate a trace");
    expect(html).toContain("2 of 2");
    expect(html).toContain("2026-11-27 10:00:02 UTC");
    expect(html).toContain("judge answered 503");
    expect(html).toMatch(/<details>.*Stack trace.*at runJudge.*<\/details>/s);
    expect(html).toContain("Shared schedule");
    // Retry only on the failed job.
    expect(html.match(/>Retry</g)).toHaveLength(1);
  });

  it("opens on Current, the view of what a person looks for, with All last", () => {
    const html = renderToStaticMarkup(<JobsPanel projectId="p" jobs={jobs} canRetry />);
    // Each segment's label is rendered twice (an active and a hidden inactive copy): the first is read.
    const segments = [...html.matchAll(/role="radio" aria-checked="(true|false)".*?LabelActive">([^<]*)</g)].map(([, checked, label]) => [
      label,
      checked,
    ]);
    expect(segments).toEqual([
      ["Current (4)", "true"],
      ["Queued (3)", "false"],
      ["Active (0)", "false"],
      ["Failed (1)", "false"],
      ["Completed (1)", "false"],
      ["All (5)", "false"],
    ]);
  });

  it("offers no Retry to people who may not change the project", () => {
    const html = renderToStaticMarkup(<JobsPanel projectId="p" jobs={jobs} canRetry={false} />);
    expect(html).toContain("judge answered 503");
    expect(html).not.toContain(">Retry<");
  });
});
