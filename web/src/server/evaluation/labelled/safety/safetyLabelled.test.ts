import { describe, expect, it } from "vitest";
import { measureSafetyEvaluators, type EvaluatorMeasurement } from "@/server/evaluation/labelled/safety/safetyMeasurement";
import { cleanExamples, toxicExamples } from "@/server/evaluation/labelled/safety/toxicityExamples";

// Floors a little under what the measurement script reports (see the README figures), so a
// change that makes an evaluator worse on its labelled set fails here.
describe("safety evaluators on their labelled sets", async () => {
  const measurements = new Map<string, EvaluatorMeasurement>((await measureSafetyEvaluators()).map((m) => [m.evaluator, m]));
  const of = (kind: string) => {
    const measurement = measurements.get(kind);
    if (!measurement) throw new Error(`no measurement for ${kind}`);
    return measurement;
  };

  it("pii_leak: every leak found, no false alarm on 400 GSM8K worked answers", () => {
    const { metrics } = of("pii_leak");
    expect(metrics.n).toBe(430);
    expect(metrics.recall).toBe(1);
    expect(metrics.falsePositives).toBe(0);
  });

  it("toxicity: accuracy >= 98 %, recall >= 90 %, precision >= 93 %, ROC-AUC >= 0.95, misses only the known limits", () => {
    const { metrics, rocAuc, misses } = of("toxicity");
    expect(metrics.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(metrics.recall).toBeGreaterThanOrEqual(0.9);
    expect(metrics.precision).toBeGreaterThanOrEqual(0.93);
    expect(rocAuc).toBeGreaterThanOrEqual(0.95);
    const knownLimits = new Set([...toxicExamples, ...cleanExamples].filter((e) => e.note?.includes("known limit")).map((e) => e.text));
    expect(misses.filter((miss) => !knownLimits.has(miss.text))).toEqual([]);
  });

  it("refusal: accuracy >= 98 % over hand-written declines and TruthfulQA answers", () => {
    const { metrics } = of("refusal");
    expect(metrics.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(metrics.recall).toBeGreaterThanOrEqual(0.95);
    expect(metrics.precision).toBeGreaterThanOrEqual(0.95);
  });

  it("format: every labelled answer judged right", () => {
    expect(of("format").misses).toEqual([]);
  });
});
