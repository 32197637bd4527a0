import { randomUUID } from "node:crypto";
import type { Database } from "@/server/db/client";
import type { DemoChatRequest, DemoChatReply } from "@/contracts/demo";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { mintFeedbackTokens } from "@/server/feedback/feedbackTokens";
import { AppError } from "@/server/errors";
import { answerFromFacts } from "@/server/demo/demoResponder";
import { completeChat, type ChatMessage, type LlmSettings } from "@/server/demo/demoLlm";
import { demoPace, demoTokens } from "@/server/demo/demoPace";

export const demoRelease = "demo-1";
const localModel = "liveloop-demo-responder";
const systemPrompt = "You are the support assistant of Northwind Outfitters, an outdoor shop. Answer briefly and concretely.";

export interface AnswerOptions {
  llm: LlmSettings | null;
  now: () => Date;
  /** Waits as the local responder's pace says (tests pass one that moves their clock instead). */
  sleep: (ms: number) => Promise<void>;
  /** Each piece of the answer as it is produced (the route streams them to the page). */
  onToken?: (text: string) => void;
}

export const waitFor = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Answers one demo question, streaming its tokens, and records it as a trace (a retrieval
 * step and a model call with its time to first token), then mints the feedback token the
 * widget needs for that answer (the project requires them). The times in the trace are
 * measured, so the trace page, waterfall and metrics show what the visitor waited.
 */
export async function answerDemoQuestion(
  database: Database,
  projectId: string,
  request: DemoChatRequest,
  options: AnswerOptions,
): Promise<Omit<DemoChatReply, "publicKey">> {
  const traceId = randomUUID();
  const pace = demoPace(request.message);
  const start = options.now();
  const facts = answerFromFacts(request.message);
  if (!options.llm) await options.sleep(pace.retrievalMs);
  const retrieved = options.now();
  const messages: ChatMessage[] = [
    { role: "system", content: systemPrompt },
    ...request.history.map((turn) => ({ role: turn.role, content: turn.content })),
    { role: "user", content: request.message },
  ];
  let firstToken: Date;
  let reply: { text: string; model: string; usage: { inputTokens: number; outputTokens: number } | undefined };
  if (options.llm) {
    // One completion, not a stream: its whole text is the first token.
    reply = await completeChat(options.llm, messages);
    firstToken = options.now();
    options.onToken?.(reply.text);
  } else {
    const tokens = demoTokens(facts.text);
    await options.sleep(pace.firstTokenMs);
    firstToken = options.now();
    for (const [index, token] of tokens.entries()) {
      if (index > 0) await options.sleep(pace.tokenMs(index));
      options.onToken?.(token);
    }
    reply = { text: facts.text, model: localModel, usage: { inputTokens: wordCount(messages), outputTokens: tokens.length } };
  }
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
      firstTokenTime: firstToken.toISOString(),
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
          firstTokenTime: firstToken.toISOString(),
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
