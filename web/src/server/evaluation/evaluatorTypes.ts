import type { Embedder } from "@/server/embeddings/embedder";

/** What an evaluator reads of a trace: plain text, already extracted from the trace's messages and spans. */
export interface EvaluationSubject {
  /** The question: the last user message of the trace's input. */
  input: string;
  /** The answer: the text of the trace's output. */
  output: string;
  /** Retrieved passages: the outputs of the trace's retrieval spans, one passage per entry. */
  contexts: string[];
  /** The expected answer, when judging a dataset run. */
  expected?: string | undefined;
}

export type ScoreDataType = "numeric" | "boolean" | "categorical";

/** One score an evaluator gives a trace. Booleans are true/false; numerics lie in the score config's range. */
export interface EvaluatorScore {
  name: string;
  dataType: ScoreDataType;
  value: number | boolean | null;
  category?: string | undefined;
  /** Why, in words a reviewer reads in the trace view (e.g. the unsupported sentences). */
  explanation: string;
}

/** What a built-in evaluator may use besides the trace. */
export interface BuiltinEvaluatorContext {
  embedder: Embedder;
  /** The project's declared JSON schema for answers, for the `format` evaluator. */
  answerJsonSchema?: unknown;
}

export interface BuiltinEvaluator {
  kind: "pii_leak" | "toxicity" | "faithfulness" | "relevance" | "refusal" | "format";
  /** Bumped when the scoring changes: a new version starts a new score series. */
  version: number;
  /** Whether the evaluator has anything to score (faithfulness needs retrieved passages). */
  applies(subject: EvaluationSubject, context: BuiltinEvaluatorContext): boolean;
  evaluate(subject: EvaluationSubject, context: BuiltinEvaluatorContext): Promise<EvaluatorScore[]>;
}
