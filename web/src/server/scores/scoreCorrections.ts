import type { ScoreCorrection, ScoreCorrectionInput } from "@/contracts/scores";
import type { Queryable } from "@/server/db/client";
import { BadRequestError, NotFoundError } from "@/server/errors";
import { checkScoreValue, scoreConfigsByName, unboundedScoreConfig } from "@/server/scores/scoreConfigs";
import { scoreSelect, serializeScore, type ScoreRow } from "@/server/scores/scoreQueries";

/** One correction per score and annotator: correcting again changes it rather than adding another. */
export const scoreCorrectionId = (scoreId: string, userId: string) => `correction:${scoreId}:${userId}`;

const correctionSelect = {
  ...scoreSelect,
  useAsExample: true,
  authorId: true,
  author: { select: { name: true, email: true } },
} as const;

interface CorrectionRow extends ScoreRow {
  useAsExample: boolean;
  authorId: string | null;
  author: { name: string | null; email: string } | null;
}

function serializeCorrection(row: CorrectionRow & { correctsScoreId: string }): ScoreCorrection {
  return {
    ...serializeScore(row),
    correctsScoreId: row.correctsScoreId,
    useAsExample: row.useAsExample,
    authorId: row.authorId,
    author: row.author ? (row.author.name ?? row.author.email) : null,
  };
}

/** The evaluator score a correction is about, with its evaluator's kind; 404 when the project has no such score. */
async function correctableScore(database: Queryable, projectId: string, scoreId: string) {
  const score = await database.score.findUnique({
    where: { projectId_id: { projectId, id: scoreId } },
    select: { traceId: true, spanId: true, name: true, dataType: true, source: true, evaluator: { select: { kind: true } } },
  });
  if (!score) throw new NotFoundError(`No score ${scoreId} in this project`);
  return score;
}

/**
 * An annotator's say on what an evaluator's score should have been: an annotation score of
 * the same trace, name and type that points at the score it corrects, checked against the
 * score config like any score. Only evaluator scores are corrected (an API or annotation
 * score is already somebody's say), and only a judge's correction can teach the judge.
 */
export async function correctScore(
  database: Queryable,
  projectId: string,
  scoreId: string,
  userId: string,
  input: ScoreCorrectionInput,
  now: Date,
): Promise<ScoreCorrection> {
  const score = await correctableScore(database, projectId, scoreId);
  if (score.source !== "evaluator") {
    throw new BadRequestError(
      `Only evaluator scores can be corrected; score ${scoreId} came from ${score.source === "api" ? "the API" : "an annotator"}`,
    );
  }
  const useAsExample = input.useAsExample ?? false;
  if (useAsExample && score.evaluator?.kind !== "llm_judge") {
    throw new BadRequestError("Only an LLM judge learns from examples", [
      { path: ["useAsExample"], message: "only corrections of an LLM judge's score can be few-shot examples" },
    ]);
  }
  const configs = await scoreConfigsByName(database, projectId, [score.name]);
  // An evaluator's scores always have a config; should it have gone, the score's own type still holds.
  const config = configs.get(score.name) ?? unboundedScoreConfig(score.name, score.dataType);
  const checked = checkScoreValue(config, input);
  if (typeof checked === "string") {
    throw new BadRequestError(checked, [{ path: [input.category === undefined ? "value" : "category"], message: checked }]);
  }
  // createdAt is the time of the latest say: rollups rebuild the trace's bucket, and a judge's examples go latest first.
  const said = { value: checked.value, category: checked.category, comment: input.comment, useAsExample, createdAt: now };
  const id = scoreCorrectionId(scoreId, userId);
  const row = await database.score.upsert({
    where: { projectId_id: { projectId, id } },
    create: {
      projectId,
      id,
      traceId: score.traceId,
      spanId: score.spanId,
      name: score.name,
      dataType: checked.dataType,
      source: "annotation",
      authorId: userId,
      correctsScoreId: scoreId,
      ...said,
    },
    update: said,
    select: correctionSelect,
  });
  return serializeCorrection({ ...row, correctsScoreId: scoreId });
}

/** Takes back the caller's correction of a score (nothing to take back is fine); 404 when the project has no such score. */
export async function removeScoreCorrection(database: Queryable, projectId: string, scoreId: string, userId: string): Promise<void> {
  await correctableScore(database, projectId, scoreId);
  await database.score.deleteMany({ where: { projectId, id: scoreCorrectionId(scoreId, userId) } });
}

/** The corrections of these scores, latest first, for the trace view. */
export async function listScoreCorrections(
  database: Queryable,
  projectId: string,
  scoreIds: readonly string[],
): Promise<ScoreCorrection[]> {
  if (scoreIds.length === 0) return [];
  const rows = await database.score.findMany({
    where: { projectId, correctsScoreId: { in: [...scoreIds] } },
    select: correctionSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.flatMap((row) =>
    row.correctsScoreId === null ? [] : [serializeCorrection({ ...row, correctsScoreId: row.correctsScoreId })],
  );
}
