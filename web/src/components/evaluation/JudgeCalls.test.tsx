// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { JudgeCalls, type JudgeCallList } from "@/components/evaluation/JudgeCalls";

const base = {
  evaluatorId: "e1",
  traceId: "t1",
  prompt: { model: "judge-small", temperature: 0, messages: [{ role: "user", content: "<answer>Paris</answer>" }] },
};

const calls: JudgeCallList["data"] = [
  {
    ...base,
    id: "c1",
    scoreId: null,
    attempt: 1,
    response: "<html>Service Unavailable</html>",
    httpStatus: 503,
    error: "judge answered 503",
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    latencyMs: 1500,
    startedAt: "2026-11-27T10:00:00.000Z",
  },
  {
    ...base,
    id: "c2",
    scoreId: "s1",
    attempt: 2,
    response: '{"reasoning": "On topic.", "score": 0.9}',
    httpStatus: 200,
    error: null,
    inputTokens: 1200,
    outputTokens: 35,
    costUsd: 0.000201,
    latencyMs: 420,
    startedAt: "2026-11-27T10:00:03.000Z",
  },
];

afterEach(() => {
  cleanup();
});

describe("JudgeCalls", () => {
  it("lists each attempt with its outcome, latency, tokens, cost and error, the prompt and answer behind disclosures", async () => {
    render(<JudgeCalls calls={calls} />);
    const rows = within(screen.getByRole("table", { name: "Judge calls" })).getAllByRole("row");
    const [failed, scored] = [rows[1], rows[2]];
    if (!failed || !scored) throw new Error("two call rows expected");
    expect(failed).toHaveTextContent("Failed (HTTP 503)");
    expect(failed).toHaveTextContent("1.50 s");
    expect(failed).toHaveTextContent("judge answered 503");
    expect(scored).toHaveTextContent("Scored");
    expect(scored).toHaveTextContent("2026-11-27 10:00:03 UTC");
    expect(scored).toHaveTextContent("420 ms");
    expect(scored).toHaveTextContent("1,200 in · 35 out");
    // 0.000201 shown to two significant digits.
    expect(scored).toHaveTextContent("$0.00020");
    const answer = within(scored).getByText('{"reasoning": "On topic.", "score": 0.9}');
    expect(answer).not.toBeVisible();
    await userEvent.setup().click(within(scored).getByText("Response"));
    expect(answer).toBeVisible();
    expect(within(scored).getByText(/"temperature": 0/)).not.toBeVisible();
  });

  it("says so when the judge made no calls", () => {
    render(<JudgeCalls calls={[]} />);
    expect(screen.getByText("No judge calls for this trace.")).toBeInTheDocument();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
