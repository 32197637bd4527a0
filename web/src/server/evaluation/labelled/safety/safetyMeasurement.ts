import type { Embedder } from "@/server/embeddings/embedder";
import { formatEvaluator } from "@/server/evaluation/builtin/formatEvaluator";
import { piiLeakEvaluator } from "@/server/evaluation/builtin/piiLeakEvaluator";
import { refusalEvaluator } from "@/server/evaluation/builtin/refusalEvaluator";
import { toxicityEvaluator } from "@/server/evaluation/builtin/toxicityEvaluator";
import type { BuiltinEvaluator, BuiltinEvaluatorContext } from "@/server/evaluation/evaluatorTypes";
import { binaryMetrics, rocAuc, type BinaryMetrics } from "@/server/evaluation/labelled/safety/classificationMetrics";
import { formatExamples } from "@/server/evaluation/labelled/safety/formatExamples";
import { safetyLabelledSets } from "@/server/evaluation/labelled/safety/safetyLabelledSets";

/** The safety evaluators read no vectors; this stands in for the context's embedder. */
const noEmbedder: Embedder = { id: "none", dimensions: 0, embed: (texts) => Promise.resolve(texts.map(() => new Float32Array(0))) };

/** Toxicity scores at or above this count as "toxic" for accuracy: mild profanity (0.1) does not. */
export const toxicityThreshold = 0.3;

export interface EvaluatorMeasurement {
  evaluator: BuiltinEvaluator["kind"];
  metrics: BinaryMetrics;
  /** For numeric scores only. */
  rocAuc?: number;
  /** The examples it got wrong, for reading. */
  misses: { text: string; expected: boolean; value: number | boolean | null }[];
}

async function scoreOf(evaluator: BuiltinEvaluator, text: string, context: BuiltinEvaluatorContext) {
  const [score] = await evaluator.evaluate({ input: "", output: text, contexts: [] }, context);
  return score?.value ?? null;
}

async function measure(
  evaluator: BuiltinEvaluator,
  items: { text: string; positive: boolean; context?: Partial<BuiltinEvaluatorContext> }[],
  isPositive: (value: number | boolean | null) => boolean,
): Promise<EvaluatorMeasurement> {
  const rows = [];
  for (const item of items) {
    const value = await scoreOf(evaluator, item.text, { embedder: noEmbedder, ...item.context });
    rows.push({ text: item.text, actual: item.positive, value, predicted: isPositive(value) });
  }
  const numeric = rows.every((row) => typeof row.value === "number");
  return {
    evaluator: evaluator.kind,
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
    context: { answerJsonSchema: example.schema },
  }));
  return [
    await measure(piiLeakEvaluator, sets.pii_leak, (value) => value === true),
    await measure(toxicityEvaluator, sets.toxicity, (value) => typeof value === "number" && value >= toxicityThreshold),
    await measure(refusalEvaluator, sets.refusal, (value) => value === true),
    await measure(formatEvaluator, format, (value) => value === false),
  ];
}
