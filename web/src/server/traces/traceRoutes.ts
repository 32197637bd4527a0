import type { z } from "zod";
import type { RouteSpec } from "@/server/api/route";
import { callerProjectId } from "@/server/api/caller";
import { batchResponse } from "@/server/api/batchResponse";
import { traceBatchEnvelopeSchema } from "@/contracts/traces";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { traceIngestMaxBytes } from "@/server/traces/limits";

/** POST /api/v1/traces, shared by the route file and the lean ingest server. */
export const traceIngestRoute: RouteSpec<z.infer<typeof traceBatchEnvelopeSchema>, undefined, Record<string, never>, Response> = {
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:write",
  body: traceBatchEnvelopeSchema,
  maxBodyBytes: traceIngestMaxBytes,
  handler: async ({ database, caller, body }) => batchResponse(await ingestTraces(database, callerProjectId(caller), body.traces)),
};
