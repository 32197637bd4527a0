import { instanceSecret } from "@/server/auth/instanceSecret";
import { defaultSemanticEmbedder } from "@/server/embeddings/defaultSemanticEmbedder";
import { builtinEvaluators } from "@/server/evaluation/builtinEvaluators";
import type { EvaluationDependencies } from "@/server/evaluation/evaluateTrace";
import { createConcurrencyLimit, type ConcurrencyLimit } from "@/server/evaluation/judge/concurrencyLimit";

/** Judge calls one evaluator has in flight per process at most: endpoints rate-limit per key. */
const judgeCallsPerEvaluator = 4;

/** What the web process and workers score with: the built-ins, GloVe SIF, the instance secret and real HTTP. */
export function processEvaluationDependencies(): EvaluationDependencies {
  const limits = new Map<string, ConcurrencyLimit>();
  return {
    builtins: builtinEvaluators,
    embedder: defaultSemanticEmbedder,
    instanceSecret,
    judge: {},
    judgeLimit: (evaluatorId) => {
      let limit = limits.get(evaluatorId);
      if (!limit) {
        limit = createConcurrencyLimit(judgeCallsPerEvaluator);
        limits.set(evaluatorId, limit);
      }
      return limit;
    },
  };
}
