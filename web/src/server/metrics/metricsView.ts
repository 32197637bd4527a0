import { db } from "@/server/db/client";
import { metricsQuerySchema, type Metrics, type MetricsQuery } from "@/contracts/metrics";
import { getMetrics } from "@/server/metrics/metricsQuery";
import { parseConsoleFilters } from "@/server/console/consoleFilters";
import type { SearchParams } from "@/server/console/searchParams";

export interface MetricsPageView {
  query: MetricsQuery;
  /** What was wrong with the URL's filters; the page then shows the default range. */
  error: string | null;
  metrics: Metrics;
}

/** The metrics page: the URL's range and breakdown, and the figures for them (from rollups). */
export async function metricsPageView(projectId: string, params: SearchParams, now: Date = new Date()): Promise<MetricsPageView> {
  const { query, error } = parseConsoleFilters(metricsQuerySchema, params);
  return { query, error, metrics: await getMetrics(db(), projectId, query, now) };
}
