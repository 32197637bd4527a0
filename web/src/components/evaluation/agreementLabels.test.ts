import { describe, expect, it } from "vitest";
import type { ScoreAgreementView } from "@/contracts/evaluatorAgreement";
import { correctionLine, kappaStrength, verdictLine } from "@/components/evaluation/agreementLabels";

const passFail = {
  n: 12,
  truePositives: 0,
  falsePositives: 0,
  trueNegatives: 12,
  falseNegatives: 0,
  precision: null,
  recall: null,
  f1: null,
  accuracy: 1,
  kappa: null,
};

describe("agreement in words", () => {
  it("names kappa bands on the Landis and Koch scale, boundaries included in the lower band", () => {
    expect([-0.1, 0, 0.2, 0.21, 0.4, 0.6, 0.62, 0.8, 0.81].map(kappaStrength)).toEqual([
      "worse than chance",
      "slight",
      "slight",
      "fair",
      "fair",
      "moderate",
      "substantial",
      "substantial",
      "almost perfect",
    ]);
  });

  it("says why a figure is missing instead of showing NaN, and names the missing threshold", () => {
    const flag: ScoreAgreementView = {
      name: "pii_leak",
      dataType: "boolean",
      corrections: { n: 12, kappa: null, pearson: null, spearman: null, passFail },
      verdicts: null,
    };
    expect(correctionLine(flag, 10).summary).toBe(
      "κ undefined (one label throughout) · F1 undefined (no failures on either side) · n = 12",
    );
    expect(correctionLine(flag, 10).detail).toContain("precision undefined");
    expect(verdictLine(flag, 10).summary).toBe("No pass/fail threshold to compare with verdicts");
    const categories: ScoreAgreementView = {
      ...flag,
      name: "tone",
      dataType: "categorical",
      corrections: { ...flag.corrections, kappa: 0.4, passFail: null },
    };
    expect(correctionLine(categories, 10)).toEqual({ summary: "κ 0.40 (fair) · n = 12", detail: null });
  });
});
