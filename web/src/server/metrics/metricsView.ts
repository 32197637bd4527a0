import { db } from "@/server/db/client";
import {
  metricsQuerySchema,
  scoreMetricsQuerySchema,
  type Metrics,
  type MetricsQuery,
  type ScoreMetrics,
  type ScoreMetricsQuery,
} from "@/contracts/metrics";
import { getMetrics } from "@/server/metrics/metricsQuery";
import { getScoreMetrics } from "@/server/metrics/scoreMetricsQuery";
import { parseConsoleFilters } from "@/server/console/consoleFilters";
import type { SearchParams } from "@/server/console/searchParams";

export interface MetricsPageView {
  query: MetricsQuery;
  /** What was wrong with the URL's filters; the page then shows the default range. */
  error: string | null;
  metrics: Metrics;
  /** The Scores chart: the range and breakdown above, plus the score picked and its threshold. */
  scoreQuery: ScoreMetricsQuery;
  scores: ScoreMetrics;
}

/** The metrics page: the URL's range and breakdown, and the figures for them (from rollups). */
export async function metricsPageView(projectId: string, params: SearchParams, now: Date = new Date()): Promise<MetricsPageView> {
  const { query, error } = parseConsoleFilters(metricsQuerySchema, params);
  // A bad score filter falls back on its own; the range and breakdown that did parse stay.
  const scoreFilters = parseConsoleFilters(scoreMetricsQuerySchema, params);
  const scoreQuery = scoreFilters.error ? query : scoreFilters.query;
  const database = db();
  const metrics = await getMetrics(database, projectId, query, now);
  return {
    query,
    error: [error, scoreFilters.error].filter(Boolean).join("; ") || null,
    metrics,
    scoreQuery,
    scores: await getScoreMetrics(database, projectId, scoreQuery, now),
  };
}
