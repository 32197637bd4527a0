/** The user's question in a trace's input: the last user message, or the input itself when it is text. */
export function promptText(input: unknown): string {
  if (typeof input === "string") return input;
  if (!Array.isArray(input)) return "";
  for (let i = input.length - 1; i >= 0; i--) {
    const message = input[i] as { role?: unknown; content?: unknown } | null;
    if (message?.role !== "user") continue;
    if (typeof message.content === "string") return message.content;
    if (Array.isArray(message.content)) {
      return message.content
        .map((part: unknown) =>
          typeof part === "object" && part !== null && "text" in part ? String((part).text) : "",
        )
        .join(" ");
    }
  }
  return "";
}
