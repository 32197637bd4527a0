import type { Embedder } from "@/server/embeddings/embedder";
import type { BuiltinEvaluatorContext, EvaluationSubject } from "@/server/evaluation/evaluatorTypes";

/** The safety evaluators read no vectors; this stands in for the context's embedder. */
const noEmbedder: Embedder = { id: "none", dimensions: 0, embed: (texts) => Promise.resolve(texts.map(() => new Float32Array(0))) };

/** A context for the safety evaluators, with the project's answer schema when one is declared. */
export function safetyContext(answerJsonSchema?: unknown): BuiltinEvaluatorContext {
  return { embedder: noEmbedder, answerJsonSchema };
}

/** A trace reduced to its answer, which is all the safety evaluators read. */
export function answerOnly(output: string): EvaluationSubject {
  return { input: "", output, contexts: [] };
}
