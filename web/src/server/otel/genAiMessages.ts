import { jsonNestsDeeperThan, maxJsonDepth } from "@/contracts/common";
import type { AttributeValue, Attributes, OtlpSpan } from "@/server/otel/otlpSpan";

// A type alias (not an interface) so it fits the contract's open message shape.
export type ChatMessage = {
  role: "system" | "user" | "assistant" | "tool";
  content: string;
};

const roles = new Set(["system", "user", "assistant", "tool"]);

function role(value: AttributeValue | undefined): ChatMessage["role"] {
  if (value === "developer") return "system";
  return typeof value === "string" && roles.has(value) ? (value as ChatMessage["role"]) : "user";
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

/** A message in any of the shapes GenAI instrumentations use: parts (current conventions) or content. */
function toMessage(value: AttributeValue, fallbackRole: ChatMessage["role"]): ChatMessage {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const content = Array.isArray(value.parts)
      ? value.parts.map(partText).join("\n")
      : value.content === undefined
        ? ""
        : partText(value.content);
    const message = value.message && typeof value.message === "object" && !Array.isArray(value.message) ? value.message : null;
    if (message) return toMessage(message, fallbackRole);
    return { role: value.role === undefined ? fallbackRole : role(value.role), content };
  }
  return { role: fallbackRole, content: partText(value) };
}

function messageList(value: AttributeValue | undefined, fallbackRole: ChatMessage["role"]): ChatMessage[] | null {
  const parsed = structured(value);
  if (parsed === undefined || parsed === null) return null;
  return (Array.isArray(parsed) ? parsed : [parsed]).map((item) => toMessage(item, fallbackRole));
}

/** `gen_ai.prompt.0.role` / `gen_ai.prompt.0.content` style attributes (OpenLLMetry). */
function indexedMessages(attributes: Attributes, prefix: string, fallbackRole: ChatMessage["role"]): ChatMessage[] | null {
  const messages: ChatMessage[] = [];
  for (let i = 0; attributes[`${prefix}.${i}.content`] !== undefined || attributes[`${prefix}.${i}.role`] !== undefined; i++) {
    messages.push({
      role: role(attributes[`${prefix}.${i}.role`] ?? fallbackRole),
      content: partText(attributes[`${prefix}.${i}.content`] ?? ""),
    });
  }
  return messages.length > 0 ? messages : null;
}

/** Where a span's messages can be: its attributes, or its events (span events or GenAI log events). */
type SpanContent = Pick<OtlpSpan, "attributes" | "events">;

const eventRoles: Record<string, ChatMessage["role"]> = {
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
    return system ? [...system.map((m) => ({ ...m, role: "system" as const })), ...current] : current;
  }
  const perMessageEvents = span.events.filter((event) => event.name in eventRoles);
  if (perMessageEvents.length > 0) {
    return perMessageEvents.map((event) => ({ role: eventRoles[event.name] ?? "user", content: partText(event.attributes.content ?? "") }));
  }
  const promptEvent = span.events.find((event) => event.name === "gen_ai.content.prompt");
  return messageList(promptEvent?.attributes["gen_ai.prompt"], "user") ?? indexedMessages(span.attributes, "gen_ai.prompt", "user");
}

/** The completion of a GenAI span. */
export function outputMessages(span: SpanContent): ChatMessage[] | null {
  const current = messageList(span.attributes["gen_ai.output.messages"], "assistant");
  if (current) return current;
  const choices = span.events.filter((event) => event.name === "gen_ai.choice");
  if (choices.length > 0) return choices.map((event) => toMessage(structured(event.attributes.message) ?? event.attributes, "assistant"));
  const completionEvent = span.events.find((event) => event.name === "gen_ai.content.completion");
  return (
    messageList(completionEvent?.attributes["gen_ai.completion"], "assistant") ??
    indexedMessages(span.attributes, "gen_ai.completion", "assistant")
  );
}
