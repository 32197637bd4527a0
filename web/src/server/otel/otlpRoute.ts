import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { otlpExportResponseSchema, otlpJsonRequestSchema } from "@/contracts/otlp";
import { decodeOtlpBody, ingestOtlpSpans, otlpMediaTypes } from "@/server/otel/ingestOtlp";
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

export const otelEndpoints = [otlpTraceExportRoute] as const;
