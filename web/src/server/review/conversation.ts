import type { AssistantMessage, ChatMessage, ToolCall } from "@/contracts/chatMessage";

/** Text of a message's content: a string, or the text parts of a multi-part content. */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((part: unknown) => (typeof part === "object" && part !== null && "text" in part ? String(part.text) : "")).join("");
  }
  return content === null || content === undefined ? "" : JSON.stringify(content);
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

/** Tool calls as logged (ingest checked their shape), each reduced to OpenAI's fields. */
function toolCallsOf(value: unknown): ToolCall[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.map((raw: unknown) => {
    const call = record(raw);
    const fn = record(call.function);
    return { id: String(call.id), type: "function", function: { name: String(fn.name), arguments: String(fn.arguments) } };
  });
}

/**
 * One logged message as a chat message with OpenAI's fields only (what datasets keep):
 * content as text, an assistant's tool calls, a tool result's call id; null for a
 * message of no known role.
 */
function chatMessageOf(raw: unknown): ChatMessage | null {
  const message = record(raw);
  const content = contentText(message.content);
  const name = typeof message.name === "string" ? { name: message.name } : {};
  switch (message.role) {
    case "system":
    case "user":
      return { role: message.role, content, ...name };
    case "assistant": {
      const toolCalls = toolCallsOf(message.tool_calls);
      return toolCalls
        ? { role: "assistant", content: content === "" ? null : content, ...name, tool_calls: toolCalls }
        : { role: "assistant", content, ...name };
    }
    case "tool":
      return { role: "tool", content, tool_call_id: typeof message.tool_call_id === "string" ? message.tool_call_id : "" };
    default:
      return null;
  }
}

/** A trace's input as OpenAI-style chat messages (text input becomes one user message). */
export function chatMessagesOf(input: unknown): ChatMessage[] {
  if (typeof input === "string") return [{ role: "user", content: input }];
  if (!Array.isArray(input)) return input === null || input === undefined ? [] : [{ role: "user", content: JSON.stringify(input) }];
  return input.flatMap((message: unknown) => chatMessageOf(message) ?? []);
}

/**
 * A trace as the conversation before its answer and the answer under review: the input's
 * messages, then whatever the output holds before its last assistant message (tool results
 * an agent went through), then that message. Text or JSON output is the answer's text.
 */
export function conversationOf(input: unknown, output: unknown): { messages: ChatMessage[]; answer: AssistantMessage } {
  const messages = chatMessagesOf(input);
  if (!Array.isArray(output)) return { messages, answer: { role: "assistant", content: contentText(output) } };
  const said = chatMessagesOf(output);
  const last = said.findLastIndex((message) => message.role === "assistant");
  const answer = said[last];
  return answer?.role === "assistant"
    ? { messages: [...messages, ...said.slice(0, last)], answer }
    : { messages: [...messages, ...said], answer: { role: "assistant", content: "" } };
}

/** JSON text (tool call arguments, tool results) indented for reading; other text stays as written. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A tool call on one line, as a person reads it: `get_weather({"city":"Paris"})`. */
export function toolCallText(call: ToolCall): string {
  return `${call.function.name}(${call.function.arguments})`;
}

/** A message as plain text (lists, search, CSV): its content, each tool call on its own line. */
export function messageText(message: { content?: unknown; tool_calls?: readonly ToolCall[] | undefined }): string {
  const calls = (message.tool_calls ?? []).map(toolCallText);
  return [contentText(message.content), ...calls].filter((part) => part !== "").join("\n");
}

/** A trace's output as text (the assistant's answer, tool calls written out). */
export function textOf(output: unknown): string {
  return messageText(conversationOf(null, output).answer);
}

/** The user's question in a trace's input: the last user message, or the input itself when it is text. */
export function promptText(input: unknown): string {
  if (typeof input === "string") return input;
  if (!Array.isArray(input)) return "";
  return contentText(chatMessagesOf(input).findLast((message) => message.role === "user")?.content);
}

const excerptChars = 220;

/** Text cut at a word (the console's one way to shorten a question or answer for a list) near `max` characters, on one line. */
export function excerpt(text: string, max = excerptChars): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
