import type { ChatMessage } from "@/contracts/datasets";

const roles = new Set(["system", "user", "assistant", "tool"]);

/** Text of a message's content: a string, or the text parts of a multi-part content. */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((part: unknown) => (typeof part === "object" && part !== null && "text" in part ? String(part.text) : "")).join("");
  }
  return content === null || content === undefined ? "" : JSON.stringify(content);
}

/** A trace's input as OpenAI-style chat messages (text input becomes one user message). */
export function chatMessagesOf(input: unknown): ChatMessage[] {
  if (typeof input === "string") return [{ role: "user", content: input }];
  if (!Array.isArray(input)) return input === null || input === undefined ? [] : [{ role: "user", content: JSON.stringify(input) }];
  return input.flatMap((message: unknown) => {
    const { role, content } = (message ?? {}) as { role?: unknown; content?: unknown };
    return typeof role === "string" && roles.has(role) ? [{ role: role as ChatMessage["role"], content: contentText(content) }] : [];
  });
}

/** A trace's output as text (the assistant's answer). */
export function textOf(output: unknown): string {
  if (Array.isArray(output)) return chatMessagesOf(output).findLast((message) => message.role === "assistant")?.content ?? "";
  return contentText(output);
}

/** The user's question in a trace's input: the last user message, or the input itself when it is text. */
export function promptText(input: unknown): string {
  if (typeof input === "string") return input;
  if (!Array.isArray(input)) return "";
  return chatMessagesOf(input).findLast((message) => message.role === "user")?.content ?? "";
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
