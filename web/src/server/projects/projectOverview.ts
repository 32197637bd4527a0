import { db } from "@/server/db/client";
import type { MetricFigures } from "@/contracts/metrics";
import { getMetrics } from "@/server/metrics/metricsQuery";
import { reviewQueueCounts } from "@/server/review/reviewQueries";

export interface ProjectOverviewView {
  /** The last 24 hours' totals (from the metrics rollups, as the metrics page shows them). */
  last24h: Pick<MetricFigures, "requests" | "errorRate" | "latencyP95Ms" | "costUsd" | "thumbsDownRate" | "thumbsUp" | "thumbsDown">;
  /** Items waiting for an annotator: open or being reviewed. */
  reviewQueue: number;
  /** This instance's URL as the browser reached it, for copy-pasteable snippets. */
  baseUrl: string;
}

/**
 * The URL people reached this instance at: the web server rewrote X-Forwarded-Proto/Host to
 * what it established (the socket, or a trusted proxy; see http/forwardedHeaders.ts), so
 * they are safe to read here; Host is the fallback outside that server (next dev).
 */
export function instanceUrl(headers: Headers): string {
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  return `${proto}://${host}`;
}

/** The project's overview: the last 24 hours at a glance, the review queue, and the instance URL. */
export async function projectOverviewView(projectId: string, headers: Headers, now: Date = new Date()): Promise<ProjectOverviewView> {
  const database = db();
  const [metrics, queue] = await Promise.all([
    getMetrics(database, projectId, { range: "24h" }, now),
    reviewQueueCounts(database, projectId),
  ]);
  const { requests, errorRate, latencyP95Ms, costUsd, thumbsDownRate, thumbsUp, thumbsDown } = metrics.totals;
  return {
    last24h: { requests, errorRate, latencyP95Ms, costUsd, thumbsDownRate, thumbsUp, thumbsDown },
    reviewQueue: (queue.byStatus.open ?? 0) + (queue.byStatus.in_review ?? 0),
    baseUrl: instanceUrl(headers),
  };
}
