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
  .object({ traceId: z.string(), answer: z.string(), model: z.string(), feedbackToken: z.string() })
  .strict();
export type DemoChatReply = z.infer<typeof demoChatReplySchema>;
