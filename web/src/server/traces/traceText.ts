import type { TraceInput } from "@/contracts/traces";
import { messageText } from "@/server/review/conversation";

type TraceIo = NonNullable<TraceInput["input"]>;

// Search covers the first part of very long texts only; the full text is still stored.
const searchTextLimit = 100_000;

/** The human-readable text of an input or output: message contents and tool calls, the string, or the JSON. */
export function ioText(value: TraceIo | undefined | null): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    return value.map((message) => messageText(message)).join("\n");
  }
  return JSON.stringify(value);
}

/** What the console's text search looks in: input and output, lower-cased, capped. */
export function searchTextOf(input: TraceIo | undefined, output: TraceIo | undefined): string {
  return `${ioText(input)}\n${ioText(output)}`.toLowerCase().slice(0, searchTextLimit);
}
