import { z } from "zod";

export const demoChatRequestSchema = z
  .object({
    sessionId: z.string().trim().min(1).max(200),
    message: z.string().trim().min(1, "Ask something").max(2_000),
    history: z
      .array(z.object({ role: z.enum(["user", "assistant"]), content: z.string().max(4_000) }).strict())
      .max(20)
      .default([]),
    regenerateOf: z.string().max(200).optional().describe("The answer this one replaces (the user pressed Regenerate)"),
  })
  .strict();
export type DemoChatRequest = z.infer<typeof demoChatRequestSchema>;

export const demoChatReplySchema = z
  .object({ traceId: z.string(), answer: z.string(), model: z.string(), feedbackToken: z.string() })
  .strict();
export type DemoChatReply = z.infer<typeof demoChatReplySchema>;
