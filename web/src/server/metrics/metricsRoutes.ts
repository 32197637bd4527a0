import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { metricsQuerySchema, metricsSchema, scoreMetricsQuerySchema, scoreMetricsSchema } from "@/contracts/metrics";
import { getMetrics } from "@/server/metrics/metricsQuery";
import { getScoreMetrics } from "@/server/metrics/scoreMetricsQuery";

export const metricsRoute = endpoint({
  method: "GET",
  path: "/api/v1/metrics",
  summary: "Requests, error rate, latency and TTFT percentiles, cost and tokens over a range, as totals and time series",
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:read",
  query: metricsQuerySchema,
  response: metricsSchema,
  answers: "The same figures as the console's metrics page",
  handler: ({ database, caller, query, now }) => getMetrics(database, callerProjectId(caller), query, now),
});

export const scoreMetricsRoute = endpoint({
  method: "GET",
  path: "/api/v1/metrics/scores",
  summary: "A score's average and share at or past a threshold over a range, as totals and time series, and the score names with data",
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:read",
  query: scoreMetricsQuerySchema,
  response: scoreMetricsSchema,
  answers: "The same figures as the console's Scores chart",
  handler: ({ database, caller, query, now }) => getScoreMetrics(database, callerProjectId(caller), query, now),
});

export const metricsEndpoints = [metricsRoute, scoreMetricsRoute] as const;
