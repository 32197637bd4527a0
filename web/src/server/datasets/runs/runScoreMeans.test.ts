import { describe, expect, it } from "vitest";
import type { RunItemScore } from "@/contracts/datasetRuns";
import { compareScoreMeans, runScoreMeans } from "@/server/datasets/runs/runScoreMeans";

const score = (name: string, value: RunItemScore["value"], fields: Partial<RunItemScore> = {}): RunItemScore => ({
  name,
  evaluator: name === "pii_leak" ? "pii_leak" : "toxicity",
  dataType: typeof value === "boolean" ? "boolean" : "numeric",
  value,
  category: null,
  explanation: null,
  error: null,
  ...fields,
});

describe("runScoreMeans", () => {
  it("averages each name over the items that have a value, booleans as 0 and 1, skipping errors", () => {
    const items = [
      { scores: [score("toxicity", 0.1), score("pii_leak", true)] },
      { scores: [score("toxicity", 0.4), score("pii_leak", false)] },
      { scores: [score("toxicity", null, { error: "boom" }), score("pii_leak", false)] },
      { scores: [] },
    ];
    // toxicity: (0.1 + 0.4) / 2 = 0.25; pii_leak: (1 + 0 + 0) / 3.
    expect(runScoreMeans(items)).toEqual([
      { name: "pii_leak", mean: 1 / 3, count: 3 },
      { name: "toxicity", mean: 0.25, count: 2 },
    ]);
  });

  it("leaves out categorical scores and gives nothing for a run without scores", () => {
    expect(runScoreMeans([{ scores: [score("topic", null, { dataType: "categorical", category: "billing" })] }])).toEqual([]);
    expect(runScoreMeans([])).toEqual([]);
  });
});

describe("compareScoreMeans", () => {
  it("pairs each name of either run with its difference, null where a run lacks it", () => {
    expect(
      compareScoreMeans(
        [
          { name: "pii_leak", mean: 0.5, count: 2 },
          { name: "relevance", mean: 0.75, count: 4 },
        ],
        [
          { name: "pii_leak", mean: 0.25, count: 4 },
          { name: "toxicity", mean: 0.125, count: 4 },
        ],
      ),
    ).toEqual([
      { name: "pii_leak", mean: 0.5, baselineMean: 0.25, difference: 0.25 },
      { name: "relevance", mean: 0.75, baselineMean: null, difference: null },
      { name: "toxicity", mean: null, baselineMean: 0.125, difference: null },
    ]);
  });
});
