import { z } from "zod";
import { scoreSchema } from "@/contracts/scores";
import { storedFeedbackEventSchema } from "@/contracts/feedback";
import { addConversationIssues, loggedChatMessageSchema, messagesAt } from "@/contracts/chatMessage";
import {
  contentText,
  costUsdSchema,
  exactText,
  identifierSchema as identifier,
  jsonObjectSchema,
  maxDurationMs,
  maxTokens,
  storableJson,
  timestampSchema as timestamp,
  tokenCountSchema,
} from "@/contracts/common";

// Names, models, releases and versions are matched exactly (filters, breakdowns): refused
// when unstorable. Inputs, outputs, errors and JSON are content: normalised.
const shortText = exactText(z.string().max(500));

/** Input and output are chat messages, plain text, or any JSON object the application logs. */
export const traceIoSchema = storableJson(
  z.union([z.string(), z.array(loggedChatMessageSchema), z.record(z.string(), z.unknown())]),
).describe("Chat messages (OpenAI's { role, content, tool_calls, tool_call_id }[]), text, or a JSON object");

/**
 * Input then output read as one conversation (an output may go on with tool results and a
 * final answer), held to the tool-call rule; text or JSON input or output has no messages.
 */
function checkConversation(io: { input?: TraceIo | undefined; output?: TraceIo | undefined }, ctx: z.RefinementCtx): void {
  const messages = (field: "input" | "output") => {
    const value = io[field];
    return Array.isArray(value) ? messagesAt([field], value) : [];
  };
  addConversationIssues(ctx, [...messages("input"), ...messages("output")]);
}

type TraceIo = z.infer<typeof traceIoSchema>;

export const usageSchema = z
  .object({
    inputTokens: tokenCountSchema.describe("Prompt tokens"),
    outputTokens: tokenCountSchema.describe("Completion tokens"),
  })
  .strict();

export const spanTypes = ["llm", "retrieval", "tool", "agent", "chain", "embedding", "other"] as const;
export const traceStatuses = ["ok", "error"] as const;

const timing = {
  startTime: timestamp,
  endTime: timestamp.optional(),
  firstTokenTime: timestamp.optional().describe("When the first token streamed back, for time to first token"),
};

/** End and first token come after the start, and within what an int4 of milliseconds holds. */
function checkTimes(
  value: { startTime: string; endTime?: string | undefined; firstTokenTime?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  const start = Date.parse(value.startTime);
  for (const field of ["endTime", "firstTokenTime"] as const) {
    const time = value[field];
    if (time === undefined) continue;
    const ms = Date.parse(time) - start;
    if (ms < 0) ctx.addIssue({ code: "custom", path: [field], message: `${field} is before startTime` });
    if (ms > maxDurationMs)
      ctx.addIssue({ code: "custom", path: [field], message: `${field} is more than ${maxDurationMs} ms after startTime` });
  }
}

export const spanInputSchema = z
  .object({
    id: identifier.describe("Span id, unique within the trace"),
    parentId: identifier.optional().describe("The enclosing span; omitted for top-level steps"),
    type: z.enum(spanTypes).describe("llm, retrieval, tool, agent, chain, embedding or other"),
    name: shortText.min(1),
    input: traceIoSchema.optional(),
    output: traceIoSchema.optional(),
    model: shortText.optional().describe("The model asked for (breakdowns group by it)"),
    servedModel: shortText.optional().describe("The snapshot that answered (gen_ai.response.model), when the provider names one"),
    usage: usageSchema.optional(),
    costUsd: costUsdSchema.optional(),
    ...timing,
    status: z.enum(traceStatuses).default("ok"),
    error: contentText(20_000).optional(),
    attributes: jsonObjectSchema.optional().describe("Any further attributes"),
  })
  .strict()
  .superRefine((span, ctx) => {
    checkTimes(span, ctx);
    checkConversation(span, ctx);
  });

export const embeddingFields = ["input", "output"] as const;
export const maxEmbeddingsPerTrace = 4;
export const maxEmbeddingDimensions = 4_096;
// Vectors are stored as float32: a finite double beyond this range would become Infinity.
const float32Max = 3.4028234663852886e38;

/** A vector the application computed for the trace's input or output. */
export const traceEmbeddingInputSchema = z
  .object({
    field: z.enum(embeddingFields).describe("What the vector embeds: the trace's input or its output"),
    model: exactText(z.string().min(1).max(200)).describe(
      "The embedding model that produced it (e.g. text-embedding-3-small); stored as embedder app:<model>, and only vectors of the same embedder are compared",
    ),
    vector: z
      .array(z.number().min(-float32Max, "is beyond what a float32 holds").max(float32Max, "is beyond what a float32 holds"))
      .min(1)
      .max(maxEmbeddingDimensions)
      .refine((vector) => vector.some((x) => x !== 0), "a vector of zeros has no direction to compare")
      .describe(
        `1 to ${maxEmbeddingDimensions} finite numbers, stored as float32; every vector of one model in a project has the length of its first`,
      ),
  })
  .strict();
export type TraceEmbeddingInput = z.infer<typeof traceEmbeddingInputSchema>;

/** One vector per field and model; one model's vectors share a length within the trace too. */
function checkEmbeddings(embeddings: TraceEmbeddingInput[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  const lengths = new Map<string, number>();
  embeddings.forEach(({ field, model, vector }, index) => {
    const key = `${field}:${model}`;
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["embeddings", index], message: `a second ${field} vector of ${model}` });
    seen.set(key, index);
    const length = lengths.get(model);
    if (length !== undefined && length !== vector.length)
      ctx.addIssue({
        code: "custom",
        path: ["embeddings", index, "vector"],
        message: `${model} vectors of this trace have ${length} dimensions; this one has ${vector.length}`,
      });
    lengths.set(model, length ?? vector.length);
  });
}

export const traceInputSchema = z
  .object({
    id: identifier.describe("The application's id for this interaction; re-sending it updates the trace"),
    name: shortText.optional(),
    sessionId: identifier.optional(),
    userId: identifier.optional(),
    input: traceIoSchema.optional(),
    output: traceIoSchema.optional(),
    model: shortText.optional().describe("The model asked for (breakdowns group by it)"),
    servedModel: shortText.optional().describe("The snapshot that answered (gen_ai.response.model), when the provider names one"),
    release: shortText.optional().describe("The deployed version of the application"),
    promptTemplate: contentText(100_000).optional(),
    promptVersion: shortText.optional(),
    config: jsonObjectSchema.optional().describe("temperature, max tokens, any parameters"),
    ...timing,
    usage: usageSchema.optional(),
    costUsd: costUsdSchema.optional().describe("Cost if known (at most 1 000 000); otherwise computed from the price table"),
    status: z.enum(traceStatuses).default("ok"),
    error: contentText(20_000).optional(),
    metadata: jsonObjectSchema.optional(),
    spans: z.array(spanInputSchema).max(2_000).default([]),
    embeddings: z
      .array(traceEmbeddingInputSchema)
      .max(maxEmbeddingsPerTrace)
      .optional()
      .describe("Vectors the application computed (at most one per field and model), for drift detection"),
  })
  .strict()
  .superRefine((trace, ctx) => {
    checkTimes(trace, ctx);
    checkConversation(trace, ctx);
    if (trace.embeddings) checkEmbeddings(trace.embeddings, ctx);
    const seen = new Set<string>();
    trace.spans.forEach((span, index) => {
      if (seen.has(span.id)) ctx.addIssue({ code: "custom", path: ["spans", index, "id"], message: `span id ${span.id} appears twice` });
      seen.add(span.id);
    });
    // Without usage of its own, a trace's tokens are its spans' sums: they must fit int4 too.
    if (!trace.usage) {
      for (const field of ["inputTokens", "outputTokens"] as const) {
        const total = trace.spans.reduce((sum, span) => sum + (span.usage?.[field] ?? 0), 0);
        if (total > maxTokens)
          ctx.addIssue({ code: "custom", path: ["spans"], message: `the spans' ${field} add up to more than ${maxTokens}` });
      }
    }
  });
export type TraceInput = z.infer<typeof traceInputSchema>;
export type SpanInput = z.infer<typeof spanInputSchema>;

/** The envelope is checked first; each trace is then checked on its own and answered per trace. */
export const traceBatchEnvelopeSchema = z
  .object({ traces: z.array(z.unknown()).min(1, "Send at least one trace").max(500, "Send at most 500 traces per request") })
  .strict();

export const traceBatchSchema = z.object({ traces: z.array(traceInputSchema).min(1).max(500) }).strict();

export const spanSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    orphan: z.boolean().describe("The parent span was not in the trace; shown at the root"),
    type: z.enum(spanTypes),
    name: z.string(),
    input: traceIoSchema.nullable(),
    output: traceIoSchema.nullable(),
    model: z.string().nullable(),
    servedModel: z.string().nullable(),
    usage: usageSchema.nullable(),
    startTime: z.string(),
    endTime: z.string().nullable(),
    firstTokenTime: z.string().nullable(),
    latencyMs: z.number().int().nullable(),
    costUsd: z.number().nullable(),
    status: z.enum(traceStatuses),
    error: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()).nullable(),
  })
  .strict();
export type SpanView = z.infer<typeof spanSchema>;

export const traceEmbeddingSummarySchema = z
  .object({
    field: z.enum(embeddingFields),
    embedder: z.string().describe("The embedder id: app:<model> for vectors the application sent"),
    dimensions: z.number().int(),
  })
  .strict();
export type TraceEmbeddingSummary = z.infer<typeof traceEmbeddingSummarySchema>;

export const traceSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    sessionId: z.string().nullable(),
    userId: z.string().nullable(),
    input: traceIoSchema.nullable(),
    output: traceIoSchema.nullable(),
    model: z.string().nullable(),
    servedModel: z.string().nullable(),
    release: z.string().nullable(),
    promptTemplate: z.string().nullable(),
    promptVersion: z.string().nullable(),
    config: z.record(z.string(), z.unknown()).nullable(),
    startTime: z.string(),
    endTime: z.string().nullable(),
    firstTokenTime: z.string().nullable(),
    usage: usageSchema.nullable(),
    latencyMs: z.number().int().nullable(),
    ttftMs: z.number().int().nullable(),
    costUsd: z.number().nullable(),
    costSource: z.enum(["supplied", "computed"]).nullable(),
    status: z.enum(traceStatuses),
    error: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
    spans: z.array(spanSchema).describe("Steps, in start order"),
    feedback: z.array(storedFeedbackEventSchema).describe("Feedback events on this trace (newest first)"),
    scores: z.array(scoreSchema).describe("Scores of this trace (newest first)"),
    embeddings: z
      .array(traceEmbeddingSummarySchema)
      .describe("The trace's stored vectors, without their numbers (read them by embedder for drift)"),
  })
  .strict();
export type TraceView = z.infer<typeof traceSchema>;

export const traceIdParams = z.object({ id: identifier }).strict();

export const scoreFilterOperators = ["<=", ">=", "!=", "<", ">", "="] as const;
export type ScoreFilterOperator = (typeof scoreFilterOperators)[number];

// name, operator, value: "relevance < 0.5", "pii_leak = true", "topic != billing".
const scoreFilterPattern = /^([A-Za-z0-9][A-Za-z0-9_.:-]*)\s*(<=|>=|!=|<|>|=)\s*(\S.*)$/;

/** A trace-list filter on a score, written as the URL carries it: `relevance < 0.5`. */
export const scoreFilterSchema = exactText(z.string().trim().max(200)).transform((text, ctx) => {
  const [, name, op, raw] = scoreFilterPattern.exec(text) ?? [];
  const operator = scoreFilterOperators.find((candidate) => candidate === op);
  if (!name || !operator || raw === undefined) {
    ctx.addIssue({ code: "custom", message: "write a score filter as <name> <op> <value>, e.g. relevance < 0.5 or pii_leak = true" });
    return z.NEVER;
  }
  const number = Number(raw);
  const value: number | boolean | string =
    raw === "true" ? true : raw === "false" ? false : raw.trim() !== "" && Number.isFinite(number) ? number : raw.trim();
  if (typeof value !== "number" && !["=", "!="].includes(operator)) {
    ctx.addIssue({ code: "custom", message: `${operator} compares numbers: ${raw} is not one` });
    return z.NEVER;
  }
  return { name, operator, value };
});
export type ScoreFilter = z.output<typeof scoreFilterSchema>;

export const traceListQuerySchema = z
  .object({
    from: timestamp.optional().describe("Traces starting at or after"),
    to: timestamp.optional().describe("Traces starting before"),
    status: z.enum(traceStatuses).optional(),
    model: shortText.optional(),
    release: shortText.optional(),
    promptVersion: shortText.optional(),
    userId: identifier.optional(),
    sessionId: identifier.optional(),
    q: exactText(z.string().max(500)).optional().describe("Text to find in input or output (matched literally)"),
    feedback: z
      .enum(["negative"])
      .optional()
      .describe("negative: only traces with negative feedback (thumb down, rating <= 2/5, report, rephrase or regenerate)"),
    score: scoreFilterSchema
      .optional()
      .describe(
        "Traces with a score of this name matching, as `<name> <op> <value>` with op one of < <= > >= = != (e.g. `relevance < 0.5`, `pii_leak = true`, `topic = billing`)",
      ),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: exactText(z.string().max(500)).optional().describe("nextCursor from the previous page"),
  })
  .strict();
export type TraceListQuery = z.infer<typeof traceListQuerySchema>;

export const traceListSchema = z
  .object({
    data: z.array(
      traceSchema.omit({ spans: true, feedback: true, scores: true, embeddings: true, promptTemplate: true, config: true, metadata: true }),
    ),
    nextCursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last"),
  })
  .strict();
