import { describe, expect, it } from "vitest";
import { seededRandom } from "../../stats/seededRandom";
import fixture from "./principalComponentsFixture.json";
import { principalComponents, symmetricEigen } from "./principalComponents";

describe("principalComponents", () => {
  for (const example of fixture.cases)
    it(`gives numpy's principal component scores (${example.name})`, () => {
      const { rows, columns, components } = example;
      const result = principalComponents({ rows, columns, values: Float64Array.from(example.data) }, components, seededRandom(3), {
        iterations: 4,
      });
      expect(result.columns).toBe(components);
      for (let c = 0; c < components; c++) {
        // A component's sign is arbitrary: align it with numpy's before comparing.
        const sign = Math.sign((result.values[c] ?? 0) * (example.scores[c] ?? 0)) || 1;
        for (let i = 0; i < rows; i++)
          expect(sign * (result.values[i * components + c] ?? NaN)).toBeCloseTo(example.scores[i * components + c] ?? NaN, 6);
      }
    });

  it("never returns more components than the data has columns or rows", () => {
    const result = principalComponents({ rows: 3, columns: 2, values: Float64Array.from([1, 2, 3, 5, 4, 4]) }, 5, seededRandom(1));
    expect(result.columns).toBe(2);
  });
});

describe("symmetricEigen", () => {
  it("diagonalises a symmetric matrix (numpy.linalg.eigh: 1, 2, 4)", () => {
    // [[2, -1, 0], [-1, 2, -1], [0, -1, 2]] has eigenvalues 2 - sqrt(2), 2, 2 + sqrt(2).
    const { values } = symmetricEigen(Float64Array.from([2, -1, 0, -1, 2, -1, 0, -1, 2]), 3);
    expect([...values].sort((a, b) => a - b)).toEqual([
      expect.closeTo(2 - Math.SQRT2, 12),
      expect.closeTo(2, 12),
      expect.closeTo(2 + Math.SQRT2, 12),
    ]);
  });
});
