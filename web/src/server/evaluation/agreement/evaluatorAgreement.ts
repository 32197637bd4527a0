import type { EvaluatorKind } from "@/contracts/evaluators";
import type { ScoreConfig } from "@/contracts/scores";
import { minimumAgreementSample, type EvaluatorAgreementView, type ScoreAgreementView } from "@/contracts/evaluatorAgreement";
import type { Queryable } from "@/server/db/client";
import { NotFoundError } from "@/server/errors";
import { evaluatorScoreNames } from "@/server/evaluation/evaluatorScoreNames";
import { pearsonCorrelation, spearmanCorrelation } from "@/server/evaluation/agreement/correlation";
import { passFailAgreement } from "@/server/evaluation/agreement/passFailAgreement";
import { humanVerdictScore } from "@/server/review/annotateItem";
import { cohensKappa } from "@/server/review/agreement";
import { isLowScore } from "@/server/review/lowScore";
import { scoreConfigsByName } from "@/server/scores/scoreConfigs";

interface EvaluatorRef {
  id: string;
  kind: EvaluatorKind;
  name: string;
}

interface EvaluatorScore {
  id: string;
  traceId: string;
  name: string;
  dataType: ScoreAgreementView["dataType"];
  value: number | null;
  category: string | null;
  evaluatorId: string | null;
}

/** A person's word on a trace: a correction's value or a verdict (value 1 good, 0 failure). */
interface HumanLabel {
  traceId: string;
  annotator: string;
  value: number | null;
  category: string | null;
}

const key = (...parts: string[]) => parts.join("\u0000");

/**
 * Keeps one label per (what it is about, annotator): the latest, as rows come oldest first.
 * A person who changed their mind counts once, with what they think now.
 */
function latestPerAnnotator<T extends HumanLabel>(
  labels: readonly T[],
  subject: (label: T) => string | null,
): Map<string, T & { subject: string }> {
  const latest = new Map<string, T & { subject: string }>();
  for (const label of labels) {
    const about = subject(label);
    if (about !== null) latest.set(key(about, label.annotator), { ...label, subject: about });
  }
  return latest;
}

/** Booleans without a review threshold still have a failure side for F1: true, as for pii_leak. */
function isFailure(value: number, config: ScoreConfig | undefined): boolean {
  if (config && config.reviewThreshold !== null) return isLowScore(value, config);
  return value === 1;
}

function correctionFigures(
  dataType: ScoreAgreementView["dataType"],
  pairs: readonly { score: EvaluatorScore; label: HumanLabel }[],
  config: ScoreConfig | undefined,
): ScoreAgreementView["corrections"] {
  const none = { kappa: null, pearson: null, spearman: null, passFail: null };
  if (dataType === "categorical") {
    const labelled = pairs.flatMap(({ score, label }) =>
      score.category !== null && label.category !== null ? [[score.category, label.category] as [string, string]] : [],
    );
    return { ...none, n: labelled.length, kappa: cohensKappa(labelled) };
  }
  const numbers = pairs.flatMap(({ score, label }) =>
    score.value !== null && label.value !== null ? [[score.value, label.value] as const] : [],
  );
  if (dataType === "numeric")
    return { ...none, n: numbers.length, pearson: pearsonCorrelation(numbers), spearman: spearmanCorrelation(numbers) };
  return {
    ...none,
    n: numbers.length,
    kappa: cohensKappa(numbers.map(([a, b]) => [String(a), String(b)])),
    passFail: passFailAgreement(numbers.map(([a, b]) => ({ predicted: isFailure(a, config), actual: isFailure(b, config) }))),
  };
}

const labelSelect = { traceId: true, authorId: true, id: true, value: true, category: true } as const;
const asLabel = (row: { traceId: string; authorId: string | null; id: string; value: number | null; category: string | null }) => ({
  traceId: row.traceId,
  // A deleted annotator's labels still count, each as its own person.
  annotator: row.authorId ?? row.id,
  value: row.value,
  category: row.category,
});

/**
 * How far people agree with each evaluator, per score name it gives. Only traces people
 * labelled are read, so the cost follows annotation work, not trace volume. Each evaluator
 * is judged by its latest score per trace (highest version, then newest), whichever version
 * the correction was made against: the figures describe the evaluator as it now scores.
 * Each (trace, annotator) pair counts once, with the annotator's latest word.
 */
export async function evaluatorsAgreement(
  database: Queryable,
  projectId: string,
  evaluators: readonly EvaluatorRef[],
): Promise<Map<string, EvaluatorAgreementView>> {
  const [correctionRows, verdictRows] = await Promise.all([
    database.score.findMany({
      where: { projectId, source: "annotation", correctsScoreId: { not: null } },
      select: { ...labelSelect, correctsScoreId: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    database.score.findMany({
      where: { projectId, source: "annotation", name: humanVerdictScore, dataType: "boolean" },
      select: labelSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const traceIds = [...new Set([...correctionRows, ...verdictRows].map((row) => row.traceId))];
  const scores =
    traceIds.length === 0 || evaluators.length === 0
      ? []
      : await database.score.findMany({
          where: { projectId, source: "evaluator", evaluatorId: { in: evaluators.map(({ id }) => id) }, traceId: { in: traceIds } },
          select: { id: true, traceId: true, name: true, dataType: true, value: true, category: true, evaluatorId: true },
          orderBy: [{ evaluatorVersion: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        });

  const scoreById = new Map(scores.map((score) => [score.id, score]));
  const latestScore = new Map<string, EvaluatorScore>();
  for (const score of scores) latestScore.set(key(score.evaluatorId ?? "", score.name, score.traceId), score);

  // A correction is about (evaluator, score name, trace) of the score it corrects.
  const corrections = latestPerAnnotator(
    correctionRows.map((row) => ({ ...asLabel(row), corrects: row.correctsScoreId })),
    (label) => {
      const corrected = label.corrects === null ? undefined : scoreById.get(label.corrects);
      return corrected ? key(corrected.evaluatorId ?? "", corrected.name, corrected.traceId) : null;
    },
  );
  const verdicts = [...latestPerAnnotator(verdictRows.map(asLabel), (label) => label.traceId).values()];
  const correctedPairs = new Map<string, { score: EvaluatorScore; label: HumanLabel }[]>();
  for (const label of corrections.values()) {
    const score = latestScore.get(label.subject);
    if (!score) continue;
    const series = key(score.evaluatorId ?? "", score.name);
    const pairs = correctedPairs.get(series) ?? [];
    pairs.push({ score, label });
    correctedPairs.set(series, pairs);
  }

  const names = new Set(evaluators.flatMap((evaluator) => evaluatorScoreNames(evaluator.kind, evaluator.name)));
  for (const score of scores) names.add(score.name);
  const configs = await scoreConfigsByName(database, projectId, [...names]);

  const agreement = new Map<string, EvaluatorAgreementView>();
  for (const evaluator of evaluators) {
    const given = new Set(evaluatorScoreNames(evaluator.kind, evaluator.name));
    for (const score of scores) if (score.evaluatorId === evaluator.id) given.add(score.name);
    const perName = [...given].map((name): ScoreAgreementView => {
      const config = configs.get(name);
      const scoreOn = (traceId: string) => latestScore.get(key(evaluator.id, name, traceId));
      const dataType = config?.dataType ?? scores.find((score) => score.name === name)?.dataType ?? "numeric";
      const judged = config && config.dataType !== "categorical" && config.reviewThreshold !== null ? config : null;
      return {
        name,
        dataType,
        corrections: correctionFigures(dataType, correctedPairs.get(key(evaluator.id, name)) ?? [], config),
        verdicts: judged
          ? passFailAgreement(
              verdicts.flatMap((verdict) => {
                const value = scoreOn(verdict.traceId)?.value;
                return value === undefined || value === null || verdict.value === null
                  ? []
                  : [{ predicted: isLowScore(value, judged), actual: verdict.value === 0 }];
              }),
            )
          : null,
      };
    });
    agreement.set(evaluator.id, { evaluatorId: evaluator.id, minimumSample: minimumAgreementSample, scores: perName });
  }
  return agreement;
}

/** One evaluator's agreement with annotators; 404 when it is not this project's. */
export async function evaluatorAgreement(database: Queryable, projectId: string, evaluatorId: string): Promise<EvaluatorAgreementView> {
  const evaluator = await database.evaluator.findFirst({
    where: { projectId, id: evaluatorId },
    select: { id: true, kind: true, name: true },
  });
  if (!evaluator) throw new NotFoundError(`No evaluator ${evaluatorId} in this project`);
  const agreement = (await evaluatorsAgreement(database, projectId, [evaluator])).get(evaluator.id);
  if (!agreement) throw new NotFoundError(`No evaluator ${evaluatorId} in this project`);
  return agreement;
}
