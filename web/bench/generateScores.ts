import type { Queryable } from "../src/server/db/client.ts";
import { defaultTraceShape, type TraceShape } from "./generateTraces.ts";

/**
 * Evaluator scores named `name` on every `every`-th of `traces` traces made by
 * generateTraces with the same shape: a numeric score spread over 0..1 (mean about
 * `mean`), or with `boolean` 1 on about `mean` of them and 0 on the rest.
 */
export async function generateScores(
  database: Queryable,
  projectId: string,
  score: { name: string; every: number; mean: number; boolean?: boolean },
  traces: number,
  shape: TraceShape = defaultTraceShape,
): Promise<void> {
  const chunk = 250_000;
  const count = Math.floor(traces / score.every);
  // A value in [0, 1) per trace, scattered so neighbours differ, then moved to the mean.
  for (let offset = 0; offset < count; offset += chunk) {
    const size = Math.min(chunk, count - offset);
    await database.$executeRaw`
      INSERT INTO scores (project_id, id, trace_id, name, data_type, value, source, evaluator_name)
      SELECT ${projectId}::uuid, ${shape.idPrefix} || ${score.name} || '-' || t, ${shape.idPrefix} || t, ${score.name},
        ${score.boolean ? "boolean" : "numeric"}::"ScoreDataType",
        CASE WHEN ${score.boolean ?? false} THEN (u < ${score.mean}::float8)::int::float8
             ELSE least(1, greatest(0, ${score.mean}::float8 + (u - 0.5) * 0.6)) END,
        'evaluator', ${score.name}
      FROM (
        SELECT g * ${score.every}::int AS t, ((g::bigint * 48271) % 1000) / 1000.0 AS u
        FROM generate_series(${offset + 1}::int, ${offset + size}::int) AS g
      ) AS rows`;
  }
}
