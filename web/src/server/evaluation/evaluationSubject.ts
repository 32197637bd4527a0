import type { EvaluationSubject } from "@/server/evaluation/evaluatorTypes";
import { promptText, textOf } from "@/server/review/conversation";

/** One retrieved document as text: a string, or the usual fields of a document object. */
function passageText(document: unknown): string | null {
  if (typeof document === "string") return document.trim() === "" ? null : document;
  if (typeof document !== "object" || document === null) return null;
  const fields = document as Record<string, unknown>;
  for (const key of ["content", "text", "page_content", "pageContent", "document", "chunk"]) {
    const value = fields[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return null;
}

/**
 * The passages a retrieval span returned: a list of strings or document objects (also under
 * `documents`/`results`), or one text. Anything else counts as no passage rather than as
 * JSON text, which would make the answer look supported by field names.
 */
export function retrievedPassages(output: unknown): string[] {
  if (typeof output === "string") return output.trim() === "" ? [] : [output];
  if (Array.isArray(output)) return output.flatMap((document) => passageText(document) ?? []);
  if (typeof output === "object" && output !== null) {
    const fields = output as Record<string, unknown>;
    for (const key of ["documents", "results", "passages", "chunks"]) {
      if (Array.isArray(fields[key])) return retrievedPassages(fields[key]);
    }
    const single = passageText(output);
    return single ? [single] : [];
  }
  return [];
}

/** What evaluators read of a trace: the question, the answer and the passages its retrieval spans returned. */
export function evaluationSubjectOf(
  trace: { input: unknown; output: unknown },
  spans: readonly { type: string; output: unknown }[],
  expected?: string,
): EvaluationSubject {
  return {
    input: promptText(trace.input),
    output: textOf(trace.output),
    contexts: spans.filter((span) => span.type === "retrieval").flatMap((span) => retrievedPassages(span.output)),
    expected,
  };
}
