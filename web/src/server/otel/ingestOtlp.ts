import type { Database, Queryable } from "@/server/db/client";
import { otlpJsonRequestSchema } from "@/contracts/otlp";
import type { RawBody } from "@/server/api/readBody";
import type { Rejection } from "@/server/api/batchValidation";
import {
  ingestTransactionOptions,
  loadIngestSettings,
  lockTraces,
  validateTraces,
  writeTraces,
  type IngestSettings,
} from "@/server/traces/ingestTraces";
import { serializeSpan } from "@/server/traces/traceSerializer";
import { decodeOtlpProtobuf } from "@/server/otel/otlpProtobuf";
import { spansFromOtlpJson } from "@/server/otel/otlpJson";
import { parseOtlpJson } from "@/server/otel/parseOtlpJson";
import { deriveTrace, mapOtlpSpan, type MappedSpan } from "@/server/otel/genAiMapping";
import { inputMessages, outputMessages } from "@/server/otel/genAiMessages";
import { asSpanEvent } from "@/server/otel/genAiLogEvent";
import type { OtlpSpan } from "@/server/otel/otlpSpan";

export const otlpMediaTypes = ["application/json", "application/x-protobuf"];

/** Decodes an OTLP/HTTP trace export in either encoding; anything that is not OTLP is a 400. */
export function decodeOtlpBody(body: RawBody): OtlpSpan[] {
  if (body.mediaType === "application/x-protobuf") return decodeOtlpProtobuf(body.bytes);
  return spansFromOtlpJson(parseOtlpJson(body.bytes, otlpJsonRequestSchema, "ExportTraceServiceRequest"));
}

/** A stored span in the shape mapping produces, so earlier exports of a trace merge with new ones. */
function storedAsMapped(view: ReturnType<typeof serializeSpan>): MappedSpan {
  return {
    id: view.id,
    ...(view.parentId ? { parentId: view.parentId } : {}),
    type: view.type,
    name: view.name,
    ...(view.input !== null ? { input: view.input } : {}),
    ...(view.output !== null ? { output: view.output } : {}),
    ...(view.model ? { model: view.model } : {}),
    ...(view.servedModel ? { servedModel: view.servedModel } : {}),
    ...(view.usage ? { usage: view.usage } : {}),
    startTime: view.startTime,
    ...(view.endTime ? { endTime: view.endTime } : {}),
    status: view.status,
    ...(view.error ? { error: view.error } : {}),
    attributes: view.attributes ?? {},
  };
}

/**
 * A stored span with the messages its GenAI log events give: when a span has such
 * events they are the whole record of its prompt or answer (an instrumentation sends
 * content one way), so they replace that side, which also makes a re-applied set a no-op.
 */
function withLogMessages(span: MappedSpan, events: OtlpSpan["events"]): MappedSpan {
  const input = inputMessages({ attributes: {}, events });
  const output = outputMessages({ attributes: {}, events });
  return { ...span, ...(input ? { input } : {}), ...(output ? { output } : {}) };
}

const spanKey = (traceId: string, spanId: string) => `${traceId}/${spanId}`;

/**
 * Rebuilds each of the given traces from every span known for it, the stored ones and
 * the new ones, with the GenAI log events that arrived for its spans, then validates and
 * writes it exactly like a native trace. Runs inside a transaction holding the traces' locks.
 */
export async function storeOtlpTraces(
  tx: Queryable,
  projectId: string,
  traceIds: string[],
  newSpans: OtlpSpan[],
  settings: IngestSettings,
): Promise<{ rejected: Rejection[]; accepted: string[] }> {
  const [stored, logEvents] = await Promise.all([
    tx.span.findMany({ where: { projectId, traceId: { in: traceIds } }, omit: { projectId: true } }),
    tx.genAiLogEvent.findMany({
      where: { projectId, traceId: { in: traceIds } },
      orderBy: [{ timeUnixNano: "asc" }, { receivedAt: "asc" }, { position: "asc" }],
      select: { traceId: true, spanId: true, name: true, timeUnixNano: true, body: true },
    }),
  ]);
  const eventsBySpan = new Map<string, OtlpSpan["events"]>();
  for (const event of logEvents) {
    const key = spanKey(event.traceId, event.spanId);
    eventsBySpan.set(key, [...(eventsBySpan.get(key) ?? []), asSpanEvent(event)]);
  }
  const groups = new Map<string, Map<string, MappedSpan>>(traceIds.map((traceId) => [traceId, new Map()]));
  for (const span of newSpans) {
    const logged = eventsBySpan.get(spanKey(span.traceId, span.spanId)) ?? [];
    groups.get(span.traceId)?.set(span.spanId, mapOtlpSpan(logged.length > 0 ? { ...span, events: [...span.events, ...logged] } : span));
  }
  for (const row of stored) {
    const group = groups.get(row.traceId);
    if (!group || group.has(row.id)) continue;
    const logged = eventsBySpan.get(spanKey(row.traceId, row.id));
    const mapped = storedAsMapped(serializeSpan(row));
    group.set(row.id, logged ? withLogMessages(mapped, logged) : mapped);
  }
  const traces = [...groups].filter(([, group]) => group.size > 0);
  const { valid, rejected } = validateTraces(traces.map(([traceId, group]) => deriveTrace(traceId, [...group.values()])));
  const { accepted } = await writeTraces(
    tx,
    projectId,
    valid.map(({ trace }) => trace),
    settings,
  );
  return { rejected, accepted };
}

export interface OtlpIngestResult {
  rejected: number;
  errorMessage: string;
}

/** The per-trace rejections of an export as OTLP's partial success counts them (items of each rejected trace). */
export function rejectedItems(rejected: Rejection[], itemsPerTrace: Map<string, number>): OtlpIngestResult {
  return {
    rejected: rejected.reduce((total, rejection) => total + (itemsPerTrace.get(rejection.id ?? "") ?? 0), 0),
    errorMessage: rejected.map((rejection) => `trace ${rejection.id ?? "?"}: ${rejection.message}`).join("; "),
  };
}

/**
 * Stores the spans of an OTLP export. SDKs export a trace's spans in several batches
 * (the root usually last), so each trace is rebuilt from every span known for it.
 */
export async function ingestOtlpSpans(database: Database, projectId: string, spans: OtlpSpan[]): Promise<OtlpIngestResult> {
  const traceIds = [...new Set(spans.map((span) => span.traceId))];
  if (traceIds.length === 0) return { rejected: 0, errorMessage: "" };
  const settings = await loadIngestSettings(database, projectId);
  const { rejected } = await database.$transaction(async (tx) => {
    // Hold the traces while their spans are merged, so concurrent exports of one trace
    // (SDKs send spans as they end) each see what the other stored.
    await lockTraces(tx, projectId, traceIds);
    return storeOtlpTraces(tx, projectId, traceIds, spans, settings);
  }, ingestTransactionOptions);
  const spansPerTrace = new Map<string, number>();
  for (const span of spans) spansPerTrace.set(span.traceId, (spansPerTrace.get(span.traceId) ?? 0) + 1);
  return rejectedItems(rejected, spansPerTrace);
}
