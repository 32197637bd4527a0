import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { batchResponse } from "@/server/api/batchResponse";
import { batchResultSchema } from "@/contracts/batch";
import {
  traceBatchEnvelopeSchema,
  traceBatchSchema,
  traceIdParams,
  traceListQuerySchema,
  traceListSchema,
  traceSchema,
} from "@/contracts/traces";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { getTrace, listTraces } from "@/server/traces/traceQueries";
import { traceIngestMaxBytes } from "@/server/traces/limits";

export const traceIngestRoute = endpoint({
  method: "POST",
  path: "/api/v1/traces",
  summary: "Ingest a batch of traces with nested spans (re-sent ids update, never duplicate; 5 MB cap)",
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:write",
  lean: true,
  body: traceBatchEnvelopeSchema,
  documentedBody: traceBatchSchema,
  maxBodyBytes: traceIngestMaxBytes,
  response: batchResultSchema,
  answers: "All stored; 207 with the same body when some were rejected",
  handler: async ({ database, caller, body }) => batchResponse(await ingestTraces(database, callerProjectId(caller), body.traces)),
});

export const traceListRoute = endpoint({
  method: "GET",
  path: "/api/v1/traces",
  summary: "List traces, newest first, with filters and cursor pagination",
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:read",
  query: traceListQuerySchema,
  response: traceListSchema,
  answers: "A page of traces",
  handler: ({ database, caller, query }) => listTraces(database, callerProjectId(caller), query),
});

export const traceRoute = endpoint({
  method: "GET",
  path: "/api/v1/traces/{id}",
  summary: "One trace with its spans, feedback and scores",
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: traceIdParams,
  response: traceSchema,
  answers: "The trace",
  handler: ({ database, caller, params }) => getTrace(database, callerProjectId(caller), params.id),
});

export const traceEndpoints = [traceIngestRoute, traceListRoute, traceRoute] as const;
