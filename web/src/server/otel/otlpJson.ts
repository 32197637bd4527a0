import type { OtlpJsonAnyValue, OtlpJsonKeyValue, OtlpJsonRequest } from "@/contracts/otlp";
import type { AttributeValue, Attributes, OtlpSpan } from "@/server/otel/otlpSpan";

export function anyValue(value: OtlpJsonAnyValue | undefined): AttributeValue {
  if (!value) return null;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return Number(value.doubleValue);
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(anyValue);
  if (value.kvlistValue) return keyValues(value.kvlistValue.values);
  if (value.bytesValue !== undefined) return value.bytesValue;
  return null;
}

export function keyValues(list: OtlpJsonKeyValue[] | undefined): Attributes {
  return Object.fromEntries((list ?? []).map((entry) => [entry.key, anyValue(entry.value)]));
}

/** Flattens an OTLP/JSON request (already checked against its schema) into spans. */
export function spansFromOtlpJson(request: OtlpJsonRequest): OtlpSpan[] {
  return request.resourceSpans.flatMap((resourceSpans) => {
    const resource = keyValues(resourceSpans.resource?.attributes);
    return (resourceSpans.scopeSpans ?? []).flatMap((scopeSpans) =>
      (scopeSpans.spans ?? []).map((span) => ({
        traceId: span.traceId.toLowerCase(),
        spanId: span.spanId.toLowerCase(),
        parentSpanId: span.parentSpanId ? span.parentSpanId.toLowerCase() : null,
        name: span.name,
        kind: span.kind ?? 0,
        startTimeUnixNano: BigInt(span.startTimeUnixNano),
        endTimeUnixNano: BigInt(span.endTimeUnixNano),
        attributes: keyValues(span.attributes),
        events: (span.events ?? []).map((event) => ({
          timeUnixNano: BigInt(event.timeUnixNano ?? 0),
          name: event.name,
          attributes: keyValues(event.attributes),
        })),
        status: { code: span.status?.code ?? 0, message: span.status?.message ?? "" },
        resource,
        scope: { name: scopeSpans.scope?.name ?? "", version: scopeSpans.scope?.version ?? "" },
      })),
    );
  });
}
