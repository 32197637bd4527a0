import { describe, expect, it } from "vitest";
import { readPriority, reviewPriority } from "@/server/review/reviewPriority";

describe("a readable priority", () => {
  it("names the worst reason's level and the similar complaints behind the number", () => {
    expect(readPriority(reviewPriority(["report", "rephrase"], 3))).toEqual({ level: "high", similar: 3 });
    expect(readPriority(reviewPriority(["thumbs_down"], 1))).toEqual({ level: "high", similar: 1 });
    expect(readPriority(reviewPriority(["low_rating"], 12))).toEqual({ level: "medium", similar: 12 });
    expect(readPriority(reviewPriority(["rephrase"], 1))).toEqual({ level: "low", similar: 1 });
    expect(readPriority(reviewPriority(["sampled_positive"], 5000))).toEqual({ level: "low", similar: 999 });
    expect(readPriority(5001)).toEqual({ level: "high", similar: 1 });
  });
});
