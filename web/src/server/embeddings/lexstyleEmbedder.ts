// The "lexstyle" embedder of shared/reference/drift.md: hashed words, bigrams, character
// n-grams and style features in 384 dimensions. No model and no download; it sees
// vocabulary, topic words, style and script, not meaning (the default for drift).
import type { Embedder } from "./embedder";
import { fmix32 } from "./featureHash";
import { LEXSTYLE_GROUPS, lexstyleFeatureCounts, type LexstyleGroup } from "./lexstyleFeatures";

export const LEXSTYLE_DIMENSIONS = 384;
const GROUP_WEIGHTS: Record<LexstyleGroup, number> = { w: 1, b: 0.5, c: 1, s: 0.5 };

const normalise = (vector: Float64Array): Float64Array => {
  let squares = 0;
  for (const value of vector) squares += value * value;
  if (squares === 0) return vector;
  const norm = Math.sqrt(squares);
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) / norm;
  return vector;
};

/** The exact (double precision) lexstyle vector: the reference test vectors are checked against this. */
export const lexstyleVector = (text: string): Float64Array => {
  const features = lexstyleFeatureCounts(text);
  const total = new Float64Array(LEXSTYLE_DIMENSIONS);
  const group = new Float64Array(LEXSTYLE_DIMENSIONS);
  for (const name of LEXSTYLE_GROUPS) {
    group.fill(0);
    for (const [hash, count] of features[name]) {
      const sign = (fmix32(hash) & 1) === 1 ? 1 : -1;
      const index = hash % LEXSTYLE_DIMENSIONS;
      group[index] = (group[index] ?? 0) + sign * (1 + Math.log(count));
    }
    normalise(group);
    for (let i = 0; i < LEXSTYLE_DIMENSIONS; i++) total[i] = (total[i] ?? 0) + GROUP_WEIGHTS[name] * (group[i] ?? 0);
  }
  return normalise(total);
};

export const lexstyleEmbedder: Embedder = {
  id: "lexstyle-v1",
  dimensions: LEXSTYLE_DIMENSIONS,
  // The Embedder contract (and drift's "zero vectors get their own bin") wants a zero
  // vector for an empty text; the reference core still gives "" its style features.
  embed: (texts) =>
    Promise.resolve(texts.map((text) => (text === "" ? new Float32Array(LEXSTYLE_DIMENSIONS) : Float32Array.from(lexstyleVector(text))))),
};
