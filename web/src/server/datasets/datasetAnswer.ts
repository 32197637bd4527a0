import type { AnswerMessage, AssistantMessage, DatasetAnswer, ToolCall } from "@/contracts/chatMessage";

/**
 * How an example's answer is stored: its text in `expected_output` / `rejected_output`
 * (empty when the answer is only tool calls) and OpenAI's `tool_calls` beside it (null
 * when it calls none), so text answers read as they always did.
 */
export interface StoredAnswer {
  text: string;
  toolCalls: ToolCall[] | null;
}

/** An answer as received (API item, or the assistant message a review promotes) in its stored form. */
export function storedAnswer(answer: DatasetAnswer | AssistantMessage): StoredAnswer {
  if (typeof answer === "string") return { text: answer, toolCalls: null };
  return { text: typeof answer.content === "string" ? answer.content : "", toolCalls: answer.tool_calls ?? null };
}

/** Columns hold what the contract accepted; a missing or empty list means no tool calls. */
function toolCallsOf(value: unknown): ToolCall[] | null {
  return Array.isArray(value) && value.length > 0 ? (value as ToolCall[]) : null;
}

/** The stored answer as the assistant message a training format ends with (content null beside tool calls when there is no text). */
export function answerMessage(text: string, toolCalls: unknown): AnswerMessage {
  const calls = toolCallsOf(toolCalls);
  if (!calls) return { role: "assistant", content: text };
  return { role: "assistant", content: text === "" ? null : text, tool_calls: calls };
}

/** The stored answer in the shape the items API takes (text, or the assistant message when it calls tools), so exports import back. */
export function answerInput(text: string, toolCalls: unknown): DatasetAnswer {
  return toolCallsOf(toolCalls) ? answerMessage(text, toolCalls) : text;
}
