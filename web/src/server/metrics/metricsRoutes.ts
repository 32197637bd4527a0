import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { metricsQuerySchema, metricsSchema } from "@/contracts/metrics";
import { getMetrics } from "@/server/metrics/metricsQuery";

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

export const metricsEndpoints = [metricsRoute] as const;
