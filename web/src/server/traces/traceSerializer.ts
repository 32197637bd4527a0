import type { SpanView, TraceView } from "@/contracts/traces";

type Json = unknown;

export interface TraceRow {
  id: string;
  name: string | null;
  sessionId: string | null;
  userId: string | null;
  input: Json;
  output: Json;
  model: string | null;
  servedModel: string | null;
  release: string | null;
  promptTemplate: string | null;
  promptVersion: string | null;
  config: Json;
  startTime: Date;
  endTime: Date | null;
  firstTokenTime: Date | null;
  latencyMs: number | null;
  ttftMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  costSource: "supplied" | "computed" | null;
  status: "ok" | "error";
  error: string | null;
  metadata: Json;
}

export interface SpanRow {
  id: string;
  parentId: string | null;
  orphan: boolean;
  type: SpanView["type"];
  name: string;
  input: Json;
  output: Json;
  model: string | null;
  servedModel: string | null;
  startTime: Date;
  endTime: Date | null;
  firstTokenTime: Date | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  status: "ok" | "error";
  error: string | null;
  attributes: Json;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function usage(inputTokens: number | null, outputTokens: number | null) {
  return inputTokens === null && outputTokens === null ? null : { inputTokens: inputTokens ?? 0, outputTokens: outputTokens ?? 0 };
}

/** JSON columns hold what ingest validated; the API types them as the contract's shapes. */
function io(value: Json): TraceView["input"] {
  return (value ?? null) as TraceView["input"];
}

function record(value: Json): Record<string, unknown> | null {
  return (value ?? null) as Record<string, unknown> | null;
}

export function serializeSpan(row: SpanRow): SpanView {
  return {
    id: row.id,
    parentId: row.parentId,
    orphan: row.orphan,
    type: row.type,
    name: row.name,
    input: io(row.input),
    output: io(row.output),
    model: row.model,
    servedModel: row.servedModel,
    usage: usage(row.inputTokens, row.outputTokens),
    startTime: row.startTime.toISOString(),
    endTime: iso(row.endTime),
    firstTokenTime: iso(row.firstTokenTime),
    latencyMs: row.endTime ? row.endTime.getTime() - row.startTime.getTime() : null,
    costUsd: row.costUsd,
    status: row.status,
    error: row.error,
    attributes: record(row.attributes),
  };
}

export function serializeTrace(row: TraceRow, spans: SpanRow[]): TraceView {
  return {
    id: row.id,
    name: row.name,
    sessionId: row.sessionId,
    userId: row.userId,
    input: io(row.input),
    output: io(row.output),
    model: row.model,
    servedModel: row.servedModel,
    release: row.release,
    promptTemplate: row.promptTemplate,
    promptVersion: row.promptVersion,
    config: record(row.config),
    startTime: row.startTime.toISOString(),
    endTime: iso(row.endTime),
    firstTokenTime: iso(row.firstTokenTime),
    usage: usage(row.inputTokens, row.outputTokens),
    latencyMs: row.latencyMs,
    ttftMs: row.ttftMs,
    costUsd: row.costUsd,
    costSource: row.costSource,
    status: row.status,
    error: row.error,
    metadata: record(row.metadata),
    spans: spans.map(serializeSpan),
    feedback: [],
    scores: [],
    embeddings: [],
  };
}
