import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { otlpExportResponseSchema, otlpJsonLogsRequestSchema, otlpJsonRequestSchema, otlpLogsExportResponseSchema } from "@/contracts/otlp";
import { decodeOtlpBody, ingestOtlpSpans, otlpMediaTypes } from "@/server/otel/ingestOtlp";
import { decodeOtlpLogs } from "@/server/otel/decodeOtlpLogs";
import { ingestGenAiLogEvents } from "@/server/otel/ingestGenAiLogEvents";
import { otlpExportResponse } from "@/server/otel/otlpResponse";
import { traceIngestMaxBytes } from "@/server/traces/limits";

/** Kept here so tests can serve the same endpoint to real OTLP exporters. */
export const otlpTraceExportRoute = endpoint({
  method: "POST",
  path: "/api/v1/otel/v1/traces",
  summary: "OTLP/HTTP trace export (application/json or application/x-protobuf, gzip accepted) with the OpenTelemetry GenAI conventions",
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:write",
  rawBody: { mediaTypes: otlpMediaTypes },
  documentedBody: otlpJsonRequestSchema,
  maxBodyBytes: traceIngestMaxBytes,
  response: otlpExportResponseSchema,
  answers: "Stored; partialSuccess counts rejected spans",
  handler: async ({ database, caller, rawBody }) => {
    const body = rawBody ?? { mediaType: "application/json", bytes: new Uint8Array() };
    return otlpExportResponse(await ingestOtlpSpans(database, callerProjectId(caller), decodeOtlpBody(body)), body.mediaType);
  },
});

/** GenAI instrumentations send prompts and answers as log events; those attach to their spans, every other record is accepted and dropped. */
export const otlpLogExportRoute = endpoint({
  method: "POST",
  path: "/api/v1/otel/v1/logs",
  summary:
    "OTLP/HTTP log export (application/json or application/x-protobuf, gzip accepted): GenAI events (gen_ai.*.message, gen_ai.choice) become their span's prompt and answer; other records are accepted and dropped",
  auth: "key",
  keyKinds: ["secret"],
  permission: "traces:write",
  rawBody: { mediaTypes: otlpMediaTypes },
  documentedBody: otlpJsonLogsRequestSchema,
  maxBodyBytes: traceIngestMaxBytes,
  response: otlpLogsExportResponseSchema,
  answers: "Stored; partialSuccess counts GenAI events that name no span",
  handler: async ({ database, caller, rawBody, now }) => {
    const body = rawBody ?? { mediaType: "application/json", bytes: new Uint8Array() };
    const result = await ingestGenAiLogEvents(database, callerProjectId(caller), decodeOtlpLogs(body), now);
    return otlpExportResponse(result, body.mediaType, "rejectedLogRecords");
  },
});

export const otelEndpoints = [otlpTraceExportRoute, otlpLogExportRoute] as const;
