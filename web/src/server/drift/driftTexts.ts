import type { EmbeddingField } from "@/generated/prisma/client";
import { messageText, promptText, textOf } from "@/server/review/conversation";
import { answerMessage } from "@/server/datasets/datasetAnswer";

/** A text to compare and where it came from (a trace id, or a dataset item's id). */
export interface DriftText {
  sourceId: string;
  text: string;
}

// Embedding looks at the start of a text: a pasted document would otherwise cost as much as
// a hundred prompts, and its opening already says what it is about.
const embeddedChars = 8_000;
// What a baseline point keeps to show as an example.
const keptChars = 1_000;

/** The text drift compares of a trace: the user's question (input) or the answer (output). */
export function traceDriftText(field: EmbeddingField, trace: { input: unknown; output: unknown }): string {
  return clip(field === "input" ? promptText(trace.input) : textOf(trace.output));
}

/** The same for a golden dataset item: its question, or the answer it expects. */
export function datasetItemDriftText(
  field: EmbeddingField,
  item: { input: unknown; expectedOutput: string; expectedToolCalls: unknown },
): string {
  return clip(field === "input" ? promptText(item.input) : messageText(answerMessage(item.expectedOutput, item.expectedToolCalls)));
}

const clip = (text: string): string => text.trim().slice(0, embeddedChars);

/** A text as stored beside its vector for examples. */
export const keptText = (text: string): string => text.slice(0, keptChars);
