// Per-sentence support for the faithfulness built-in: each answer sentence against its
// best-matching passage sentence or pair of adjacent sentences, by lexical recall (share of
// its content words found there) and embedding cosine, less penalties for numbers and
// names the passages never mention.
import type { Embedder } from "@/server/embeddings/embedder";
import { contentWords, namesIn, numbersIn } from "./faithfulnessText";
import { splitSentences } from "./sentences";

/** Weight of lexical recall against embedding cosine in a sentence's support. */
export const LEXICAL_WEIGHT = 0.5;
/** A sentence below this support is unsupported (chosen on the truthfulqa-unrelated labelled
 * set: accuracy 0.90 at 0.2-0.3, 0.82 at 0.5, where rewordings of the passages began to fail). */
export const SUPPORT_THRESHOLD = 0.3;
/** Support lost per name absent from the passages. */
export const NAME_PENALTY = 0.2;
/** Support lost per number absent from the passages; one such number also makes the sentence unsupported. */
export const NUMBER_PENALTY = 0.5;

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

/**
 * The passages' sentences, flattened. A window is one sentence or a sentence with the next
 * one of the same passage; lexical recall is counted through an inverted index (word ->
 * sentences), so a sentence costs its words' postings rather than words x windows lookups.
 */
interface PassageIndex {
  vectors: Float32Array[];
  /** pairNorm[j] = |a_j + a_j+1| of the unit vectors when j and j + 1 share a passage, else 0 (no pair). */
  pairNorm: Float64Array;
  postings: Map<string, number[]>;
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

const indexPassages = (passages: readonly string[][], vectors: Float32Array[]): PassageIndex => {
  const pairNorm = new Float64Array(vectors.length);
  const postings = new Map<string, number[]>();
  let index = 0;
  for (const sentences of passages)
    sentences.forEach((sentence, i) => {
      for (const word of new Set(contentWords(sentence))) {
        const list = postings.get(word);
        if (list === undefined) postings.set(word, [index]);
        else list.push(index);
      }
      const vector = vectors[index];
      const next = vectors[index + 1];
      if (i + 1 < sentences.length && vector !== undefined && next !== undefined)
        pairNorm[index] = Math.sqrt(Math.max(1e-12, 2 + 2 * dot(vector, next)));
      index++;
    });
  return { vectors, pairNorm, postings };
};

/** The window that supports a sentence best: the highest weighted sum of lexical recall and cosine. */
const bestWindow = (
  words: readonly string[],
  vector: Float32Array,
  passages: PassageIndex,
): { combined: number; lexical: number; cosine: number } => {
  const count = passages.vectors.length;
  const single = new Int32Array(count);
  const pair = new Int32Array(count);
  // The last word counted for pair j, so a word in both of its sentences counts once.
  const pairStamp = new Int32Array(count).fill(-1);
  const countInPair = (k: number, w: number): void => {
    if (k < 0 || (passages.pairNorm[k] ?? 0) === 0 || pairStamp[k] === w) return;
    pairStamp[k] = w;
    pair[k] = (pair[k] ?? 0) + 1;
  };
  words.forEach((word, w) => {
    for (const j of passages.postings.get(word) ?? []) {
      single[j] = (single[j] ?? 0) + 1;
      countInPair(j - 1, w); // pair (j - 1, j)
      countInPair(j, w); // pair (j, j + 1)
    }
  });
  const dots = passages.vectors.map((passageVector) => dot(vector, passageVector));
  let best = { combined: 0, lexical: 0, cosine: 0 };
  const consider = (found: number, cosine: number): void => {
    const lexical = found / words.length;
    const combined = LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * Math.max(0, cosine);
    if (combined > best.combined) best = { combined, lexical, cosine: Math.max(0, cosine) };
  };
  for (let j = 0; j < count; j++) {
    consider(single[j] ?? 0, dots[j] ?? 0);
    const norm = passages.pairNorm[j] ?? 0;
    if (norm > 0) consider(pair[j] ?? 0, ((dots[j] ?? 0) + (dots[j + 1] ?? 0)) / norm);
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
  const index = indexPassages(
    passages,
    // The embedder's arrays are ours to change: normalised in place, not copied.
    vectors.slice(sentences.length).map(normalised),
  );
  const contextText = contexts.join("\n");
  const contextNumbers = new Set(numbersIn(contextText));
  const contextWords = new Set(contextText.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);
  return sentences.map(({ sentence, words }, i) => {
    const best = bestWindow(words, normalised(vectors[i] ?? new Float32Array(embedder.dimensions)), index);
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
