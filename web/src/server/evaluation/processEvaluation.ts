import { instanceSecret } from "@/server/auth/instanceSecret";
import { defaultSemanticEmbedder } from "@/server/embeddings/defaultSemanticEmbedder";
import { builtinEvaluators } from "@/server/evaluation/builtinEvaluators";
import type { EvaluationDependencies } from "@/server/evaluation/evaluateTrace";
import { createConcurrencyLimit, type ConcurrencyLimit } from "@/server/evaluation/judge/concurrencyLimit";
import { guardedFetch } from "@/server/http/outboundUrls";
import { processOutboundPolicy } from "@/server/http/processOutboundPolicy";

/** Judge calls one evaluator has in flight per process at most: endpoints rate-limit per key. */
const judgeCallsPerEvaluator = 4;

/** What the web process and workers score with: the built-ins, GloVe SIF, the instance secret and real HTTP within the outbound policy. */
export function processEvaluationDependencies(): EvaluationDependencies {
  const limits = new Map<string, ConcurrencyLimit>();
  return {
    builtins: builtinEvaluators,
    embedder: defaultSemanticEmbedder,
    instanceSecret,
    judge: { fetch: guardedFetch(processOutboundPolicy) },
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
