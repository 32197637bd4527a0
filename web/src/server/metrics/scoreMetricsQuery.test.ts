import { describe, expect, it } from "vitest";
import { addScoreRow, emptyScoreAccumulator, scoreFiguresOf } from "@/server/metrics/scoreMetricsQuery";

const row = (hist: Record<string, number>, sum: number, scale: [number, number] | null = [0, 1]) => ({
  bucketStart: new Date("2026-03-01T10:00:00Z"),
  value: "",
  count: Object.values(hist).reduce((a, b) => a + b, 0),
  sum,
  histMin: scale?.[0] ?? null,
  histMax: scale?.[1] ?? null,
  hist,
});

describe("score figures", () => {
  it("adds rows built on different ranges, each read on its own scale", () => {
    const acc = emptyScoreAccumulator();
    // 0.5 on 0..1 (edge 10: slot 20) and 3 on a 0..10 range built before the range changed (edge 6: slot 12).
    addScoreRow(acc, row({ s20: 1 }, 0.5), { threshold: 1, higherIsBetter: true });
    addScoreRow(acc, row({ s12: 1 }, 3, [0, 10]), { threshold: 1, higherIsBetter: true });
    // Mean (0.5 + 3) / 2 = 1.75; at or below 1: only the 0.5.
    expect(scoreFiguresOf(acc, "numeric", true)).toEqual({ count: 2, average: 1.75, atOrWorse: 1, atOrWorseShare: 0.5 });
  });

  it("has no share without a threshold, no average for categories, and nothing at all without scores", () => {
    const acc = emptyScoreAccumulator();
    addScoreRow(acc, row({ s0: 3, s40: 1 }, 1), { threshold: null, higherIsBetter: false });
    expect(scoreFiguresOf(acc, "boolean", false)).toEqual({ count: 4, average: 0.25, atOrWorse: null, atOrWorseShare: null });
    expect(scoreFiguresOf({ count: 2, sum: 0, atOrWorse: 0 }, "categorical", false).average).toBeNull();
    expect(scoreFiguresOf(emptyScoreAccumulator(), "numeric", true)).toEqual({
      count: 0,
      average: null,
      atOrWorse: null,
      atOrWorseShare: null,
    });
  });
});
