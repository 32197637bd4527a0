import { describe, expect, it } from "vitest";
import { binExtent, countAtOrWorse, histogramScale, scoreBinKey } from "@/server/metrics/scoreHistogram";

const unit = { min: 0, max: 1 };
const logScale = { min: null, max: null };

describe("scoreBinKey", () => {
  it("puts values on an edge of a 0..1 scale in the edge's slot, and values between edges in the bin's", () => {
    // Edges every 0.05: 0.2 is edge 4 (slot 8), 0.23 lies in bin 4 (slot 9), 1 is edge 20 (slot 40).
    expect(scoreBinKey(0, unit)).toBe("s0");
    expect(scoreBinKey(0.2, unit)).toBe("s8");
    expect(scoreBinKey(0.23, unit)).toBe("s9");
    expect(scoreBinKey(1, unit)).toBe("s40");
    // 0.15 * 20 is 3.0000000000000004 in floating point: still edge 3.
    expect(scoreBinKey(0.15, unit)).toBe("s6");
  });

  it("cuts a custom range the same way: 1..5 stars in bins of 0.2", () => {
    const stars = { min: 1, max: 5 };
    expect(scoreBinKey(3, stars)).toBe("s20");
    expect(scoreBinKey(4.1, stars)).toBe("s31");
  });

  it("puts values of an unbounded scale in signed log buckets: ceil(ln(|v| + 1) / ln(1.01 / 0.99))", () => {
    // ln 6 / ln(1.0202...) = 1.791759 / 0.0200007 = 89.59 -> 90.
    expect(scoreBinKey(5, logScale)).toBe("g90");
    expect(scoreBinKey(-5, logScale)).toBe("g-90");
    expect(scoreBinKey(0, logScale)).toBe("g0");
  });
});

describe("histogramScale", () => {
  it("reads booleans on 0..1, bounded numbers on their range, and anything else on the log scale", () => {
    expect(histogramScale({ dataType: "boolean", minValue: null, maxValue: null })).toEqual(unit);
    expect(histogramScale({ dataType: "numeric", minValue: 1, maxValue: 5 })).toEqual({ min: 1, max: 5 });
    expect(histogramScale({ dataType: "numeric", minValue: 0, maxValue: null })).toEqual(logScale);
  });
});

describe("countAtOrWorse", () => {
  // Five scores: 0, 0.2, 0.2, 0.23 and 1.
  const scores = { s0: 1, s8: 2, s9: 1, s40: 1 };

  it("counts a threshold on an edge exactly in both directions", () => {
    // Higher is better, bad at <= 0.2: 0, 0.2, 0.2.
    expect(countAtOrWorse(scores, unit, 0.2, true)).toBe(3);
    // Lower is better, bad at >= 0.2: 0.2, 0.2, 0.23, 1.
    expect(countAtOrWorse(scores, unit, 0.2, false)).toBe(4);
  });

  it("interpolates a threshold inside a bin, as if the bin's values were spread evenly", () => {
    // 0.225 halves bin (0.2, 0.25): 0, 0.2, 0.2 and half of the 0.23.
    expect(countAtOrWorse(scores, unit, 0.225, true)).toBeCloseTo(3.5, 12);
    expect(countAtOrWorse(scores, unit, 0.225, false)).toBeCloseTo(1.5, 12);
  });

  it("counts booleans: true is bad at threshold 1 when lower is better, false at threshold 0 when higher is", () => {
    const flags = { s0: 3, s40: 2 };
    expect(countAtOrWorse(flags, unit, 1, false)).toBe(2);
    expect(countAtOrWorse(flags, unit, 0, true)).toBe(3);
  });

  it("reads log buckets: bucket 90 spans (γ^89 − 1, γ^90 − 1) = (4.93, 5.05)", () => {
    const extent = binExtent("g90", logScale);
    expect(extent?.low).toBeCloseTo(4.93, 2);
    expect(extent?.high).toBeCloseTo(5.05, 2);
    const values = { g0: 1, g90: 2, "g-90": 1 };
    expect(countAtOrWorse(values, logScale, 3, false)).toBe(2);
    expect(countAtOrWorse(values, logScale, 0, true)).toBe(2);
  });

  it("ignores category counts", () => {
    expect(countAtOrWorse({ "c:spam": 4 }, logScale, 0, true)).toBe(0);
  });
});
