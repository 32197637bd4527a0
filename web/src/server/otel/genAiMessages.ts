import { jsonNestsDeeperThan, maxJsonDepth } from "@/contracts/common";
import type { AttributeValue, Attributes, OtlpSpan } from "@/server/otel/otlpSpan";

import { conversationIssues, messagesAt, type ToolCall } from "@/contracts/chatMessage";

// A type alias (not an interface) so it fits the contract's open message shape.
export type ChatMessage =
  | { role: "system" | "user"; content: string }
  | { role: "assistant"; content: string | null; tool_calls?: ToolCall[] }
  | { role: "tool"; content: string; tool_call_id: string };

type Role = ChatMessage["role"];
/** The role a message without one is read as (never tool: a tool result needs its call id). */
type FallbackRole = Exclude<Role, "tool">;

const roles = new Set(["system", "user", "assistant", "tool"]);

function role(value: AttributeValue | undefined): Role {
  if (value === "developer") return "system";
  return typeof value === "string" && roles.has(value) ? (value as Role) : "user";
}

/**
 * Attribute values holding messages arrive as JSON strings or as structured values. A
 * string nesting deeper than any attribute may stays a string: reading messages out of
 * it would recurse once per level.
 */
function structured(value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value !== "string") return value;
  try {
    const parsed = JSON.parse(value) as AttributeValue;
    return jsonNestsDeeperThan(parsed, maxJsonDepth) ? value : parsed;
  } catch {
    return value;
  }
}

function partText(part: AttributeValue): string {
  if (typeof part === "string") return part;
  if (part && typeof part === "object" && !Array.isArray(part)) {
    if (typeof part.content === "string") return part.content;
    if (typeof part.text === "string") return part.text;
    if (part.type === "tool_call")
      return `[tool call ${typeof part.name === "string" ? part.name : ""}] ${JSON.stringify(part.arguments ?? null)}`;
    if (part.type === "tool_call_response") return JSON.stringify(part.response ?? part.result ?? null);
  }
  return JSON.stringify(part);
}

type AttributeObject = { [key: string]: AttributeValue };
const isObject = (value: AttributeValue | undefined): value is AttributeObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: AttributeValue | undefined) => (typeof value === "string" ? value : undefined);

/** A tool call as OpenAI writes it, from a `tool_call` part (current conventions) or an OpenAI-shaped entry. */
function toolCallOf(value: AttributeValue): ToolCall | null {
  if (!isObject(value)) return null;
  const fn = isObject(value.function) ? value.function : value;
  const id = text(value.id);
  const name = text(fn.name);
  if (!id || !name) return null;
  const args = fn.arguments ?? null;
  return { id, type: "function", function: { name, arguments: typeof args === "string" ? args : JSON.stringify(args) } };
}

/** A message in any of the shapes GenAI instrumentations use: parts (current conventions) or content. */
function toMessage(value: AttributeValue, fallbackRole: FallbackRole): ChatMessage {
  if (!isObject(value)) return { role: fallbackRole, content: partText(value) };
  if (isObject(value.message)) return toMessage(value.message, fallbackRole);
  const parts = Array.isArray(value.parts) ? value.parts : null;
  const calls = (
    parts?.filter((part) => isObject(part) && part.type === "tool_call") ?? (Array.isArray(value.tool_calls) ? value.tool_calls : [])
  )
    .map(toolCallOf)
    .filter((call) => call !== null);
  const said = parts ? parts.filter((part) => !(isObject(part) && part.type === "tool_call")) : null;
  const content = said ? said.map(partText).join("\n") : value.content === undefined ? "" : partText(value.content);
  const messageRole = value.role === undefined ? fallbackRole : role(value.role);
  if (messageRole === "assistant" && calls.length > 0)
    return { role: "assistant", content: content === "" ? null : content, tool_calls: calls };
  if (messageRole === "tool") {
    const response = parts?.find((part) => isObject(part) && part.type === "tool_call_response");
    const id = text(value.tool_call_id) ?? text(value.id) ?? (isObject(response) ? text(response.id) : undefined);
    if (id) return { role: "tool", content, tool_call_id: id };
  }
  // A tool result the source gave no call id for cannot answer a call: it is kept as text.
  if (messageRole === "tool") return { role: "user", content: `[tool result] ${content}` };
  return messageRole === "assistant" ? { role: "assistant", content } : { role: messageRole, content };
}

/**
 * Messages the conversation rule would refuse (a tool result answering no call this list
 * holds, a call id used twice) are kept as text instead: instrumentations often log a
 * window of the conversation, and a trace is worth more stored than refused.
 */
function consistent(messages: ChatMessage[]): ChatMessage[] {
  const broken = new Set(conversationIssues(messagesAt([], messages)).map((issue) => issue.path[0]));
  return messages.map((message, index): ChatMessage => {
    if (!broken.has(index)) return message;
    if (message.role === "tool") return { role: "user", content: `[tool result ${message.tool_call_id}] ${message.content}` };
    if (message.role === "assistant") {
      const calls = (message.tool_calls ?? []).map((call) => `[tool call ${call.function.name}] ${call.function.arguments}`);
      return { role: "assistant", content: [message.content ?? "", ...calls].filter(Boolean).join("\n") };
    }
    return message;
  });
}

function messageList(value: AttributeValue | undefined, fallbackRole: FallbackRole): ChatMessage[] | null {
  const parsed = structured(value);
  if (parsed === undefined || parsed === null) return null;
  return consistent((Array.isArray(parsed) ? parsed : [parsed]).map((item) => toMessage(item, fallbackRole)));
}

/** `gen_ai.prompt.0.role` / `gen_ai.prompt.0.content` style attributes (OpenLLMetry). */
function indexedMessages(attributes: Attributes, prefix: string, fallbackRole: FallbackRole): ChatMessage[] | null {
  const messages: ChatMessage[] = [];
  for (let i = 0; attributes[`${prefix}.${i}.content`] !== undefined || attributes[`${prefix}.${i}.role`] !== undefined; i++) {
    messages.push(
      toMessage(
        {
          role: attributes[`${prefix}.${i}.role`] ?? fallbackRole,
          content: attributes[`${prefix}.${i}.content`] ?? "",
          ...(attributes[`${prefix}.${i}.tool_call_id`] === undefined ? {} : { tool_call_id: attributes[`${prefix}.${i}.tool_call_id`] }),
        },
        fallbackRole,
      ),
    );
  }
  return messages.length > 0 ? consistent(messages) : null;
}

/** Where a span's messages can be: its attributes, or its events (span events or GenAI log events). */
type SpanContent = Pick<OtlpSpan, "attributes" | "events">;

const eventRoles: Record<string, Role> = {
  "gen_ai.system.message": "system",
  "gen_ai.user.message": "user",
  "gen_ai.assistant.message": "assistant",
  "gen_ai.tool.message": "tool",
};

/** The prompt of a GenAI span, from whichever convention the instrumentation follows. */
export function inputMessages(span: SpanContent): ChatMessage[] | null {
  const current = messageList(span.attributes["gen_ai.input.messages"], "user");
  if (current) {
    const system = messageList(span.attributes["gen_ai.system_instructions"], "system");
    return system ? [...system.map((m) => ({ role: "system" as const, content: m.content ?? "" })), ...current] : current;
  }
  const perMessageEvents = span.events.filter((event) => event.name in eventRoles);
  if (perMessageEvents.length > 0) {
    return consistent(perMessageEvents.map((event) => toMessage({ ...event.attributes, role: eventRoles[event.name] ?? "user" }, "user")));
  }
  const promptEvent = span.events.find((event) => event.name === "gen_ai.content.prompt");
  return messageList(promptEvent?.attributes["gen_ai.prompt"], "user") ?? indexedMessages(span.attributes, "gen_ai.prompt", "user");
}

/** The completion of a GenAI span. */
export function outputMessages(span: SpanContent): ChatMessage[] | null {
  const current = messageList(span.attributes["gen_ai.output.messages"], "assistant");
  if (current) return current;
  const choices = span.events.filter((event) => event.name === "gen_ai.choice");
  if (choices.length > 0)
    return consistent(choices.map((event) => toMessage(structured(event.attributes.message) ?? event.attributes, "assistant")));
  const completionEvent = span.events.find((event) => event.name === "gen_ai.content.completion");
  return (
    messageList(completionEvent?.attributes["gen_ai.completion"], "assistant") ??
    indexedMessages(span.attributes, "gen_ai.completion", "assistant")
  );
}
