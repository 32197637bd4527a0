import { describe, expect, it } from "vitest";
import { wordDiff } from "@/server/datasets/runs/wordDiff";

// Equal runs carry the output's whitespace, so the output is rebuilt exactly and the expected text up to spacing.
const rebuilt = (parts: ReturnType<typeof wordDiff>, side: "expected" | "output") =>
  parts
    .filter((part) => part.op === "equal" || part.op === (side === "expected" ? "delete" : "insert"))
    .map((part) => part.text)
    .join("");

describe("wordDiff", () => {
  it("is empty for equal texts", () => {
    expect(wordDiff("Yes, within 30 days.", "Yes, within 30 days.")).toEqual([]);
  });

  it("marks the changed word and keeps the rest equal", () => {
    expect(wordDiff("Refunds within 30 days of purchase.", "Refunds within 14 days of purchase.")).toEqual([
      { op: "equal", text: "Refunds within " },
      { op: "delete", text: "30 " },
      { op: "insert", text: "14 " },
      { op: "equal", text: "days of purchase." },
    ]);
  });

  it("finds words kept in the middle (the longest common subsequence), not only a shared start and end", () => {
    const parts = wordDiff("a b c d e", "x b y d z");
    expect(parts.filter((part) => part.op === "equal").map((part) => part.text)).toEqual(["b ", "d "]);
    expect(rebuilt(parts, "expected")).toBe("a b c d e");
    expect(rebuilt(parts, "output")).toBe("x b y d z");
  });

  it("shows an insertion at the end and leading whitespace", () => {
    expect(wordDiff("Yes.", "  Yes. And more")).toEqual([
      { op: "insert", text: "  " },
      { op: "equal", text: "Yes. " },
      { op: "insert", text: "And more" },
    ]);
  });

  it("falls back to one deletion and one insertion when the texts are too long to align word by word", () => {
    const expected = Array.from({ length: 3_000 }, (_, index) => `e${index}`).join(" ");
    const output = Array.from({ length: 3_000 }, (_, index) => `o${index}`).join(" ");
    const parts = wordDiff(`same ${expected}`, `same ${output}`);
    expect(parts.map((part) => part.op)).toEqual(["equal", "delete", "insert"]);
    expect(rebuilt(parts, "output")).toBe(`same ${output}`);
  });
});
