import { z } from "zod";
import { contentText, identifierSchema, normaliseText } from "@/contracts/common";

export const demoChatRequestSchema = z
  .object({
    sessionId: identifierSchema,
    message: z.string().trim().min(1, "Ask something").max(2_000).overwrite(normaliseText),
    history: z
      .array(z.object({ role: z.enum(["user", "assistant"]), content: contentText(4_000) }).strict())
      .max(20)
      .default([]),
    regenerateOf: identifierSchema.optional().describe("The answer this one replaces (the user pressed Regenerate)"),
  })
  .strict();
export type DemoChatRequest = z.infer<typeof demoChatRequestSchema>;

export const demoChatReplySchema = z
  .object({
    traceId: z.string(),
    answer: z.string(),
    model: z.string(),
    feedbackToken: z.string(),
    publicKey: z
      .string()
      .nullable()
      .describe("The demo project's browser key for the widget (made with the first answer); null once revoked"),
  })
  .strict();
export type DemoChatReply = z.infer<typeof demoChatReplySchema>;

/**
 * POST /api/demo/chat answers as newline-delimited JSON, streamed as a model streams:
 * the answer's tokens as they come, then the finished reply (or what went wrong).
 */
export const demoChatStreamEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("token"), text: z.string().describe("The next piece of the answer") }).strict(),
  z.object({ type: z.literal("done"), reply: demoChatReplySchema }).strict(),
  z.object({ type: z.literal("error"), detail: z.string() }).strict(),
]);
export type DemoChatStreamEvent = z.infer<typeof demoChatStreamEventSchema>;
