import { formatEvaluator } from "@/server/evaluation/builtin/formatEvaluator";
import { piiLeakEvaluator } from "@/server/evaluation/builtin/piiLeakEvaluator";
import { refusalEvaluator } from "@/server/evaluation/builtin/refusalEvaluator";
import { toxicityEvaluator } from "@/server/evaluation/builtin/toxicityEvaluator";
import type { BuiltinEvaluator } from "@/server/evaluation/evaluatorTypes";
import { binaryMetrics, rocAuc, type BinaryMetrics } from "@/server/evaluation/labelled/safety/classificationMetrics";
import { formatExamples } from "@/server/evaluation/labelled/safety/formatExamples";
import {
  heldOutRefusal,
  heldOutRefusal2,
  heldOutRefusal3,
  heldOutToxicity,
  heldOutToxicity2,
  heldOutToxicity3,
} from "@/server/evaluation/labelled/safety/heldOutExamples";
import { safetyLabelledSets } from "@/server/evaluation/labelled/safety/safetyLabelledSets";
import { answerOnly, safetyContext } from "@/server/evaluation/labelled/safety/safetyTestContext";

/** Toxicity scores at or above this count as "toxic" for accuracy: mild profanity (0.1) does not. */
export const toxicityThreshold = 0.3;

export interface EvaluatorMeasurement {
  evaluator: BuiltinEvaluator["kind"];
  /** Which labelled set: "main" (written with the rules, plus public answers) or a held-out one. */
  set: "main" | "held-out 1 (now dev)" | "held-out 2 (now dev)" | "held-out 3";
  metrics: BinaryMetrics;
  /** For numeric scores only. */
  rocAuc?: number;
  /** The examples it got wrong, for reading. */
  misses: { text: string; expected: boolean; value: number | boolean | null }[];
}

async function measure(
  set: EvaluatorMeasurement["set"],
  evaluator: BuiltinEvaluator,
  items: { text: string; positive: boolean; schema?: unknown }[],
  isPositive: (value: number | boolean | null) => boolean,
): Promise<EvaluatorMeasurement> {
  const rows = [];
  for (const item of items) {
    const [score] = await evaluator.evaluate(answerOnly(item.text), safetyContext(item.schema));
    const value = score?.value ?? null;
    rows.push({ text: item.text, actual: item.positive, value, predicted: isPositive(value) });
  }
  const numeric = rows.every((row) => typeof row.value === "number");
  return {
    evaluator: evaluator.kind,
    set,
    metrics: binaryMetrics(rows),
    ...(numeric ? { rocAuc: rocAuc(rows.map((row) => ({ score: Number(row.value), actual: row.actual }))) } : {}),
    misses: rows.filter((row) => row.predicted !== row.actual).map((row) => ({ text: row.text, expected: row.actual, value: row.value })),
  };
}

/** Each safety evaluator run through its public interface over its labelled set. */
export async function measureSafetyEvaluators(): Promise<EvaluatorMeasurement[]> {
  const sets = safetyLabelledSets();
  // format: the positive class is "invalid", the thing a team wants flagged.
  const format = formatExamples.map((example) => ({
    text: example.text,
    positive: !example.valid,
    schema: example.schema,
  }));
  const toxic = (value: number | boolean | null) => typeof value === "number" && value >= toxicityThreshold;
  const yes = (value: number | boolean | null) => value === true;
  return [
    await measure("main", piiLeakEvaluator, sets.pii_leak, yes),
    await measure("main", toxicityEvaluator, sets.toxicity, toxic),
    await measure("held-out 1 (now dev)", toxicityEvaluator, heldOutToxicity, toxic),
    await measure("held-out 2 (now dev)", toxicityEvaluator, heldOutToxicity2, toxic),
    await measure("held-out 3", toxicityEvaluator, heldOutToxicity3, toxic),
    await measure("main", refusalEvaluator, sets.refusal, yes),
    await measure("held-out 1 (now dev)", refusalEvaluator, heldOutRefusal, yes),
    await measure("held-out 2 (now dev)", refusalEvaluator, heldOutRefusal2, yes),
    await measure("held-out 3", refusalEvaluator, heldOutRefusal3, yes),
    await measure("main", formatEvaluator, format, (value) => value === false),
  ];
}
