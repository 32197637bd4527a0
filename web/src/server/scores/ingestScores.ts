import { randomUUID } from "node:crypto";
import type { BatchResult } from "@/contracts/batch";
import { scoreInputSchema, type ScoreConfig, type ScoreInput } from "@/contracts/scores";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { validateBatchItems, type Rejection } from "@/server/api/batchValidation";
import { checkScoreValue, inferredScoreConfig, scoreConfigsByName } from "@/server/scores/scoreConfigs";

/**
 * Stores a batch of scores from the application's own evaluators, each exactly once (by
 * id). Each score is checked alone: its shape, that its trace (and span) is the project's,
 * and its value against the score config. The first score of a new name fixes the name's
 * type. Valid scores are written in one transaction.
 */
export async function ingestScores(database: Database, projectId: string, rawScores: unknown[], now: Date): Promise<BatchResult> {
  const { valid, rejected } = validateBatchItems(rawScores, scoreInputSchema, "score");
  const withIds = valid.map(({ index, item }) => ({ index, score: { ...item, id: item.id ?? randomUUID() } }));

  const traceIds = [...new Set(withIds.map(({ score }) => score.traceId))];
  const spanKeys = withIds.flatMap(({ score }) => (score.spanId ? [{ traceId: score.traceId, id: score.spanId }] : []));
  const [traces, spans, configs] = await Promise.all([
    database.trace.findMany({ where: { projectId, id: { in: traceIds } }, select: { id: true } }),
    spanKeys.length === 0
      ? Promise.resolve([])
      : database.span.findMany({ where: { projectId, OR: spanKeys }, select: { traceId: true, id: true } }),
    scoreConfigsByName(
      database,
      projectId,
      withIds.map(({ score }) => score.name),
    ),
  ]);
  const knownTraces = new Set(traces.map(({ id }) => id));
  const knownSpans = new Set(spans.map(({ traceId, id }) => `${traceId}\u0000${id}`));

  const newConfigs = new Map<string, ScoreConfig>();
  const rows: Prisma.ScoreCreateManyInput[] = [];
  const seen = new Set<string>();
  const repeated: string[] = [];
  const reject = (index: number, score: ScoreInput & { id: string }, status: number, message: string) =>
    rejected.push({ id: score.id, index, status, message } satisfies Rejection);
  for (const { index, score } of withIds) {
    if (!knownTraces.has(score.traceId)) {
      reject(index, score, 404, `trace ${score.traceId} was not found in this project`);
      continue;
    }
    if (score.spanId && !knownSpans.has(`${score.traceId}\u0000${score.spanId}`)) {
      reject(index, score, 404, `span ${score.spanId} was not found in trace ${score.traceId}`);
      continue;
    }
    const config = configs.get(score.name) ?? newConfigs.get(score.name) ?? inferredScoreConfig(score);
    const checked = checkScoreValue(config, score);
    if (typeof checked === "string") {
      reject(index, score, 400, checked);
      continue;
    }
    if (seen.has(score.id)) {
      repeated.push(score.id);
      continue;
    }
    seen.add(score.id);
    if (!configs.has(score.name)) newConfigs.set(score.name, config);
    rows.push({
      projectId,
      id: score.id,
      traceId: score.traceId,
      spanId: score.spanId ?? null,
      name: score.name,
      dataType: checked.dataType,
      value: checked.value,
      category: checked.category,
      source: "api",
      comment: score.comment ?? null,
      createdAt: now,
    });
  }
  rejected.sort((a, b) => a.index - b.index);
  if (rows.length === 0) return { accepted: [], duplicates: repeated, rejected };

  const inserted = await database.$transaction(async (tx) => {
    if (newConfigs.size > 0) {
      await tx.scoreConfig.createMany({ data: [...newConfigs.values()].map((config) => ({ ...config, projectId })), skipDuplicates: true });
    }
    return tx.score.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
  });
  const insertedIds = new Set(inserted.map(({ id }) => id));
  return {
    accepted: rows.filter((row) => insertedIds.has(row.id)).map((row) => row.id),
    duplicates: [...rows.filter((row) => !insertedIds.has(row.id)).map((row) => row.id), ...repeated],
    rejected,
  };
}
