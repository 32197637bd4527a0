import { apiRoute } from "@/server/api/route";
import { callerProjectId } from "@/server/api/caller";
import { traceListQuerySchema } from "@/contracts/traces";
import { listTraces } from "@/server/traces/traceQueries";
import { traceIngestRoute } from "@/server/traces/traceRoutes";

export const POST = apiRoute(traceIngestRoute);

export const GET = apiRoute({
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:read",
  query: traceListQuerySchema,
  handler: ({ database, caller, query }) => listTraces(database, callerProjectId(caller), query),
});
