// The semantic embedder evaluators use when a project configures none: GloVe SIF, chosen
// over USE-lite by measurement (similar paraphrase separation, ~4 000x the speed; see
// evaluation/labelled/compareEmbedders.ts). One instance per process: the table is ~11 MB.
import type { Embedder } from "./embedder";
import { gloveSifEmbedder } from "./glove/gloveSifEmbedder";

let shared: Embedder | undefined;

export const defaultSemanticEmbedder = (): Embedder => {
  shared ??= gloveSifEmbedder();
  return shared;
};
