/**
 * The format checks of OpenAI's cookbook "Data preparation and analysis for chat model
 * fine-tuning" (its `format_errors` counters, same names), applied to JSON lines, with
 * tools as the fine-tuning guide allows them: role `tool` beside `function`, `tool_calls`
 * and `tool_call_id` among the known keys, content null only beside a call, and each tool
 * message answering an earlier call id. A test helper: it checks what Liveloop exports
 * independently of the product's own schema.
 */
export type FormatErrors = Partial<Record<FormatError, number>>;

type FormatError =
  | "data_type"
  | "missing_messages_list"
  | "message_missing_key"
  | "message_unrecognized_key"
  | "unrecognized_role"
  | "missing_content"
  | "bad_tool_call"
  | "tool_call_id_unanswered"
  | "example_missing_assistant_message";

const knownKeys = new Set(["role", "content", "name", "function_call", "weight", "tool_calls", "tool_call_id"]);
const knownRoles = new Set(["system", "user", "assistant", "tool", "function"]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function badToolCall(call: unknown): boolean {
  if (!isRecord(call) || typeof call.id !== "string" || call.id === "" || call.type !== "function" || !isRecord(call.function)) return true;
  return typeof call.function.name !== "string" || call.function.name === "" || typeof call.function.arguments !== "string";
}

/** Counts of each kind of format error in the lines of an export; `{}` when every example passes. */
export function openAiFormatErrors(jsonLines: string): FormatErrors {
  const errors: FormatErrors = {};
  const count = (error: FormatError) => {
    errors[error] = (errors[error] ?? 0) + 1;
  };
  for (const line of jsonLines.split("\n").filter((text) => text.trim() !== "")) {
    const example: unknown = JSON.parse(line);
    if (!isRecord(example)) {
      count("data_type");
      continue;
    }
    const messages = example.messages;
    if (!Array.isArray(messages) || messages.length === 0) {
      count("missing_messages_list");
      continue;
    }
    const called = new Set<string>();
    for (const message of messages as unknown[]) {
      if (!isRecord(message)) {
        count("data_type");
        continue;
      }
      if (!("role" in message) || !("content" in message)) count("message_missing_key");
      if (Object.keys(message).some((key) => !knownKeys.has(key))) count("message_unrecognized_key");
      if (typeof message.role !== "string" || !knownRoles.has(message.role)) count("unrecognized_role");
      const calls: unknown[] = Array.isArray(message.tool_calls) ? (message.tool_calls as unknown[]) : [];
      const calling = calls.length > 0 || isRecord(message.function_call);
      // The cookbook's rule, with null allowed where OpenAI allows it: beside a call.
      const content = message.content;
      if (typeof content === "string" ? content === "" && !calling : !(content === null && calling)) count("missing_content");
      if (message.tool_calls !== undefined && (message.role !== "assistant" || calls.length === 0 || calls.some(badToolCall))) {
        count("bad_tool_call");
      }
      for (const call of calls) if (isRecord(call) && typeof call.id === "string") called.add(call.id);
      if (message.role === "tool" && (typeof message.tool_call_id !== "string" || !called.has(message.tool_call_id))) {
        count("tool_call_id_unanswered");
      }
    }
    if (!messages.some((message) => isRecord(message) && message.role === "assistant")) count("example_missing_assistant_message");
  }
  return errors;
}
