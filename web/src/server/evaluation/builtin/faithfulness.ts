// The `faithfulness` built-in: is every sentence of the answer backed by a retrieved passage?
// Each answer sentence is scored against its best-matching passage sentence or pair of
// adjacent sentences by lexical recall (share of its content words found there) and
// embedding cosine; numbers and names the passages never mention count against it. Gives
// "faithfulness" (mean support, higher is better) and "hallucination" (share of sentences
// unsupported, higher is worse). It checks grounding, not logic: a sentence that reuses the
// passage's words to say the opposite can pass (see labelled/measure.ts for the figures).
import type { BuiltinEvaluator, EvaluationSubject } from "../evaluatorTypes";
import { sentenceSupports, type SentenceSupport } from "./faithfulnessSupport";

const EXPLANATION_SENTENCES = 5;
const EXPLANATION_SENTENCE_CHARS = 160;

const truncate = (text: string, length: number): string => (text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}\u2026`);

const reason = (item: SentenceSupport): string => {
  const parts = [`support ${item.support.toFixed(2)}`];
  if (item.unknownNumbers.length > 0) parts.push(`numbers not in the sources: ${item.unknownNumbers.join(", ")}`);
  if (item.unknownNames.length > 0) parts.push(`names not in the sources: ${item.unknownNames.join(", ")}`);
  return parts.join("; ");
};

export const explainSupports = (supports: readonly SentenceSupport[]): string => {
  const unsupported = supports.filter((item) => !item.supported);
  if (supports.length === 0) return "The answer has no sentence with content to check against the sources.";
  if (unsupported.length === 0) return `All ${supports.length} sentences of the answer are supported by the retrieved passages.`;
  const listed = unsupported
    .slice(0, EXPLANATION_SENTENCES)
    .map((item) => `- "${truncate(item.sentence, EXPLANATION_SENTENCE_CHARS)}" (${reason(item)})`);
  const more = unsupported.length - listed.length;
  return [
    `${unsupported.length} of ${supports.length} sentences are not supported by the retrieved passages:`,
    ...listed,
    ...(more > 0 ? [`and ${more} more.`] : []),
  ].join("\n");
};

const hasText = (text: string): boolean => text.trim() !== "";

export const faithfulnessEvaluator: BuiltinEvaluator = {
  kind: "faithfulness",
  version: 1,
  applies: (subject: EvaluationSubject) => hasText(subject.output) && subject.contexts.some(hasText),
  evaluate: async (subject, { embedder }) => {
    const supports = await sentenceSupports(subject.output, subject.contexts.filter(hasText), embedder);
    const faithfulness = supports.length === 0 ? 1 : supports.reduce((sum, item) => sum + item.support, 0) / supports.length;
    const hallucination = supports.length === 0 ? 0 : supports.filter((item) => !item.supported).length / supports.length;
    const explanation = explainSupports(supports);
    return [
      { name: "faithfulness", dataType: "numeric", value: faithfulness, explanation },
      { name: "hallucination", dataType: "numeric", value: hallucination, explanation },
    ];
  },
};
