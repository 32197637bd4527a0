import type { Queryable } from "@/server/db/client";
import { logGamma } from "@/server/metrics/logHistogram";
import { histogramScale, linearBins } from "@/server/metrics/scoreHistogram";
import { listScoreConfigs } from "@/server/scores/scoreConfigs";

type Granularity = "minute" | "hour" | "day";

/**
 * Recomputes the score rollups of one chunk of buckets (delete, then insert), in the
 * transaction and under the lock that rebuilds the same buckets of metric_rollups.
 *
 * A trace counts once per score name, with its latest score of that name: a judge re-run
 * or an annotator's correction replaces what the trace scored instead of adding to it.
 * Buckets follow the trace's start time, so scores line up with the other metrics however
 * late they were written. The bin of each value is scoreBinKey's (scoreHistogram.ts) in SQL.
 */
export async function rebuildScoreBuckets(
  tx: Queryable,
  projectId: string,
  granularity: Granularity,
  starts: string[],
  from: Date,
  to: Date,
): Promise<void> {
  const scales = (await listScoreConfigs(tx, projectId)).map((config) => {
    const { min, max } = histogramScale(config);
    return { name: config.name, lo: min, hi: max };
  });
  await tx.$executeRaw`
    DELETE FROM score_rollups
    WHERE project_id = ${projectId}::uuid AND granularity = ${granularity}::"RollupGranularity" AND bucket_start = ANY(${starts}::timestamptz[])`;
  await tx.$executeRaw`
    INSERT INTO score_rollups (project_id, granularity, bucket_start, dimension, value, name, count, sum, sum_sq, hist_min, hist_max, hist)
    SELECT project_id, ${granularity}::"RollupGranularity", bucket,
      CASE WHEN GROUPING(model) = 0 THEN 'model' WHEN GROUPING(release) = 0 THEN 'release'
           WHEN GROUPING(prompt_version) = 0 THEN 'promptVersion' ELSE 'all' END,
      coalesce(model, release, prompt_version, ''),
      name, count(*)::int, coalesce(sum(score), 0)::float8, coalesce(sum(score * score), 0)::float8, min(lo), min(hi),
      (SELECT jsonb_object_agg(b, c) FROM (SELECT b, count(*) AS c FROM unnest(array_agg(bin)) AS b GROUP BY 1) AS bins)
    FROM (
      SELECT t.project_id, date_trunc(${granularity}, t.start_time, 'UTC') AS bucket, coalesce(t.model, '') AS model,
        coalesce(t.release, '') AS release, coalesce(t.prompt_version, '') AS prompt_version, s.name, s.value AS score, cfg.lo, cfg.hi,
        CASE WHEN s.value IS NULL THEN 'c:' || coalesce(s.category, '')
             WHEN cfg.lo IS NOT NULL AND cfg.hi IS NOT NULL THEN 's' || (
               CASE WHEN abs(pos.x - round(pos.x)) <= 1e-9 THEN 2 * round(pos.x) ELSE 2 * floor(pos.x) + 1 END)::int
             ELSE 'g' || (sign(s.value) * ceil(ln(abs(s.value) + 1) / ${logGamma}::float8))::int END AS bin
      FROM traces t
      JOIN unnest(${starts}::timestamptz[]) AS wanted(bucket) ON wanted.bucket = date_trunc(${granularity}, t.start_time, 'UTC')
      JOIN LATERAL (
        SELECT DISTINCT ON (name) name, value, category FROM scores
        WHERE scores.project_id = t.project_id AND scores.trace_id = t.id
        ORDER BY name, created_at DESC, id DESC
      ) AS s ON true
      LEFT JOIN jsonb_to_recordset(${JSON.stringify(scales)}::jsonb) AS cfg(name text, lo float8, hi float8) ON cfg.name = s.name
      CROSS JOIN LATERAL (
        SELECT greatest(0, least(${linearBins}::float8, (s.value - cfg.lo) * ${linearBins}::float8 / (cfg.hi - cfg.lo))) AS x
      ) AS pos
      WHERE t.project_id = ${projectId}::uuid AND t.start_time >= ${from} AND t.start_time < ${to}
    ) AS scored
    GROUP BY project_id, bucket, name, GROUPING SETS ((), (model), (release), (prompt_version))`;
}
