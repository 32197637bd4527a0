import { apiRoute } from "@/server/api/route";
import { callerProjectId } from "@/server/api/caller";
import { traceIdParams } from "@/contracts/traces";
import { getTrace } from "@/server/traces/traceQueries";

export const GET = apiRoute({
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: traceIdParams,
  handler: ({ database, caller, params }) => getTrace(database, callerProjectId(caller), params.id),
});
