import { z } from "zod";
import { feedbackEventTypes, type FeedbackBatch, type FeedbackEvent } from "@liveloop/widget/protocol";
import { contentText, exactText, identifierSchema as identifier, jsonObjectSchema, timestampSchema } from "@/contracts/common";

export const feedbackLimits = {
  maxBodyBytes: 64 * 1024,
  maxEvents: 100,
  maxCommentChars: 10_000,
  defaultScale: 5,
  maxScale: 10,
} as const;

/** Which fields each type needs; anything else a type does not use is refused, not ignored. */
function checkEventShape(event: FeedbackEvent, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => {
    ctx.addIssue({ code: "custom", path: [path], message });
  };
  const usesValue = event.type === "thumb" || event.type === "rating" || event.type === "rephrase";
  if (usesValue && event.value === undefined) issue("value", `a ${event.type} event needs a value`);
  if (!usesValue && event.value !== undefined) issue("value", `a ${event.type} event has no value`);
  if (event.type !== "rating" && event.scale !== undefined) issue("scale", "only a rating has a scale");
  if (event.value !== undefined) {
    if (event.type === "thumb" && ![-1, 0, 1].includes(event.value)) issue("value", "a thumb is 1 (up), -1 (down) or 0 (withdrawn)");
    const scale = event.scale ?? feedbackLimits.defaultScale;
    if (event.type === "rating" && (!Number.isInteger(event.value) || event.value < 1 || event.value > scale)) {
      issue("value", `a rating is a whole number from 1 to ${scale}`);
    }
    if (event.type === "rephrase" && (event.value < 0 || event.value > 1)) issue("value", "a rephrase similarity is between 0 and 1");
  }
  if (event.type === "reasons" && (event.reasons ?? []).length === 0) issue("reasons", "a reasons event needs at least one reason");
  if (event.type === "comment" && !event.comment?.trim()) issue("comment", "a comment event needs a comment");
  if (event.type === "report" && event.category === undefined) issue("category", "a report needs a category");
}

export const feedbackEventSchema = z
  .object({
    id: identifier.describe("Client-generated id (a UUID); an id seen before is a duplicate, never a second row"),
    type: z.enum(feedbackEventTypes).describe("thumb, rating, reasons, comment, report, copy, rephrase or regenerate"),
    traceId: identifier.describe("The answer's id in the host application (the trace id)"),
    timestamp: timestampSchema.describe("When the user acted (ISO 8601, years 1970 to 9999)"),
    sessionId: identifier.optional(),
    userId: identifier.optional(),
    feedbackToken: exactText(z.string().max(200))
      .optional()
      .describe("Signed token for this trace; required when the project requires tokens"),
    value: z.number().optional().describe("thumb: 1 up, -1 down, 0 withdrawn; rating: 1..scale; rephrase: similarity 0..1"),
    scale: z.number().int().min(2).max(feedbackLimits.maxScale).optional().describe("Rating scale, default 5"),
    reasons: z
      .array(exactText(z.string().trim().min(1).max(100)))
      .max(20)
      .optional()
      .describe("Reason chips chosen"),
    comment: contentText(feedbackLimits.maxCommentChars).optional().describe("Free text, up to 10 000 characters"),
    category: exactText(z.string().trim().min(1).max(100)).optional().describe("Report category"),
    metadata: jsonObjectSchema.optional().describe("Anything else the host application attaches"),
  })
  .strict()
  .superRefine(checkEventShape) satisfies z.ZodType<FeedbackEvent>;

/** The envelope is checked first (size, count); each event is then checked and answered on its own. */
export const feedbackBatchEnvelopeSchema = z
  .object({
    events: z
      .array(z.unknown())
      .min(1, "Send at least one event")
      .max(feedbackLimits.maxEvents, `Send at most ${feedbackLimits.maxEvents} events per request`),
  })
  .strict();

/** The documented shape of a whole batch (for OpenAPI and the compile-time check against the widget). */
export const feedbackBatchSchema = z
  .object({ events: z.array(feedbackEventSchema).min(1).max(feedbackLimits.maxEvents) })
  .strict() satisfies z.ZodType<FeedbackBatch>;

export const storedFeedbackEventSchema = z
  .object({
    id: z.string(),
    type: z.enum(feedbackEventTypes),
    traceId: z.string(),
    timestamp: z.string().describe("When the user acted"),
    receivedAt: z.string().describe("When Liveloop stored it"),
    sessionId: z.string().nullable(),
    userId: z.string().nullable(),
    value: z.number().nullable(),
    scale: z.number().int().nullable(),
    reasons: z.array(z.string()),
    comment: z.string().nullable(),
    category: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
  })
  .strict();
export type StoredFeedbackEvent = z.infer<typeof storedFeedbackEventSchema>;

export const feedbackListQuerySchema = z.object({ traceId: identifier.describe("The trace whose feedback to list") }).strict();
export const feedbackListSchema = z.object({ data: z.array(storedFeedbackEventSchema).describe("Newest first") }).strict();

export const feedbackTokenRequestSchema = z
  .object({
    traceIds: z.array(identifier).min(1).max(500).describe("Traces to mint tokens for"),
    ttlSeconds: z
      .number()
      .int()
      .min(60)
      .max(30 * 86_400)
      .default(86_400)
      .describe("How long the tokens stay valid (default one day, at most 30 days)"),
  })
  .strict();
export const feedbackTokensSchema = z
  .object({
    tokens: z.record(z.string(), z.string()).describe("A token per trace id"),
    expiresAt: z.string().describe("When the tokens expire"),
  })
  .strict();
