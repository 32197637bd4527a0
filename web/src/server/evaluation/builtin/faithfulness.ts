// The `faithfulness` built-in: is every sentence of the answer backed by a retrieved passage?
// Each answer sentence is scored against its best-matching passage sentence or pair of
// adjacent sentences by lexical recall (share of its content words found there) and
// embedding cosine; numbers and names the passages never mention count against it. Gives
// "faithfulness" (mean support, higher is better) and "hallucination" (share of sentences
// unsupported, higher is worse). It checks grounding, not logic: a sentence that reuses the
// passage's words to say the opposite can pass (see labelled/measure.ts for the figures).
import type { Embedder } from "@/server/embeddings/embedder";
import type { BuiltinEvaluator, EvaluationSubject } from "../evaluatorTypes";
import { contentWords, namesIn, numbersIn } from "./faithfulnessText";
import { splitSentences } from "./sentences";

/** Weight of lexical recall against embedding cosine in a sentence's support. */
export const LEXICAL_WEIGHT = 0.5;
/** A sentence below this support is unsupported. */
export const SUPPORT_THRESHOLD = 0.3;
/** Support lost per name absent from the passages. */
export const NAME_PENALTY = 0.2;
/** Support lost per number absent from the passages; one such number also makes the sentence unsupported. */
export const NUMBER_PENALTY = 0.5;
const EXPLANATION_SENTENCES = 5;
const EXPLANATION_SENTENCE_CHARS = 160;

export interface SentenceSupport {
  sentence: string;
  /** 0..1 after penalties. */
  support: number;
  lexical: number;
  cosine: number;
  unknownNumbers: string[];
  unknownNames: string[];
  supported: boolean;
}

/** A passage sentence alone (`next` -1) or with the sentence after it in the same passage. */
interface Window {
  first: number;
  next: number;
  words: Set<string>;
  /** The next sentence's words (empty for a single sentence): no union set is built per pair. */
  nextWords: Set<string>;
  /** |a + b| of the two unit vectors, so cos(v, a + b) = (v.a + v.b) / norm. */
  norm: number;
}

const normalised = (vector: Float32Array): Float32Array => {
  let squares = 0;
  for (const value of vector) squares += value * value;
  if (squares > 0) {
    const norm = Math.sqrt(squares);
    for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) / norm;
  }
  return vector;
};

const dot = (a: Float32Array, b: Float32Array): number => {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += (a[i] ?? 0) * (b[i] ?? 0);
  return total;
};

/** Passage windows: each sentence alone and each pair of adjacent sentences of one passage. */
const passageWindows = (passages: readonly string[][], vectors: readonly Float32Array[]): Window[] => {
  const windows: Window[] = [];
  let offset = 0;
  for (const sentences of passages) {
    const words = sentences.map((sentence) => new Set(contentWords(sentence)));
    sentences.forEach((_, i) => {
      const index = offset + i;
      const own = words[i] ?? new Set<string>();
      windows.push({ first: index, next: -1, words: own, nextWords: new Set(), norm: 1 });
      const vector = vectors[index];
      const nextVector = vectors[index + 1];
      if (i + 1 < sentences.length && vector !== undefined && nextVector !== undefined)
        windows.push({
          first: index,
          next: index + 1,
          words: own,
          nextWords: words[i + 1] ?? new Set(),
          norm: Math.sqrt(Math.max(1e-12, 2 + 2 * dot(vector, nextVector))),
        });
    });
    offset += sentences.length;
  }
  return windows;
};

/** The window that supports a sentence best: the highest weighted sum of lexical recall and cosine. */
const bestWindow = (
  words: readonly string[],
  vector: Float32Array,
  passageVectors: readonly Float32Array[],
  windows: readonly Window[],
): { combined: number; lexical: number; cosine: number } => {
  // One dot product per passage sentence; a pair's cosine follows from its two.
  const dots = passageVectors.map((passageVector) => dot(vector, passageVector));
  let best = { combined: 0, lexical: 0, cosine: 0 };
  for (const window of windows) {
    const pairDot = window.next < 0 ? 0 : (dots[window.next] ?? 0);
    const cosine = Math.max(0, ((dots[window.first] ?? 0) + pairDot) / window.norm);
    // Recall is at most 1: skip counting words when even full recall could not win.
    if (LEXICAL_WEIGHT + (1 - LEXICAL_WEIGHT) * cosine <= best.combined) continue;
    let found = 0;
    for (const word of words) if (window.words.has(word) || window.nextWords.has(word)) found++;
    const lexical = found / words.length;
    const combined = LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * cosine;
    if (combined > best.combined) best = { combined, lexical, cosine };
  }
  return best;
};

/** Each answer sentence with content words, scored against the passages. */
export const sentenceSupports = async (answer: string, contexts: readonly string[], embedder: Embedder): Promise<SentenceSupport[]> => {
  const sentences = splitSentences(answer)
    .map((sentence) => ({ sentence, words: [...new Set(contentWords(sentence))] }))
    .filter((item) => item.words.length > 0);
  if (sentences.length === 0) return [];
  const passages = contexts.map(splitSentences);
  const vectors = await embedder.embed([...sentences.map((item) => item.sentence), ...passages.flat()]);
  const passageVectors = vectors.slice(sentences.length).map((vector) => normalised(Float32Array.from(vector)));
  const windows = passageWindows(passages, passageVectors);
  const contextText = contexts.join("\n");
  const contextNumbers = new Set(numbersIn(contextText));
  const contextWords = new Set(contextText.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);
  return sentences.map(({ sentence, words }, i) => {
    const best = bestWindow(words, normalised(Float32Array.from(vectors[i] ?? [])), passageVectors, windows);
    const unknownNumbers = numbersIn(sentence).filter((number) => !contextNumbers.has(number));
    const unknownNames = namesIn(sentence).filter((name) =>
      name
        .toLowerCase()
        .split(/[-'\u2019]/u)
        .some((part) => part !== "" && !contextWords.has(part)),
    );
    const support = Math.max(0, Math.min(1, best.combined - NAME_PENALTY * unknownNames.length - NUMBER_PENALTY * unknownNumbers.length));
    return {
      sentence,
      support,
      lexical: best.lexical,
      cosine: best.cosine,
      unknownNumbers,
      unknownNames,
      supported: support >= SUPPORT_THRESHOLD && unknownNumbers.length === 0,
    };
  });
};

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
