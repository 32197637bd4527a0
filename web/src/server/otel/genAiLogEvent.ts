import type { AttributeValue, Attributes, OtlpSpan } from "@/server/otel/otlpSpan";

/**
 * The GenAI events (semantic conventions for GenAI events) that carry a call's messages
 * when an instrumentation sends content as log records instead of span attributes.
 */
export const genAiEventNames = new Set([
  "gen_ai.system.message",
  "gen_ai.user.message",
  "gen_ai.assistant.message",
  "gen_ai.tool.message",
  "gen_ai.choice",
]);

/** An OTLP log record that names a GenAI event, whichever encoding it came in; others are dropped while decoding. */
export interface GenAiLogRecord {
  name: string;
  /** Lower-case hex, or "" when the record was emitted outside a span. */
  traceId: string;
  spanId: string;
  /** The record's time, or when it was observed if it has none. */
  timeUnixNano: bigint;
  body: AttributeValue;
}

/** The event name of a log record: the LogRecord field, or the `event.name` attribute older SDKs set. */
export function logEventName(eventName: string, attributes: Attributes): string {
  if (eventName) return eventName;
  const fromAttribute = attributes["event.name"];
  return typeof fromAttribute === "string" ? fromAttribute : "";
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Whether an event says anything to show: with content capture off, instrumentations
 * still send each event with an empty body (`{}`, a tool message's id, a choice's
 * finish reason), which would read as blank messages in place of none.
 */
export function carriesContent(body: unknown): boolean {
  if (!isRecord(body)) return body !== null && body !== undefined && body !== "";
  const message = isRecord(body.message) ? body.message : body;
  return (message.content !== undefined && message.content !== null) || Array.isArray(message.tool_calls);
}

/**
 * A GenAI log event as the span event it stands for. Span events and log events carry
 * the same fields (content, tool_calls, id; for a choice index, finish_reason, message),
 * in attributes and in the body respectively, so one mapping reads both.
 */
export function asSpanEvent(event: { name: string; timeUnixNano: bigint; body: unknown }): OtlpSpan["events"][number] {
  const body = event.body as AttributeValue;
  const attributes: Attributes = body && typeof body === "object" && !Array.isArray(body) ? body : { content: body };
  return { name: event.name, timeUnixNano: event.timeUnixNano, attributes };
}
