import type { BuiltinEvaluator, EvaluationSubject } from "@/server/evaluation/evaluatorTypes";
import { compileAnswerJsonSchema, describeError } from "@/server/evaluation/builtin/formatAnswerSchema";

// Models often wrap JSON in one Markdown fence; one is tolerated, anything more is not JSON.
const fenced = /^```(?:json|JSON)?[ \t]*\r?\n([\s\S]*?)\r?\n?```$/;

/** The JSON text of an answer: trimmed, with one surrounding ```json fence removed. */
export function unfenceJson(output: string): string {
  const trimmed = output.trim();
  return fenced.exec(trimmed)?.[1]?.trim() ?? trimmed;
}

function looksLikeJson(output: string): boolean {
  const text = unfenceJson(output);
  return text.startsWith("{") || text.startsWith("[");
}

/** Line and column of a character offset, 1-based, as editors show them. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function parseError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const where = position === undefined ? "" : ` at ${lineAndColumn(text, Number(position))}`;
  // V8 quotes the offending text in some messages; the explanation keeps only what went wrong.
  const what = message.replace(/ in JSON at position \d+.*$/s, "").replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, "");
  return `The answer is not valid JSON${where}: ${what}.`;
}

export interface FormatCheck {
  valid: boolean;
  explanation: string;
}

/**
 * Valid = the answer parses as JSON and, when the project declares a schema, matches it.
 * Throws when the declared schema itself is invalid: that is a configuration error to fix
 * (and refused when saved), not a verdict on the answer.
 */
export function checkAnswerFormat(output: string, schema: unknown): FormatCheck {
  const text = unfenceJson(output);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { valid: false, explanation: parseError(text, error) };
  }
  if (schema === undefined || schema === null) return { valid: true, explanation: "The answer is valid JSON." };
  const validate = compileAnswerJsonSchema(schema);
  if (typeof validate === "string") throw new Error(`Configuration error: ${validate}`);
  if (validate(value)) return { valid: true, explanation: "The answer is valid JSON and matches the declared schema." };
  return { valid: false, explanation: `The answer does not match the declared schema: ${describeError(validate.errors?.[0])}.` };
}

const hasSchema = (schema: unknown) => schema !== undefined && schema !== null;

export const formatEvaluator: BuiltinEvaluator = {
  kind: "format",
  version: 1,
  applies: (subject: EvaluationSubject, context) => hasSchema(context.answerJsonSchema) || looksLikeJson(subject.output),
  evaluate: (subject, context) => {
    try {
      const { valid, explanation } = checkAnswerFormat(subject.output, context.answerJsonSchema);
      return Promise.resolve([{ name: "format", dataType: "boolean", value: valid, explanation }]);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
};
