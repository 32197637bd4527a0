import { apiRoute } from "@/server/api/route";
import { callerProjectId } from "@/server/api/caller";
import { metricsQuerySchema } from "@/contracts/metrics";
import { getMetrics } from "@/server/metrics/metricsQuery";

export const GET = apiRoute({
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:read",
  query: metricsQuerySchema,
  handler: ({ database, caller, query, now }) => getMetrics(database, callerProjectId(caller), query, now),
});
