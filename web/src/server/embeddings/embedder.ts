/**
 * A text embedder: the one interface evaluators (relevance, faithfulness) and drift
 * detection use. Vectors of different embedders are never compared, so every stored
 * vector carries the `id` of the embedder that produced it.
 */
export interface Embedder {
  /** Names the model and its version, e.g. "lexstyle-v1", "glove-sif-100d-v1", "openai:text-embedding-3-small". */
  readonly id: string;
  readonly dimensions: number;
  /** One vector per text, in order. Implementations may batch; an empty text gives a zero vector. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
