import { describe, expect, it } from "vitest";
import { averageRanks, pearsonCorrelation, spearmanCorrelation } from "@/server/evaluation/agreement/correlation";
import { passFailAgreement } from "@/server/evaluation/agreement/passFailAgreement";
import { cohensKappa } from "@/server/review/agreement";
// Expected values from scipy.stats.pearsonr / spearmanr and numpy confusion matrices: agreementFixture.py.
import fixture from "@/server/evaluation/agreement/agreementFixture.json";

const asPairs = (x: number[], y: number[]) => x.map((value, i) => [value, y[i] ?? Number.NaN] as const);

describe("correlation against scipy", () => {
  it.each(fixture.correlations)("$name", ({ x, y, pearson, spearman }) => {
    expect(pearsonCorrelation(asPairs(x, y))).toBeCloseTo(pearson, 12);
    expect(spearmanCorrelation(asPairs(x, y))).toBeCloseTo(spearman, 12);
  });

  it("gives tied values the average of the ranks they span", () => {
    expect(averageRanks([0.5, 0.1, 0.5, 0.9, 0.5])).toEqual([3, 1, 3, 5, 3]);
  });

  it("is undefined (null, not NaN) without two pairs or when one side never varies", () => {
    expect(pearsonCorrelation([])).toBeNull();
    expect(pearsonCorrelation([[0.4, 0.7]])).toBeNull();
    expect(
      pearsonCorrelation([
        [0.5, 0.1],
        [0.5, 0.9],
      ]),
    ).toBeNull();
    expect(
      spearmanCorrelation([
        [0.2, 1],
        [0.7, 1],
        [0.9, 1],
      ]),
    ).toBeNull();
  });
});

describe("Cohen's kappa against numpy", () => {
  it.each(fixture.kappas)("$name", ({ pairs, kappa }) => {
    expect(cohensKappa(pairs.map(([a, b]) => [a ?? "", b ?? ""]))).toBeCloseTo(kappa, 12);
  });
});

describe("pass/fail agreement", () => {
  it.each(fixture.passFail)("$name", ({ items, kappa, ...counts }) => {
    const { name: _name, ...expected } = counts;
    const agreement = passFailAgreement(items);
    expect(agreement).toMatchObject({ ...expected, n: items.length, kappa: expect.closeTo(kappa, 12) as number });
  });

  it("says undefined rather than NaN: nothing flagged, no failures, no items", () => {
    const allPass = passFailAgreement([
      { predicted: false, actual: false },
      { predicted: false, actual: false },
    ]);
    expect(allPass).toMatchObject({ precision: null, recall: null, f1: null, accuracy: 1, kappa: null });
    // Flags that people never confirm: precision and F1 are 0, recall has nothing to find.
    expect(passFailAgreement([{ predicted: true, actual: false }])).toMatchObject({ precision: 0, recall: null, f1: 0 });
    expect(passFailAgreement([])).toMatchObject({ n: 0, accuracy: null, f1: null, kappa: null });
  });
});
