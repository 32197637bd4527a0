import { cohensKappa } from "@/server/review/agreement";
import { binaryMetrics } from "@/server/evaluation/labelled/safety/classificationMetrics";

/**
 * How an evaluator's pass/fail calls match people's, failure being the positive class:
 * `predicted` is the evaluator calling it a failure, `actual` a person doing so.
 */
export interface PassFailAgreement {
  n: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  /** Of the failures the evaluator flagged, the share people agree are failures. */
  precision: number | null;
  /** Of the failures people found, the share the evaluator flagged. */
  recall: number | null;
  f1: number | null;
  accuracy: number | null;
  kappa: number | null;
}

/**
 * Precision, recall, F1, accuracy and Cohen's kappa, each null where undefined (no items;
 * nothing flagged for precision; no failures for recall; neither for F1), never NaN.
 */
export function passFailAgreement(items: readonly { predicted: boolean; actual: boolean }[]): PassFailAgreement {
  const { n, truePositives, falsePositives, trueNegatives, falseNegatives } = binaryMetrics(items);
  const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    n,
    truePositives,
    falsePositives,
    trueNegatives,
    falseNegatives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
    // 2TP / (2TP + FP + FN) equals 2PR / (P + R), and is 0 rather than undefined when one of them is 0.
    f1: ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives),
    accuracy: ratio(truePositives + trueNegatives, n),
    kappa: cohensKappa(items.map(({ predicted, actual }) => [String(predicted), String(actual)])),
  };
}
