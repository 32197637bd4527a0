import { z } from "zod";

// OTLP/JSON (opentelemetry-proto's JSON mapping). Receivers must ignore fields they do not
// know, so these objects are loose rather than strict, unlike Liveloop's own contracts.

const int64 = z.union([z.string().regex(/^-?\d+$/), z.number().int()]);
const hexId = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`), `must be ${bytes * 2} hex digits`);

export interface OtlpJsonAnyValue {
  stringValue?: string | undefined;
  boolValue?: boolean | undefined;
  intValue?: string | number | undefined;
  doubleValue?: number | string | undefined;
  arrayValue?: { values?: OtlpJsonAnyValue[] | undefined } | undefined;
  kvlistValue?: { values?: OtlpJsonKeyValue[] | undefined } | undefined;
  bytesValue?: string | undefined;
}
export interface OtlpJsonKeyValue {
  key: string;
  value?: OtlpJsonAnyValue | undefined;
}

export const otlpAnyValueSchema: z.ZodType<OtlpJsonAnyValue> = z.lazy(() =>
  z
    .object({
      stringValue: z.string().optional(),
      boolValue: z.boolean().optional(),
      intValue: int64.optional(),
      doubleValue: z.union([z.number(), z.string()]).optional(),
      arrayValue: z
        .object({ values: z.array(otlpAnyValueSchema).optional() })
        .loose()
        .optional(),
      kvlistValue: z
        .object({ values: z.array(otlpKeyValueSchema).optional() })
        .loose()
        .optional(),
      bytesValue: z.string().optional(),
    })
    .loose()
    .meta({ id: "OtlpAnyValue" }),
);

export const otlpKeyValueSchema: z.ZodType<OtlpJsonKeyValue> = z.lazy(() =>
  z.object({ key: z.string(), value: otlpAnyValueSchema.optional() }).loose().meta({ id: "OtlpKeyValue" }),
);

const attributes = z.array(otlpKeyValueSchema).optional();

export const otlpJsonSpanSchema = z
  .object({
    traceId: hexId(16),
    spanId: hexId(8),
    parentSpanId: z.union([hexId(8), z.literal("")]).optional(),
    name: z.string(),
    kind: z.number().int().optional(),
    startTimeUnixNano: int64,
    endTimeUnixNano: int64,
    attributes,
    events: z.array(z.object({ timeUnixNano: int64.optional(), name: z.string(), attributes }).loose()).optional(),
    status: z.object({ code: z.number().int().optional(), message: z.string().optional() }).loose().optional(),
  })
  .loose();

export const otlpJsonRequestSchema = z
  .object({
    resourceSpans: z.array(
      z
        .object({
          resource: z.object({ attributes }).loose().optional(),
          scopeSpans: z
            .array(
              z
                .object({
                  scope: z.object({ name: z.string().optional(), version: z.string().optional() }).loose().optional(),
                  spans: z.array(otlpJsonSpanSchema).optional(),
                })
                .loose(),
            )
            .optional(),
        })
        .loose(),
    ),
  })
  .loose()
  .describe("An OTLP/JSON ExportTraceServiceRequest");
export type OtlpJsonRequest = z.infer<typeof otlpJsonRequestSchema>;

export const otlpExportResponseSchema = z
  .object({
    partialSuccess: z
      .object({ rejectedSpans: z.number().int(), errorMessage: z.string() })
      .optional()
      .describe("Present when some spans were rejected"),
  })
  .describe("An OTLP ExportTraceServiceResponse");

// Log records carry trace context only when they were emitted inside a span: ids may be
// absent or empty, and are checked only on the GenAI events that need them.
export const otlpJsonLogRecordSchema = z
  .object({
    timeUnixNano: int64.optional(),
    observedTimeUnixNano: int64.optional(),
    eventName: z.string().optional(),
    body: otlpAnyValueSchema.optional(),
    attributes,
    traceId: z.string().optional(),
    spanId: z.string().optional(),
  })
  .loose();

export const otlpJsonLogsRequestSchema = z
  .object({
    resourceLogs: z.array(
      z
        .object({
          resource: z.object({ attributes }).loose().optional(),
          scopeLogs: z
            .array(
              z
                .object({
                  scope: z.object({ name: z.string().optional(), version: z.string().optional() }).loose().optional(),
                  logRecords: z.array(otlpJsonLogRecordSchema).optional(),
                })
                .loose(),
            )
            .optional(),
        })
        .loose(),
    ),
  })
  .loose()
  .describe("An OTLP/JSON ExportLogsServiceRequest");
export type OtlpJsonLogsRequest = z.infer<typeof otlpJsonLogsRequestSchema>;

export const otlpLogsExportResponseSchema = z
  .object({
    partialSuccess: z
      .object({ rejectedLogRecords: z.number().int(), errorMessage: z.string() })
      .optional()
      .describe("Present when some GenAI events could not be attached to a span"),
  })
  .describe("An OTLP ExportLogsServiceResponse");
