/**
 * How alike two user messages are, from 0 (nothing shared) to 1 (the same), used to
 * notice a user asking the same question again right after an answer.
 */
export type SimilarityMethod = "trigram" | "words";

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  const padded = `  ${normalise(text)} `;
  if (padded.trim() === "") return grams;
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

const words = (text: string) => new Set(normalise(text).split(" ").filter(Boolean));

function shared(a: Set<string>, b: Set<string>): number {
  let count = 0;
  for (const item of a) if (b.has(item)) count++;
  return count;
}

/** Sørensen–Dice coefficient over character trigrams (robust to typos and word order changes). */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  return x.size + y.size === 0 ? 0 : (2 * shared(x, y)) / (x.size + y.size);
}

/** Jaccard index over the sets of words. */
export function wordOverlapSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  const common = shared(x, y);
  const union = x.size + y.size - common;
  return union === 0 ? 0 : common / union;
}

export function similarity(method: SimilarityMethod, a: string, b: string): number {
  return method === "words" ? wordOverlapSimilarity(a, b) : trigramSimilarity(a, b);
}
