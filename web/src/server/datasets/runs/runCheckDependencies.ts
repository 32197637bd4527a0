import type { Database } from "@/server/db/client";
import { decryptSecret, secretPurposes } from "@/server/auth/secretBox";
import { instanceSecret } from "@/server/auth/instanceSecret";
import { cosineSimilarity } from "@/server/embeddings/cosineSimilarity";
import { defaultSemanticEmbedder } from "@/server/embeddings/defaultSemanticEmbedder";
import { storedJudge } from "@/server/evaluation/evaluators";
import { createConcurrencyLimit } from "@/server/evaluation/judge/concurrencyLimit";
import { judgePairwise } from "@/server/evaluation/judge/pairwisePreference";
import { runJudge, type JudgeDependencies, type JudgeRunSettings } from "@/server/evaluation/judge/runJudge";
import { guardedFetch } from "@/server/http/outboundUrls";
import { processOutboundPolicy } from "@/server/http/processOutboundPolicy";
import { projectPriceEntries } from "@/server/traces/projectPrices";
import type { JudgeVerdict, PreferenceVerdict, RunCheckDependencies } from "@/server/datasets/runs/checkRunOutput";

/** Judge calls one upload has in flight at most: endpoints rate-limit per key. */
const judgeCallsPerUpload = 4;

type LoadedJudge = { ok: true; settings: JudgeRunSettings } | { ok: false; error: string };

/** The project's judge evaluator of that name, with its key decrypted; or why there is none. */
async function loadJudge(database: Database, projectId: string, name: string): Promise<LoadedJudge> {
  const evaluator = await database.evaluator.findFirst({
    where: { projectId, name, kind: "llm_judge" },
    select: { judge: true, judgeApiKey: true },
  });
  const settings = evaluator && storedJudge(evaluator);
  if (!evaluator || !settings) return { ok: false, error: `No LLM-judge evaluator named ${name} in this project` };
  const apiKey =
    evaluator.judgeApiKey === null ? undefined : decryptSecret(evaluator.judgeApiKey, instanceSecret(), secretPurposes.judgeApiKey);
  return { ok: true, settings: { ...settings, apiKey } };
}

/**
 * What run uploads check with in the server: the semantic embedder evaluators use, and the
 * project's judge evaluators over real HTTP within the outbound policy. Judge calls are
 * not billed to the evaluator's daily budget nor stored as judge calls: they belong to the run.
 */
export function runCheckDependencies(
  database: Database,
  projectId: string,
  options: { random?: (() => number) | undefined } = {},
): RunCheckDependencies {
  const judges = new Map<string, Promise<LoadedJudge>>();
  const limit = createConcurrencyLimit(judgeCallsPerUpload);
  let prices: ReturnType<typeof projectPriceEntries> | undefined;
  const judgeNamed = (name: string) => {
    let loading = judges.get(name);
    if (!loading) {
      loading = loadJudge(database, projectId, name);
      judges.set(name, loading);
    }
    return loading;
  };
  const judgeDependencies = async (): Promise<JudgeDependencies> => {
    prices ??= projectPriceEntries(database, projectId);
    return { fetch: guardedFetch(processOutboundPolicy), limit, prices: await prices, random: options.random };
  };
  return {
    async similarity(output, expected) {
      const [a, b] = await defaultSemanticEmbedder().embed([output, expected]);
      if (!a || !b) throw new Error("the embedder returned no vector");
      return cosineSimilarity(a, b);
    },
    async judge(name, subject): Promise<JudgeVerdict> {
      const judge = await judgeNamed(name);
      if (!judge.ok) return judge;
      const outcome = await runJudge(
        judge.settings,
        { input: subject.question, output: subject.output, contexts: [], expected: subject.expected },
        await judgeDependencies(),
      );
      if (!outcome.ok) return { ok: false, error: `${name}: ${outcome.error}` };
      const { min, max, direction } = outcome.scoreConfig;
      const unit = max === min ? 1 : (outcome.score - min) / (max - min);
      return { ok: true, score: direction === "lower_is_better" ? 1 - unit : unit, reasoning: outcome.reasoning };
    },
    async prefer(name, subject, preferOptions): Promise<PreferenceVerdict> {
      const judge = await judgeNamed(name);
      if (!judge.ok) return judge;
      const outcome = await judgePairwise(
        judge.settings,
        { question: subject.question, candidate: subject.output, reference: subject.expected },
        preferOptions,
        await judgeDependencies(),
      );
      return outcome.ok
        ? { ok: true, preferred: outcome.preferred, looks: outcome.looks }
        : { ok: false, error: `${name}: ${outcome.error}` };
    },
  };
}
