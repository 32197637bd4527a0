import { describe, expect, it } from "vitest";
import fixture from "./explainFixture.json";
import { describeTextShape, quantileOfSorted, textShapeShift, type TextShape } from "./textShape";

const expectShape = (actual: TextShape, expected: Record<string, number>): void => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [figure, value] of Object.entries(expected)) expect(actual[figure as keyof TextShape], figure).toBeCloseTo(value, 9);
};

describe("describeTextShape", () => {
  it("matches the figures numpy gives for GSM8K questions", () => {
    expectShape(describeTextShape(fixture.textShape.baseline), fixture.textShape.expected.baseline);
  });

  it("matches them for a mixed window with emojis, links, other scripts and empty prompts", () => {
    expectShape(describeTextShape(fixture.textShape.live), fixture.textShape.expected.live);
  });

  it("gives no figures, not zeros, for an empty window", () => {
    const shape = describeTextShape([]);
    expect(shape.count).toBe(0);
    expect(shape.meanLength).toBeNull();
    expect(shape.emojiShare).toBeNull();
  });

  it("counts an emoji with a skin tone as characters, not UTF-16 units", () => {
    expect(describeTextShape(["👍🏽"]).meanLength).toBe(2);
  });
});

describe("textShapeShift", () => {
  it("reports live minus baseline for every figure", () => {
    const shift = textShapeShift(fixture.textShape.baseline, fixture.textShape.live);
    const { baseline, live } = fixture.textShape.expected;
    expect(shift.difference.emojiShare).toBeCloseTo(live.emojiShare - baseline.emojiShare, 12);
    expect(shift.difference.medianLength).toBeCloseTo(live.medianLength - baseline.medianLength, 12);
    expect(shift.difference.count).toBe(live.count - baseline.count);
    expect(shift.live.questionShare).toBeCloseTo(live.questionShare, 12);
  });

  it("leaves a difference empty when one side has no texts", () => {
    expect(textShapeShift(["a?"], []).difference.questionShare).toBeNull();
  });
});

describe("quantileOfSorted", () => {
  it("interpolates between ranks like numpy.percentile", () => {
    // numpy.percentile([1, 2, 4, 10], [50, 90]) -> [3.0, 8.2]
    expect(quantileOfSorted([1, 2, 4, 10], 0.5)).toBeCloseTo(3, 12);
    expect(quantileOfSorted([1, 2, 4, 10], 0.9)).toBeCloseTo(8.2, 12);
    expect(quantileOfSorted([7], 0.9)).toBe(7);
    expect(quantileOfSorted([], 0.5)).toBeNull();
  });
});
