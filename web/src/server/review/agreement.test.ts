import { describe, expect, it } from "vitest";
import { cohensKappa, krippendorffAlphaNominal } from "@/server/review/agreement";

const repeat = (pair: [string, string], times: number): [string, string][] => Array.from({ length: times }, () => pair);

describe("inter-annotator agreement", () => {
  it("Cohen's kappa: 50 applications, 20 yes/yes, 15 no/no, 5 yes/no, 10 no/yes -> p_o 0.7, p_e 0.5, kappa 0.4", () => {
    const pairs = [...repeat(["yes", "yes"], 20), ...repeat(["no", "no"], 15), ...repeat(["yes", "no"], 5), ...repeat(["no", "yes"], 10)];
    expect(cohensKappa(pairs)).toBeCloseTo(0.4, 12);
    expect(
      cohensKappa([
        ["a", "a"],
        ["b", "b"],
      ]),
    ).toBe(1);
    expect(
      cohensKappa([
        ["a", "a"],
        ["a", "a"],
      ]),
    ).toBeNull();
    expect(cohensKappa([])).toBeNull();
  });

  it("Krippendorff's alpha (nominal) on the 4 observers x 12 units example of Krippendorff (2011): 0.743", () => {
    const observers = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const units = Array.from({ length: 12 }, (_, u) =>
      observers.map((row) => (row[u] === null || row[u] === undefined ? null : String(row[u]))),
    );
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.743, 3);
  });

  it("Krippendorff's alpha is 1 for perfect agreement and undefined without variation or pairable units", () => {
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["b", "b"],
        ["a", "a", null],
      ]),
    ).toBe(1);
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["a", "a"],
      ]),
    ).toBeNull();
    expect(krippendorffAlphaNominal([["a"], [null, "b"]])).toBeNull();
  });
});
