import { expect, it } from "vitest";
import { seededRandom } from "../../stats/seededRandom";
import { shuffledIndexes, shuffleFirst } from "./shuffleFirst";

it("draws every item equally often into the first places, whatever order it starts from", () => {
  const items = Int32Array.from([0, 1, 2, 3, 4]);
  const random = seededRandom(3);
  const counts = new Array<number>(5).fill(0);
  const draws = 20_000;
  for (let draw = 0; draw < draws; draw++) {
    shuffleFirst(items, 2, random);
    for (const item of items.subarray(0, 2)) counts[item] = (counts[item] ?? 0) + 1;
  }
  // Each item lands in the first two places with probability 2/5; 5 standard errors either way.
  const expected = (draws * 2) / 5;
  const tolerance = 5 * Math.sqrt(draws * 0.4 * 0.6);
  for (const count of counts) expect(Math.abs(count - expected)).toBeLessThan(tolerance);
});

it("shuffles all indexes when asked for all of them", () => {
  const order = shuffledIndexes(50, seededRandom(1));
  expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  expect(Array.from(order)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
});
