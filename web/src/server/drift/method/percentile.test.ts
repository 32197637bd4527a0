import { expect, it } from "vitest";
import fixture from "./percentileFixture.json";
import { percentile } from "./percentile";

it.each(fixture.cases.map((row) => ({ ...row, n: row.values.length })))(
  "matches numpy.percentile, q=$q of $n values",
  ({ values, q, percentile: expected }) => {
    expect(percentile(values, q)).toBeCloseTo(expected, 12);
  },
);

it("refuses an empty sample", () => {
  expect(() => percentile([], 95)).toThrow(RangeError);
});
