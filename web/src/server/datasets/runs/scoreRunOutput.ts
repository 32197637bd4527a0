import type { Database } from "@/server/db/client";
import type { Embedder } from "@/server/embeddings/embedder";
import type { RunItemScore } from "@/contracts/datasetRuns";
import type { BuiltinKind } from "@/server/evaluation/evaluateTrace";
import type { BuiltinEvaluator, BuiltinEvaluatorContext, EvaluationSubject } from "@/server/evaluation/evaluatorTypes";
import { evaluatorScoreNames } from "@/server/evaluation/evaluatorScoreNames";
import { builtinScoreConfig } from "@/server/scores/builtinScoreConfigs";

/** What scoring run outputs needs from outside the database; the route passes the process's, tests may pass their own. */
export interface RunScoringDependencies {
  builtins: Readonly<Record<BuiltinKind, BuiltinEvaluator>>;
  /** The semantic embedder (relevance reads it). */
  embedder: () => Embedder;
}

/** The project's enabled built-ins, loaded once per upload, and every score name they give. */
export interface RunScorer {
  evaluators: readonly BuiltinEvaluator[];
  context: BuiltinEvaluatorContext;
  /** Names an enabled built-in gives (whether or not it applies to a given output): a score assertion on another name cannot be checked. */
  scoreNames: ReadonlySet<string>;
}

/**
 * The project's enabled built-in evaluators, each kind once (a project may hold two rows of a
 * kind under different names: their scores are the same). LLM judges are left out: a run
 * calls them only through judge and pairwise assertions, which say so. Sampling and trace
 * filters are left out too: a regression gate scores every output.
 */
export async function loadRunScorer(database: Database, projectId: string, dependencies: RunScoringDependencies): Promise<RunScorer> {
  const [rows, project] = await Promise.all([
    database.evaluator.findMany({ where: { projectId, enabled: true, kind: { not: "llm_judge" } }, select: { kind: true } }),
    database.project.findUnique({ where: { id: projectId }, select: { answerJsonSchema: true } }),
  ]);
  const kinds = [...new Set(rows.map((row) => row.kind).filter((kind): kind is BuiltinKind => kind !== "llm_judge"))].sort();
  return {
    evaluators: kinds.map((kind) => dependencies.builtins[kind]),
    context: { embedder: dependencies.embedder(), answerJsonSchema: project?.answerJsonSchema ?? undefined },
    scoreNames: new Set(kinds.flatMap((kind) => evaluatorScoreNames(kind, kind))),
  };
}

/**
 * Every enabled built-in that applies to the output scores it. One that throws records an
 * error under each score name it gives, and the others still score: a broken evaluator is
 * information about the run, not a reason to lose the upload.
 */
export async function scoreRunOutput(scorer: RunScorer, subject: EvaluationSubject): Promise<RunItemScore[]> {
  const scored = await Promise.all(
    scorer.evaluators.map(async (evaluator): Promise<RunItemScore[]> => {
      if (!evaluator.applies(subject, scorer.context)) return [];
      try {
        const scores = await evaluator.evaluate(subject, scorer.context);
        return scores.map((score) => ({
          name: score.name,
          evaluator: evaluator.kind,
          dataType: score.dataType,
          value: score.value,
          category: score.category ?? null,
          explanation: score.explanation,
          error: null,
        }));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return evaluatorScoreNames(evaluator.kind, evaluator.kind).map((name) => ({
          name,
          evaluator: evaluator.kind,
          dataType: builtinScoreConfig(name)?.dataType ?? "numeric",
          value: null,
          category: null,
          explanation: null,
          error: `${evaluator.kind} failed on this output: ${message}`,
        }));
      }
    }),
  );
  return scored.flat();
}
