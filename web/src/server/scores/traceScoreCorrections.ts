import type { Score, ScoreCorrection } from "@/contracts/scores";
import type { Queryable } from "@/server/db/client";
import { can, type Role } from "@/server/auth/permissions";
import { listScoreCorrections } from "@/server/scores/scoreCorrections";

/** What the trace view needs to show and offer corrections of evaluator scores. */
export interface TraceScoreCorrections {
  /** The viewer's role may annotate, so they may correct an evaluator's score. */
  canCorrect: boolean;
  /** The viewer's own corrections start from what they said before. */
  viewerId: string;
  /** Corrections of the trace's evaluator scores, latest first. */
  corrections: ScoreCorrection[];
  /** Scores given by LLM judges: only their corrections can become few-shot examples. */
  judgeScoreIds: string[];
}

export async function traceScoreCorrections(
  database: Queryable,
  projectId: string,
  scores: readonly Score[],
  viewer: { userId: string; role: Role },
): Promise<TraceScoreCorrections> {
  const evaluatorScoreIds = scores.filter((score) => score.source === "evaluator").map((score) => score.id);
  const [corrections, judgeScores] = await Promise.all([
    listScoreCorrections(database, projectId, evaluatorScoreIds),
    evaluatorScoreIds.length === 0
      ? Promise.resolve([])
      : database.score.findMany({
          where: { projectId, id: { in: evaluatorScoreIds }, evaluator: { kind: "llm_judge" } },
          select: { id: true },
        }),
  ]);
  return {
    canCorrect: can(viewer.role, "review:annotate"),
    viewerId: viewer.userId,
    corrections,
    judgeScoreIds: judgeScores.map(({ id }) => id),
  };
}
