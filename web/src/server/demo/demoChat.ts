import { randomUUID } from "node:crypto";
import type { Database } from "@/server/db/client";
import type { DemoChatRequest, DemoChatReply } from "@/contracts/demo";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { mintFeedbackTokens } from "@/server/feedback/feedbackTokens";
import { AppError } from "@/server/errors";
import { answerFromFacts } from "@/server/demo/demoResponder";
import { completeChat, type ChatMessage, type LlmSettings } from "@/server/demo/demoLlm";

export const demoRelease = "demo-1";
const localModel = "liveloop-demo-responder";
const systemPrompt = "You are the support assistant of Northwind Outfitters, an outdoor shop. Answer briefly and concretely.";

/**
 * Answers one demo question and records it as a trace (a retrieval step and a model call),
 * then mints the feedback token the widget needs for that answer (the project requires them).
 */
export async function answerDemoQuestion(
  database: Database,
  projectId: string,
  request: DemoChatRequest,
  options: { llm: LlmSettings | null; now: () => Date },
): Promise<DemoChatReply> {
  const traceId = randomUUID();
  const start = options.now();
  const facts = answerFromFacts(request.message);
  const retrieved = options.now();
  const messages: ChatMessage[] = [
    { role: "system", content: systemPrompt },
    ...request.history.map((turn) => ({ role: turn.role, content: turn.content })),
    { role: "user", content: request.message },
  ];
  const reply = options.llm
    ? await completeChat(options.llm, messages)
    : {
        text: facts.text,
        model: localModel,
        usage: { inputTokens: wordCount(messages), outputTokens: wordCount([{ content: facts.text }]) },
      };
  const end = options.now();

  const result = await ingestTraces(database, projectId, [
    {
      id: traceId,
      name: "demo chat",
      sessionId: request.sessionId,
      input: messages,
      output: reply.text,
      model: reply.model,
      release: demoRelease,
      promptTemplate: systemPrompt,
      promptVersion: "1",
      startTime: start.toISOString(),
      endTime: end.toISOString(),
      usage: reply.usage,
      metadata: { regenerateOf: request.regenerateOf ?? null },
      spans: [
        {
          id: "retrieve",
          type: "retrieval",
          name: "search help articles",
          input: request.message,
          output: facts.topic ?? "no match",
          startTime: start.toISOString(),
          endTime: retrieved.toISOString(),
        },
        {
          id: "answer",
          type: "llm",
          name: "answer",
          model: reply.model,
          input: messages,
          output: reply.text,
          usage: reply.usage,
          startTime: retrieved.toISOString(),
          endTime: end.toISOString(),
        },
      ],
    },
  ]);
  if (result.accepted.length !== 1)
    throw new AppError(500, "demo_trace", "Internal error", result.rejected[0]?.message ?? "trace not stored");
  const { tokens } = await mintFeedbackTokens(database, projectId, { traceIds: [traceId], ttlSeconds: 86_400 }, end);
  return { traceId, answer: reply.text, model: reply.model, feedbackToken: tokens[traceId] ?? "" };
}

// A rough token count for the local responder, so the demo's traces have usage and cost.
function wordCount(messages: { content: string }[]): number {
  return messages.reduce((sum, message) => sum + message.content.split(/\s+/).filter(Boolean).length, 0);
}
