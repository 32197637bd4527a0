import type { BuiltinEvaluator } from "@/server/evaluation/evaluatorTypes";
import type { BuiltinKind } from "@/server/evaluation/evaluateTrace";
import { faithfulnessEvaluator } from "@/server/evaluation/builtin/faithfulness";
import { formatEvaluator } from "@/server/evaluation/builtin/formatEvaluator";
import { piiLeakEvaluator } from "@/server/evaluation/builtin/piiLeakEvaluator";
import { refusalEvaluator } from "@/server/evaluation/builtin/refusalEvaluator";
import { relevanceEvaluator } from "@/server/evaluation/builtin/relevance";
import { toxicityEvaluator } from "@/server/evaluation/builtin/toxicityEvaluator";

/** The evaluators that need no LLM, by kind. */
export const builtinEvaluators: Readonly<Record<BuiltinKind, BuiltinEvaluator>> = {
  pii_leak: piiLeakEvaluator,
  toxicity: toxicityEvaluator,
  faithfulness: faithfulnessEvaluator,
  relevance: relevanceEvaluator,
  refusal: refusalEvaluator,
  format: formatEvaluator,
};
