import { apiRoute } from "@/server/api/route";
import { callerProjectId } from "@/server/api/caller";
import { batchResponse } from "@/server/api/batchResponse";
import { traceBatchEnvelopeSchema, traceListQuerySchema } from "@/contracts/traces";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { listTraces } from "@/server/traces/traceQueries";
import { traceIngestMaxBytes } from "@/server/traces/limits";

export const POST = apiRoute({
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:write",
  body: traceBatchEnvelopeSchema,
  maxBodyBytes: traceIngestMaxBytes,
  handler: async ({ database, caller, body }) => batchResponse(await ingestTraces(database, callerProjectId(caller), body.traces)),
});

export const GET = apiRoute({
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:read",
  query: traceListQuerySchema,
  handler: ({ database, caller, query }) => listTraces(database, callerProjectId(caller), query),
});
