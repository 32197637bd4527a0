import type { RouteSpec } from "@/server/api/route";
import { callerProjectId } from "@/server/api/caller";
import { decodeOtlpBody, ingestOtlpSpans, otlpMediaTypes } from "@/server/otel/ingestOtlp";
import { decodeOtlpLogs } from "@/server/otel/decodeOtlpLogs";
import { ingestGenAiLogEvents } from "@/server/otel/ingestGenAiLogEvents";
import { otlpExportResponse } from "@/server/otel/otlpResponse";
import { traceIngestMaxBytes } from "@/server/traces/limits";

/** POST /api/v1/otel/v1/traces, kept here so tests can serve the same endpoint to real OTLP exporters. */
export const otlpTraceExportRoute: RouteSpec<undefined, undefined, Record<string, never>, Response> = {
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:write",
  rawBody: { mediaTypes: otlpMediaTypes },
  maxBodyBytes: traceIngestMaxBytes,
  handler: async ({ database, caller, rawBody }) => {
    const body = rawBody ?? { mediaType: "application/json", bytes: new Uint8Array() };
    return otlpExportResponse(await ingestOtlpSpans(database, callerProjectId(caller), decodeOtlpBody(body)), body.mediaType);
  },
};

/**
 * POST /api/v1/otel/v1/logs: GenAI instrumentations send prompts and answers as log
 * events; those attach to their spans, every other record is accepted and dropped.
 */
export const otlpLogExportRoute: RouteSpec<undefined, undefined, Record<string, never>, Response> = {
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:write",
  rawBody: { mediaTypes: otlpMediaTypes },
  maxBodyBytes: traceIngestMaxBytes,
  handler: async ({ database, caller, rawBody, now }) => {
    const body = rawBody ?? { mediaType: "application/json", bytes: new Uint8Array() };
    const result = await ingestGenAiLogEvents(database, callerProjectId(caller), decodeOtlpLogs(body), now);
    return otlpExportResponse(result, body.mediaType, "rejectedLogRecords");
  },
};
