// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Theme } from "@radix-ui/themes";
import type { Score } from "@/contracts/scores";
import { TraceScores } from "@/components/scores/TraceScores";

afterEach(cleanup);

const score = (overrides: Partial<Score>): Score => ({
  id: overrides.name ?? "s",
  traceId: "t1",
  spanId: null,
  name: "relevance",
  dataType: "numeric",
  value: 0.5,
  category: null,
  source: "api",
  evaluator: null,
  evaluatorVersion: null,
  comment: null,
  costUsd: null,
  correctsScoreId: null,
  createdAt: "2026-03-01T10:00:00.000Z",
  ...overrides,
});

const configs = {
  pii_leak: { dataType: "boolean", higherIsBetter: false, reviewThreshold: 1, description: null },
  format: { dataType: "boolean", higherIsBetter: true, reviewThreshold: 0, description: null },
  relevance: { dataType: "numeric", higherIsBetter: true, reviewThreshold: 0.2, description: null },
} as const;

function rowOf(label: string) {
  const header = screen.getByRole("rowheader", { name: new RegExp(`^${label}`) });
  const row = header.closest("tr");
  if (!row) throw new Error(`no row for ${label}`);
  return within(row);
}

describe("a trace's scores", () => {
  it("shows each score by label, formatted for its type, coloured by its config's direction, with its source and cost", () => {
    render(
      <Theme>
        <TraceScores
          configs={configs}
          scores={[
            score({ name: "pii_leak", dataType: "boolean", value: true, source: "evaluator", evaluator: "pii_leak", evaluatorVersion: 2 }),
            score({ name: "format", dataType: "boolean", value: true }),
            score({
              name: "relevance",
              value: 0.125,
              source: "evaluator",
              evaluator: "judge-relevance",
              evaluatorVersion: 1,
              costUsd: 0.0004,
            }),
            score({ name: "topic", dataType: "categorical", value: null, category: "billing", source: "annotation" }),
          ]}
        />
      </Theme>,
    );
    // "Yes" is bad for a PII leak and good for a valid format.
    expect(rowOf("PII leak").getByText("Yes")).toHaveAttribute("title", "At or past the review threshold");
    expect(rowOf("PII leak").getByText("pii_leak v2")).toBeInTheDocument();
    expect(rowOf("Valid format").getByText("Yes")).toHaveAttribute("title", "Within the review threshold");
    expect(rowOf("Valid format").getByText("API")).toBeInTheDocument();
    // 0.125 is at or below relevance's 0.2: bad.
    expect(rowOf("Relevance").getByText("0.13")).toHaveAttribute("title", "At or past the review threshold");
    expect(rowOf("Relevance").getByText("$0.00040")).toBeInTheDocument();
    expect(rowOf("Topic").getByText("billing")).toBeInTheDocument();
    expect(rowOf("Topic").getByText("Annotation")).toBeInTheDocument();
  });

  it("folds a long explanation and opens it on request", async () => {
    const explanation = `${"The answer cites a passage that does not say this. ".repeat(10)}The end.`;
    render(
      <Theme>
        <TraceScores configs={configs} scores={[score({ comment: explanation })]} />
      </Theme>,
    );
    expect(screen.queryByText(/The end\./)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: /Show all/ }));
    expect(screen.getByText(/The end\./)).toBeInTheDocument();
  });

  it("says so when the trace has no scores", () => {
    render(
      <Theme>
        <TraceScores configs={{}} scores={[]} />
      </Theme>,
    );
    expect(screen.getByText(/No scores on this trace yet/)).toBeInTheDocument();
  });
});
