import type { SpanInput } from "@/contracts/traces";
import { inputMessages, outputMessages, type ChatMessage } from "@/server/otel/genAiMessages";
import { spanStatusError, type AttributeValue, type Attributes, type OtlpSpan } from "@/server/otel/otlpSpan";

/** A span as Liveloop stores it, before validation (the same path as native ingest). */
export type MappedSpan = Omit<SpanInput, "status"> & { status: "ok" | "error"; attributes: Record<string, unknown> };

const text = (value: AttributeValue | undefined): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
const count = (value: AttributeValue | undefined): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
// int64 nanoseconds reach past what a Date holds: such a time is passed on as its digits,
// which the trace contract then refuses (400 for that trace) instead of throwing here.
const isoFromNanos = (nanos: bigint): string => {
  const date = new Date(Number(nanos / 1_000_000n));
  return Number.isNaN(date.getTime()) ? nanos.toString() : date.toISOString();
};
const isoFromMs = (ms: number): string => (Number.isNaN(new Date(ms).getTime()) ? String(ms) : new Date(ms).toISOString());

const operationTypes: Record<string, SpanInput["type"]> = {
  chat: "llm",
  text_completion: "llm",
  generate_content: "llm",
  completion: "llm",
  embeddings: "embedding",
  execute_tool: "tool",
  invoke_agent: "agent",
  create_agent: "agent",
  retrieval: "retrieval",
};

function spanType(attributes: Attributes): SpanInput["type"] {
  const operation = text(attributes["gen_ai.operation.name"]);
  if (operation && operation in operationTypes) return operationTypes[operation] ?? "other";
  if (text(attributes["gen_ai.request.model"]) ?? text(attributes["gen_ai.system"])) return "llm";
  if (text(attributes["db.system"]) ?? text(attributes["db.system.name"])) return "retrieval";
  return "other";
}

function usage(attributes: Attributes): SpanInput["usage"] {
  const inputTokens = count(attributes["gen_ai.usage.input_tokens"] ?? attributes["gen_ai.usage.prompt_tokens"]);
  const outputTokens = count(attributes["gen_ai.usage.output_tokens"] ?? attributes["gen_ai.usage.completion_tokens"]);
  return inputTokens === undefined && outputTokens === undefined
    ? undefined
    : { inputTokens: inputTokens ?? 0, outputTokens: outputTokens ?? 0 };
}

/**
 * A call is known by the model it asked for: a failed call has no response model, and
 * grouping by the served snapshot would split one model in two (its errors under the
 * alias). The snapshot stays as detail, and prices for either name apply.
 */
function modelIdentity(attributes: Attributes): Pick<MappedSpan, "model" | "servedModel"> {
  const requested = text(attributes["gen_ai.request.model"]);
  const served = text(attributes["gen_ai.response.model"]);
  const model = requested ?? served;
  return { ...(model ? { model } : {}), ...(served ? { servedModel: served } : {}) };
}

/** One OTLP span in Liveloop's terms, following the OpenTelemetry GenAI semantic conventions. */
export function mapOtlpSpan(span: OtlpSpan): MappedSpan {
  const { attributes } = span;
  const input = inputMessages(span);
  const output = outputMessages(span);
  const end = span.endTimeUnixNano >= span.startTimeUnixNano ? span.endTimeUnixNano : span.startTimeUnixNano;
  return {
    id: span.spanId,
    ...(span.parentSpanId ? { parentId: span.parentSpanId } : {}),
    type: spanType(attributes),
    name: span.name || "(unnamed span)",
    ...(input ? { input } : {}),
    ...(output ? { output } : {}),
    ...modelIdentity(attributes),
    ...(usage(attributes) ? { usage: usage(attributes) } : {}),
    startTime: isoFromNanos(span.startTimeUnixNano),
    endTime: isoFromNanos(end),
    status: span.status.code === spanStatusError ? "error" : "ok",
    ...(span.status.code === spanStatusError ? { error: span.status.message || text(attributes["error.type"]) || "error" } : {}),
    attributes: { ...attributes, "otel.resource": span.resource, "otel.scope": span.scope, "otel.kind": span.kind },
  };
}

function attributeOf(span: { attributes?: Record<string, unknown> | undefined }, key: string): AttributeValue | undefined {
  return span.attributes?.[key] as AttributeValue | undefined;
}

function resourceAttribute(span: { attributes?: Record<string, unknown> | undefined }, key: string): AttributeValue | undefined {
  const resource = span.attributes?.["otel.resource"];
  return resource && typeof resource === "object" ? (resource as Attributes)[key] : undefined;
}

const configAttributes: Record<string, string> = {
  "gen_ai.request.temperature": "temperature",
  "gen_ai.request.max_tokens": "maxTokens",
  "gen_ai.request.top_p": "topP",
  "gen_ai.request.top_k": "topK",
  "gen_ai.request.frequency_penalty": "frequencyPenalty",
  "gen_ai.request.presence_penalty": "presencePenalty",
  "gen_ai.request.seed": "seed",
  "gen_ai.request.stop_sequences": "stopSequences",
};

function messagesAsIo(messages: unknown): SpanInput["input"] {
  if (!Array.isArray(messages)) return undefined;
  const list = messages as ChatMessage[];
  // A lone assistant reply reads best as its text (unless it calls tools).
  const [only] = list;
  return list.length === 1 && only?.role === "assistant" && !only.tool_calls ? (only.content ?? "") : list;
}

/**
 * The trace-level view of all spans known for one trace id: the root names it and gives
 * its time range, status and release; the first model call gives the prompt, model and
 * settings, the last one the answer. Tokens and cost are summed from the spans at ingest.
 */
export function deriveTrace(traceId: string, spans: MappedSpan[]): Record<string, unknown> {
  const ids = new Set(spans.map((span) => span.id));
  const byStart = [...spans].sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
  const root = byStart.find((span) => !span.parentId || !ids.has(span.parentId)) ?? byStart[0];
  const calls = byStart.filter((span) => span.type === "llm");
  const firstCall = calls[0];
  const lastCall = calls.at(-1);
  const anchor = root ?? firstCall;
  const config = firstCall
    ? Object.fromEntries(
        Object.entries(configAttributes)
          .map(([attribute, key]) => [key, attributeOf(firstCall, attribute)] as const)
          .filter(([, value]) => value !== undefined),
      )
    : {};
  const find = (...keys: string[]) => {
    for (const span of [root, ...byStart]) {
      for (const key of keys) {
        const value = span ? text(attributeOf(span, key)) : undefined;
        if (value) return value;
      }
    }
    return undefined;
  };
  // A loop, not Math.max(...ends): an export may carry more spans than a call takes arguments.
  const end = spans.reduce((latest, span) => Math.max(latest, Date.parse(span.endTime ?? span.startTime)), Number.NEGATIVE_INFINITY);
  const sessionId = find("session.id", "gen_ai.conversation.id");
  const userId = find("user.id", "enduser.id");
  const promptTemplate = find("liveloop.prompt_template");
  const promptVersion = find("liveloop.prompt_version");
  const release = anchor
    ? (text(attributeOf(anchor, "liveloop.release")) ?? text(resourceAttribute(anchor, "service.version")))
    : undefined;
  const input = firstCall?.input ?? root?.input;
  const output = messagesAsIo(lastCall?.output ?? root?.output);
  return {
    id: traceId,
    ...(anchor ? { name: anchor.name } : {}),
    ...(sessionId ? { sessionId } : {}),
    ...(userId ? { userId } : {}),
    ...(input ? { input } : {}),
    ...(output ? { output } : {}),
    ...(firstCall?.model ? { model: firstCall.model } : {}),
    ...(firstCall?.servedModel ? { servedModel: firstCall.servedModel } : {}),
    ...(release ? { release } : {}),
    ...(promptTemplate ? { promptTemplate } : {}),
    ...(promptVersion ? { promptVersion } : {}),
    ...(Object.keys(config).length > 0 ? { config } : {}),
    startTime: byStart[0]?.startTime,
    endTime: isoFromMs(end),
    status: root?.status ?? "ok",
    ...(root?.status === "error" ? { error: root.error } : {}),
    ...(anchor ? { metadata: { source: "otlp", resource: anchor.attributes["otel.resource"] ?? {} } } : {}),
    spans: byStart,
  };
}
