// Per-sentence support for the faithfulness built-in: each answer sentence against its
// best-matching passage sentence or pair of adjacent sentences, by lexical recall (share of
// its content words found there) and embedding cosine, less penalties for numbers and
// names the passages never mention.
import type { Embedder } from "@/server/embeddings/embedder";
import { contentWords, namesIn, numbersIn } from "./faithfulnessText";
import { isAscii } from "@/server/text/isAscii";
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
  count: number;
  dimensions: number;
  /** The unit vectors of the sentences, one after the other: one flat array keeps the dot products a tight loop. */
  vectors: Float32Array;
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

/** The dot product of `a` with the `dimensions` values of `matrix` from `offset`. */
const dotAt = (a: Float32Array, matrix: Float32Array, offset: number, dimensions: number): number => {
  let total = 0;
  for (let i = 0; i < dimensions; i++) total += (a[i] ?? 0) * (matrix[offset + i] ?? 0);
  return total;
};

const indexPassages = (
  passages: readonly string[][],
  vectors: readonly Float32Array[],
  dimensions: number,
  wordsOf: (sentence: string) => ReadonlySet<string>,
): PassageIndex => {
  const count = vectors.length;
  const flat = new Float32Array(count * dimensions);
  vectors.forEach((vector, j) => {
    flat.set(vector.subarray(0, dimensions), j * dimensions);
  });
  const pairNorm = new Float64Array(count);
  const postings = new Map<string, number[]>();
  let index = 0;
  for (const sentences of passages)
    sentences.forEach((sentence, i) => {
      for (const word of wordsOf(sentence)) {
        const list = postings.get(word);
        if (list === undefined) postings.set(word, [index]);
        else list.push(index);
      }
      const vector = vectors[index];
      if (i + 1 < sentences.length && vector !== undefined && index + 1 < count)
        pairNorm[index] = Math.sqrt(Math.max(1e-12, 2 + 2 * dotAt(vector, flat, (index + 1) * dimensions, dimensions)));
      index++;
    });
  return { count, dimensions, vectors: flat, pairNorm, postings };
};

/**
 * Counting arrays reused by every sentence of one answer: allocating them per sentence cost
 * more than the counting itself.
 */
interface WindowScratch {
  single: Int32Array;
  pair: Int32Array;
  /** The last word counted for pair j, so a word in both of its sentences counts once. */
  pairStamp: Int32Array;
  dots: Float64Array;
}

const windowScratch = (count: number): WindowScratch => ({
  single: new Int32Array(count),
  pair: new Int32Array(count),
  pairStamp: new Int32Array(count),
  dots: new Float64Array(count),
});

interface BestWindow {
  combined: number;
  lexical: number;
  cosine: number;
}

/** A hair above the cosine of two unit vectors at most (floating point can pass 1): the most a cosine adds. */
const COSINE_CEILING = 1.001;

/** The window that supports a sentence best: the highest weighted sum of lexical recall and cosine (the first on ties). */
const bestWindow = (words: readonly string[], vector: Float32Array, passages: PassageIndex, scratch: WindowScratch): BestWindow => {
  const { count, dimensions, pairNorm } = passages;
  const { single, pair, pairStamp, dots } = scratch;
  const best: BestWindow = { combined: 0, lexical: 0, cosine: 0 };
  if (count === 0) return best;
  single.fill(0);
  pair.fill(0);
  pairStamp.fill(-1);
  for (let w = 0; w < words.length; w++)
    for (const j of passages.postings.get(words[w] ?? "") ?? []) {
      single[j] = (single[j] ?? 0) + 1;
      // Pairs (j - 1, j) and (j, j + 1).
      for (let k = j - 1; k <= j; k++)
        if (k >= 0 && (pairNorm[k] ?? 0) > 0 && pairStamp[k] !== w) {
          pairStamp[k] = w;
          pair[k] = (pair[k] ?? 0) + 1;
        }
    }
  dots.fill(Number.NaN);
  const dotOf = (j: number): number => {
    const known = dots[j] ?? Number.NaN;
    if (!Number.isNaN(known)) return known;
    const computed = dotAt(vector, passages.vectors, j * dimensions, dimensions);
    dots[j] = computed;
    return computed;
  };
  const pairCosine = (j: number, norm: number): number => (dotOf(j) + dotOf(j + 1)) / norm;
  const combinedOf = (found: number, cosine: number): number =>
    LEXICAL_WEIGHT * (found / words.length) + (1 - LEXICAL_WEIGHT) * Math.max(0, cosine);
  const consider = (found: number, cosine: number): void => {
    const combined = combinedOf(found, cosine);
    if (combined > best.combined) {
      best.combined = combined;
      best.lexical = found / words.length;
      best.cosine = Math.max(0, cosine);
    }
  };
  // The windows sharing the most words score a floor first: a window sharing fewer cannot
  // reach it when even a perfect cosine would not make up the difference, so its dot product
  // is skipped. Answers that quote or closely reword their passages skip most of them. The
  // windows still scored are scored in order, so ties resolve as without the floor.
  let topSingle = 0;
  let topPair = -1;
  for (let j = 0; j < count; j++) {
    if ((single[j] ?? 0) > (single[topSingle] ?? 0)) topSingle = j;
    if ((pairNorm[j] ?? 0) > 0 && (topPair < 0 || (pair[j] ?? 0) > (pair[topPair] ?? 0))) topPair = j;
  }
  let floor = combinedOf(single[topSingle] ?? 0, dotOf(topSingle));
  if (topPair >= 0) floor = Math.max(floor, combinedOf(pair[topPair] ?? 0, pairCosine(topPair, pairNorm[topPair] ?? 1)));
  const canReach = (found: number): boolean => combinedOf(found, COSINE_CEILING) >= floor;
  for (let j = 0; j < count; j++) {
    const found = single[j] ?? 0;
    if (canReach(found)) consider(found, dotOf(j));
    const norm = pairNorm[j] ?? 0;
    const pairFound = pair[j] ?? 0;
    if (norm > 0 && canReach(pairFound)) consider(pairFound, pairCosine(j, norm));
  }
  return best;
};

/**
 * Unit vectors of the texts, each distinct text embedded once: answers quote their passages,
 * so a sentence often appears on both sides (a sixth of them on the bench's traces).
 */
const unitVectors = async (texts: readonly string[], embedder: Embedder): Promise<(text: string) => Float32Array> => {
  const distinct = [...new Set(texts)];
  // The embedder's arrays are ours to change: normalised in place, not copied.
  const vectors = (await embedder.embed(distinct)).map(normalised);
  const byText = new Map(distinct.map((text, i) => [text, vectors[i] ?? new Float32Array(embedder.dimensions)]));
  return (text) => byText.get(text) ?? new Float32Array(embedder.dimensions);
};

/** Each answer sentence with content words, scored against the passages. */
export const sentenceSupports = async (answer: string, contexts: readonly string[], embedder: Embedder): Promise<SentenceSupport[]> => {
  // Answers quote their passages: a sentence on both sides has its words found once.
  const wordSets = new Map<string, Set<string>>();
  const wordsOf = (sentence: string): Set<string> => {
    let words = wordSets.get(sentence);
    if (words === undefined) {
      words = new Set(contentWords(sentence));
      wordSets.set(sentence, words);
    }
    return words;
  };
  const sentences = splitSentences(answer)
    .map((sentence) => ({ sentence, words: [...wordsOf(sentence)] }))
    .filter((item) => item.words.length > 0);
  if (sentences.length === 0) return [];
  const passages = contexts.map(splitSentences);
  const vectorOf = await unitVectors([...sentences.map((item) => item.sentence), ...passages.flat()], embedder);
  const passageVectors = passages.flat().map(vectorOf);
  const index = indexPassages(passages, passageVectors, embedder.dimensions, wordsOf);
  const scratch = windowScratch(index.count);
  const contextText = contexts.join("\n");
  const contextNumbers = new Set(numbersIn(contextText));
  const lowerContext = contextText.toLowerCase();
  // In ASCII text the Unicode classes come down to letters and digits, matched faster as such.
  const contextWords = new Set(lowerContext.match(isAscii(lowerContext) ? /[a-z0-9]+/g : /[\p{L}\p{M}\p{N}]+/gu) ?? []);
  return sentences.map(({ sentence, words }) => {
    const best = bestWindow(words, vectorOf(sentence), index, scratch);
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
