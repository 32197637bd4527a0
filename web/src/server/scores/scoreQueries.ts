import type { Score } from "@/contracts/scores";
import type { Queryable } from "@/server/db/client";

export const scoreSelect = {
  id: true,
  traceId: true,
  spanId: true,
  name: true,
  dataType: true,
  value: true,
  category: true,
  source: true,
  evaluatorName: true,
  evaluatorVersion: true,
  comment: true,
  costUsd: true,
  correctsScoreId: true,
  createdAt: true,
} as const;

export interface ScoreRow {
  id: string;
  traceId: string;
  spanId: string | null;
  name: string;
  dataType: Score["dataType"];
  value: number | null;
  category: string | null;
  source: Score["source"];
  evaluatorName: string | null;
  evaluatorVersion: number | null;
  comment: string | null;
  costUsd: number | null;
  correctsScoreId: string | null;
  createdAt: Date;
}

/** A score as the API and the console show it: booleans as true/false again. */
export function serializeScore(row: ScoreRow): Score {
  return {
    id: row.id,
    traceId: row.traceId,
    spanId: row.spanId,
    name: row.name,
    dataType: row.dataType,
    value: row.dataType === "boolean" ? row.value === 1 : row.value,
    category: row.category,
    source: row.source,
    evaluator: row.evaluatorName,
    evaluatorVersion: row.evaluatorVersion,
    comment: row.comment,
    costUsd: row.costUsd,
    correctsScoreId: row.correctsScoreId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A trace's scores, newest first (optionally of one name). */
export async function listTraceScores(database: Queryable, projectId: string, traceId: string, name?: string): Promise<Score[]> {
  const rows = await database.score.findMany({
    where: { projectId, traceId, ...(name ? { name } : {}) },
    select: scoreSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(serializeScore);
}
