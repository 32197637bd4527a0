import { describe, expect, it } from "vitest";
import { datasetResultText, reviewResultText } from "@/components/drift/driftActionResults";

describe("what the example actions say they did", () => {
  it("counts texts sent to review and those already in the queue", () => {
    expect(reviewResultText({ added: 12, alreadyQueued: 3 })).toBe("12 sent to review, 3 already there");
    expect(reviewResultText({ added: 0, alreadyQueued: 2 })).toBe("2 already there");
    expect(reviewResultText({ added: 0, alreadyQueued: 0 })).toBe("0 sent to review");
  });

  it("counts texts added to a dataset, duplicates, and the ones refused with why", () => {
    expect(datasetResultText("golden", { added: 3, duplicates: 1, rejected: [] })).toBe("3 added to golden, 1 already there");
    expect(
      datasetResultText("golden", {
        added: 0,
        duplicates: 0,
        rejected: [
          { traceId: "a", message: "no answer to start from" },
          { traceId: "b", message: "no answer to start from" },
        ],
      }),
    ).toBe("2 not added (no answer to start from)");
  });
});
