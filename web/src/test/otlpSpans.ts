import type { OtlpSpan } from "@/server/otel/otlpSpan";

/** An OTLP span as the decoders hand it on: a client span of 1.5 s with nothing on it but `fields`. */
export function otlpSpan(fields: Partial<OtlpSpan>): OtlpSpan {
  return {
    traceId: "t",
    spanId: "s",
    parentSpanId: null,
    name: "call",
    kind: 3,
    startTimeUnixNano: 1_700_000_000_000_000_000n,
    endTimeUnixNano: 1_700_000_001_500_000_000n,
    attributes: {},
    events: [],
    status: { code: 0, message: "" },
    resource: {},
    scope: { name: "x", version: "1" },
    ...fields,
  };
}
