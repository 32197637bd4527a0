import type { Database } from "@/server/db/client";
import { otlpJsonRequestSchema } from "@/contracts/otlp";
import { jsonNestsDeeperThan, maxJsonDepth } from "@/contracts/common";
import { BadRequestError } from "@/server/errors";
import { fromZodError } from "@/server/api/problem";
import { parseJsonBytes, type RawBody } from "@/server/api/readBody";
import { ingestTransactionOptions, loadIngestSettings, lockTraces, validateTraces, writeTraces } from "@/server/traces/ingestTraces";
import { serializeSpan } from "@/server/traces/traceSerializer";
import { decodeOtlpProtobuf } from "@/server/otel/otlpProtobuf";
import { spansFromOtlpJson } from "@/server/otel/otlpJson";
import { deriveTrace, mapOtlpSpan, type MappedSpan } from "@/server/otel/genAiMapping";
import { noteRollupInputsWritten } from "@/server/metrics/rollups";
import type { OtlpSpan } from "@/server/otel/otlpSpan";

export const otlpMediaTypes = ["application/json", "application/x-protobuf"];

// The request envelope takes about 10 levels of JSON; each level of an attribute's
// AnyValue takes up to 4 ({ kvlistValue: { values: [{ key, value: ... }] } }).
const otlpJsonMaxDepth = 16 + 4 * maxJsonDepth;

/** Decodes an OTLP/HTTP trace export in either encoding; anything that is not OTLP is a 400. */
export function decodeOtlpBody(body: RawBody): OtlpSpan[] {
  if (body.mediaType === "application/x-protobuf") return decodeOtlpProtobuf(body.bytes);
  const json = parseJsonBytes(body.bytes);
  // The schema of nested AnyValues recurses: measure the depth first, without recursion.
  if (jsonNestsDeeperThan(json, otlpJsonMaxDepth)) {
    throw new BadRequestError(`The body nests deeper than OTLP attributes may (${maxJsonDepth} levels of values)`);
  }
  const parsed = otlpJsonRequestSchema.safeParse(json);
  if (!parsed.success) throw fromZodError(parsed.error, "The body is not an OTLP/JSON ExportTraceServiceRequest");
  return spansFromOtlpJson(parsed.data);
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

export interface OtlpIngestResult {
  rejectedSpans: number;
  errorMessage: string;
}

/**
 * Stores the spans of an OTLP export. SDKs export a trace's spans in several batches
 * (the root usually last), so each trace is rebuilt from every span known for it, the
 * stored ones and the new ones, then validated and written exactly like native traces.
 */
export async function ingestOtlpSpans(database: Database, projectId: string, spans: OtlpSpan[]): Promise<OtlpIngestResult> {
  const groups = new Map<string, Map<string, MappedSpan>>();
  for (const span of spans) {
    const group = groups.get(span.traceId) ?? new Map<string, MappedSpan>();
    group.set(span.spanId, mapOtlpSpan(span));
    groups.set(span.traceId, group);
  }
  if (groups.size === 0) return { rejectedSpans: 0, errorMessage: "" };

  const settings = await loadIngestSettings(database, projectId);
  const traceIds = [...groups.keys()];
  const { rejected, accepted } = await database.$transaction(async (tx) => {
    // Hold the traces while their spans are merged, so concurrent exports of one trace
    // (SDKs send spans as they end) each see what the other stored.
    await lockTraces(tx, projectId, traceIds);
    const stored = await tx.span.findMany({ where: { projectId, traceId: { in: traceIds } }, omit: { projectId: true } });
    for (const row of stored) {
      const group = groups.get(row.traceId);
      if (group && !group.has(row.id)) group.set(row.id, storedAsMapped(serializeSpan(row)));
    }
    const { valid, rejected } = validateTraces([...groups].map(([traceId, group]) => deriveTrace(traceId, [...group.values()])));
    const { accepted } = await writeTraces(
      tx,
      projectId,
      valid.map(({ trace }) => trace),
      settings,
    );
    return { rejected, accepted };
  }, ingestTransactionOptions);
  if (accepted.length > 0) noteRollupInputsWritten(projectId);
  const newSpansPerTrace = new Map<string, number>();
  for (const span of spans) newSpansPerTrace.set(span.traceId, (newSpansPerTrace.get(span.traceId) ?? 0) + 1);
  return {
    rejectedSpans: rejected.reduce((total, rejection) => total + (newSpansPerTrace.get(rejection.id ?? "") ?? 0), 0),
    errorMessage: rejected.map((rejection) => `trace ${rejection.id ?? "?"}: ${rejection.message}`).join("; "),
  };
}
