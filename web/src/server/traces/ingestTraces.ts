import { createHash } from "node:crypto";
import type { Database, Queryable } from "@/server/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { traceInputSchema, type SpanInput, type TraceInput } from "@/contracts/traces";
import type { BatchResult } from "@/contracts/batch";
import { validateBatchItems, type Rejection } from "@/server/api/batchValidation";
import { maskPii, maskPiiInJson, type JsonValue } from "@/server/pii/detectors";
import { costTrace, type CostedTrace } from "@/server/traces/traceCost";
import { searchTextOf } from "@/server/traces/traceText";
import { insertSpans, insertTraces } from "@/server/traces/traceSql";
import type { ModelPriceEntry } from "@/server/traces/modelPrices";
import { projectPriceEntries } from "@/server/traces/projectPrices";
import { lockKeysInOrder } from "@/server/db/transactionLocks";
import {
  applicationEmbeddingRows,
  checkEmbeddingDimensions,
  moveEmbeddingsWithTraces,
  upsertApplicationEmbeddings,
} from "@/server/embeddings/applicationEmbeddings";

/** Checks each trace on its own: good ones go on, bad ones (or a second copy of an id) are answered with their index. */
export function validateTraces(rawTraces: unknown[]): { valid: { index: number; trace: TraceInput }[]; rejected: Rejection[] } {
  const checked = validateBatchItems(rawTraces, traceInputSchema, "trace");
  const valid: { index: number; trace: TraceInput }[] = [];
  const rejected = checked.rejected;
  const seen = new Set<string>();
  for (const { index, item: trace } of checked.valid) {
    if (seen.has(trace.id)) rejected.push({ id: trace.id, index, status: 400, message: `trace ${trace.id} appears twice in this batch` });
    else valid.push({ index, trace });
    seen.add(trace.id);
  }
  rejected.sort((a, b) => a.index - b.index);
  return { valid, rejected };
}

interface Redactor {
  text(value: string | undefined): string | undefined;
  json<T>(value: T | undefined): T | undefined;
}

const keepAsSent: Redactor = { text: (value) => value, json: (value) => value };
const maskAll: Redactor = {
  text: (value) => (value === undefined ? undefined : maskPii(value)),
  json: <T>(value: T | undefined) => (value === undefined ? undefined : (maskPiiInJson(value as JsonValue) as T)),
};

const jsonOrNull = (value: unknown): Prisma.InputJsonValue | undefined =>
  value === undefined ? undefined : (value as Prisma.InputJsonValue);
const dateOrNull = (value: string | undefined) => (value === undefined ? null : new Date(value));
const msBetween = (from: string, to: string | undefined) => (to === undefined ? null : Date.parse(to) - Date.parse(from));

function spanRow(
  projectId: string,
  traceId: string,
  span: SpanInput,
  cost: CostedTrace["spanCosts"][number] | undefined,
  orphan: boolean,
  redact: Redactor,
): Prisma.SpanCreateManyInput {
  return {
    projectId,
    traceId,
    id: span.id,
    parentId: span.parentId ?? null,
    orphan,
    type: span.type,
    name: span.name,
    input: jsonOrNull(redact.json(span.input)),
    output: jsonOrNull(redact.json(span.output)),
    model: span.model ?? null,
    servedModel: span.servedModel ?? null,
    startTime: new Date(span.startTime),
    endTime: dateOrNull(span.endTime),
    firstTokenTime: dateOrNull(span.firstTokenTime),
    inputTokens: span.usage?.inputTokens ?? null,
    outputTokens: span.usage?.outputTokens ?? null,
    costUsd: cost?.costUsd ?? null,
    costSource: cost?.costSource ?? null,
    status: span.status,
    error: redact.text(span.error) ?? null,
    attributes: jsonOrNull(redact.json(span.attributes)),
  };
}

function traceRow(projectId: string, trace: TraceInput, prices: ModelPriceEntry[], redact: Redactor) {
  const cost = costTrace(trace, prices);
  const input = redact.json(trace.input);
  const output = redact.json(trace.output);
  const row: Prisma.TraceCreateManyInput = {
    projectId,
    id: trace.id,
    name: trace.name ?? null,
    sessionId: trace.sessionId ?? null,
    userId: trace.userId ?? null,
    input: jsonOrNull(input),
    output: jsonOrNull(output),
    model: trace.model ?? null,
    servedModel: trace.servedModel ?? null,
    release: trace.release ?? null,
    promptTemplate: redact.text(trace.promptTemplate) ?? null,
    promptVersion: trace.promptVersion ?? null,
    config: jsonOrNull(trace.config),
    startTime: new Date(trace.startTime),
    endTime: dateOrNull(trace.endTime),
    firstTokenTime: dateOrNull(trace.firstTokenTime),
    latencyMs: msBetween(trace.startTime, trace.endTime),
    ttftMs: msBetween(trace.startTime, trace.firstTokenTime),
    inputTokens: cost.inputTokens,
    outputTokens: cost.outputTokens,
    costUsd: cost.costUsd,
    costSource: cost.costSource,
    status: trace.status,
    error: redact.text(trace.error) ?? null,
    metadata: jsonOrNull(redact.json(trace.metadata)),
    searchText: searchTextOf(input, output),
    contentHash: createHash("sha256").update(JSON.stringify(trace)).digest("hex"),
  };
  const spanIds = new Set(trace.spans.map((span) => span.id));
  const spans = trace.spans.map((span, i) =>
    spanRow(projectId, trace.id, span, cost.spanCosts[i], span.parentId !== undefined && !spanIds.has(span.parentId), redact),
  );
  return { row, spans, embeddings: applicationEmbeddingRows(projectId, trace) };
}

/** Settings that shape how a project's traces are stored, read once per batch. */
export interface IngestSettings {
  redact: Redactor;
  prices: ModelPriceEntry[];
}

export async function loadIngestSettings(database: Queryable, projectId: string): Promise<IngestSettings> {
  const [project, prices] = await Promise.all([
    database.project.findUniqueOrThrow({ where: { id: projectId }, select: { piiRedaction: true } }),
    projectPriceEntries(database, projectId),
  ]);
  return { redact: project.piiRedaction === "mask" ? maskAll : keepAsSent, prices };
}

/**
 * Serialises writers of the same traces (two exports of one trace can arrive at once).
 * Callers lock traces before anything else they lock, so batches cannot deadlock.
 */
export function lockTraces(tx: Queryable, projectId: string, traceIds: string[]): Promise<void> {
  return lockKeysInOrder(
    tx,
    traceIds.map((id) => `${projectId}:${id}`),
  );
}

/**
 * Writes validated traces inside an open transaction that holds their locks. A known id
 * with the same content is a duplicate (nothing written); with changed content the trace
 * is updated and its spans replaced by id, never duplicated.
 */
export async function writeTraces(
  tx: Queryable,
  projectId: string,
  traces: TraceInput[],
  settings: IngestSettings,
): Promise<{ accepted: string[]; duplicates: string[] }> {
  const prepared = traces.map((trace) => traceRow(projectId, trace, settings.prices, settings.redact));
  const existing = await tx.trace.findMany({
    where: { projectId, id: { in: prepared.map(({ row }) => row.id) } },
    select: { id: true, contentHash: true, startTime: true, userId: true },
  });
  const known = new Map(existing.map((trace) => [trace.id, trace.contentHash]));
  const before = new Map(existing.map((trace) => [trace.id, trace]));
  const created = prepared.filter(({ row }) => !known.has(row.id));
  const changed = prepared.filter(({ row }) => known.has(row.id) && known.get(row.id) !== row.contentHash);
  const duplicates = prepared.filter(({ row }) => known.get(row.id) === row.contentHash).map(({ row }) => row.id);

  if (created.length > 0) {
    await insertTraces(
      tx,
      created.map(({ row }) => row),
      new Date(),
    );
    await insertSpans(
      tx,
      created.flatMap(({ spans: rows }) => rows),
    );
  }
  for (const { row, spans } of changed) {
    const { projectId: _project, id, ...fields } = row;
    await tx.trace.update({ where: { projectId_id: { projectId, id } }, data: fields });
    await tx.span.deleteMany({ where: { projectId, traceId: id, id: { in: spans.map((span) => span.id) } } });
    await insertSpans(tx, spans);
  }
  if (changed.length > 0) {
    // Spans sent earlier may now have their parent (or lost it): settle the flag in SQL.
    await tx.$executeRaw`
      UPDATE spans s SET orphan = (s.parent_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM spans p WHERE p.project_id = s.project_id AND p.trace_id = s.trace_id AND p.id = s.parent_id))
      WHERE s.project_id = ${projectId}::uuid AND s.trace_id = ANY(${changed.map(({ row }) => row.id)})`;
  }
  await upsertApplicationEmbeddings(
    tx,
    [...created, ...changed].flatMap(({ embeddings }) => embeddings),
  );
  const startMoved = changed.filter(({ row }) => before.get(row.id)?.startTime.getTime() !== new Date(row.startTime).getTime());
  await moveEmbeddingsWithTraces(
    tx,
    projectId,
    startMoved.map(({ row }) => row.id),
  );
  // The rollups rebuild where a trace was as well as where it is (TraceMove's comment).
  // A user id given later (OTLP sends it with the root span) leaves no user behind.
  const userMoved = changed.filter(({ row }) => {
    const old = before.get(row.id)?.userId ?? null;
    return old !== null && old !== row.userId;
  });
  const moves = [...new Set([...startMoved, ...userMoved])].flatMap(({ row }) => before.get(row.id) ?? []);
  if (moves.length > 0) {
    const movedAt = new Date();
    await tx.traceMove.createMany({ data: moves.map((old) => ({ projectId, startTime: old.startTime, userId: old.userId, movedAt })) });
  }
  return { accepted: [...created, ...changed].map(({ row }) => row.id), duplicates };
}

export const ingestTransactionOptions = { timeout: 60_000, maxWait: 30_000 };

/** Stores a batch of traces: each is validated alone; all valid ones are written in one transaction. */
export async function ingestTraces(database: Database, projectId: string, rawTraces: unknown[]): Promise<BatchResult> {
  const { valid, rejected } = validateTraces(rawTraces);
  if (valid.length === 0) return { accepted: [], duplicates: [], rejected };
  const settings = await loadIngestSettings(database, projectId);
  const written = await database.$transaction(async (tx) => {
    await lockTraces(
      tx,
      projectId,
      valid.map(({ trace }) => trace.id),
    );
    const { fitting, refused } = await checkEmbeddingDimensions(tx, projectId, valid);
    const stored = await writeTraces(
      tx,
      projectId,
      fitting.map(({ trace }) => trace),
      settings,
    );
    return { ...stored, refused };
  }, ingestTransactionOptions);
  return {
    accepted: written.accepted,
    duplicates: written.duplicates,
    rejected: [...rejected, ...written.refused].sort((a, b) => a.index - b.index),
  };
}
