import type { JudgeExample } from "@/contracts/judge";
import type { Queryable } from "@/server/db/client";
import { evaluationSubjectOf } from "@/server/evaluation/evaluationSubject";

/**
 * The most corrections a judge is shown per call: each adds a whole question and answer to
 * every call's prompt (tokens paid on every trace), and a handful already shows the judge
 * where the annotators draw the line.
 */
export const maxJudgeExamples = 5;

/**
 * The corrections of this judge's scores that annotators offered as few-shot examples,
 * latest first: the corrected trace's question and answer, the annotator's score and their
 * reasoning. The trace being judged is left out, so re-scoring a corrected trace (a new
 * version, a backfill) never hands the judge its answer.
 *
 * Examples do not bump the evaluator's version. A version is a change of the instructions
 * someone made on purpose, and starts a new score series that rescores from scratch; examples
 * grow with every correction, and a series split per correction would leave every series too
 * short to chart or compare. What the judge was shown stays on record in each judge call's prompt.
 */
export async function judgeExamples(
  database: Queryable,
  projectId: string,
  evaluatorId: string,
  judgedTraceId: string,
): Promise<JudgeExample[]> {
  const corrections = await database.score.findMany({
    where: {
      projectId,
      useAsExample: true,
      value: { not: null },
      traceId: { not: judgedTraceId },
      correctsScore: { evaluatorId },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: maxJudgeExamples,
    select: { value: true, comment: true, trace: { select: { input: true, output: true } } },
  });
  return corrections.flatMap(({ value, comment, trace }) => {
    if (value === null) return [];
    const subject = evaluationSubjectOf(trace, []);
    return [{ input: subject.input, output: subject.output, score: value, reasoning: comment ?? "" }];
  });
}
