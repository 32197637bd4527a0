import type { Embedder } from "@/server/embeddings/embedder";
import { lexstyleEmbedder } from "@/server/embeddings/lexstyleEmbedder";
import { defaultSemanticEmbedder } from "@/server/embeddings/defaultSemanticEmbedder";
import { GLOVE_SIF_ID } from "@/server/embeddings/glove/gloveSifEmbedder";

/**
 * The embedder that turns a baseline's or a window's texts into vectors, or null when the
 * vectors come stored with the traces (`app:<model>`, sent by the application).
 */
export function builtinDriftEmbedder(id: string): Embedder | null {
  if (id === lexstyleEmbedder.id) return lexstyleEmbedder;
  // Compared by id first: the GloVe table (~11 MB) loads only when it is the one asked for.
  if (id === GLOVE_SIF_ID) return defaultSemanticEmbedder();
  return null;
}

// Texts are embedded in slices, yielding between them: a baseline of 20 000 prompts takes
// seconds of CPU, and requests served by the same process must not wait for all of it.
const sliceSize = 500;

/** Vectors of `texts` in order, by a built-in embedder, without holding the event loop for long. */
export async function embedInSlices(
  embedder: Embedder,
  texts: readonly string[],
  onProgress?: (done: number) => void,
): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += sliceSize) {
    vectors.push(...(await embedder.embed(texts.slice(start, start + sliceSize))));
    onProgress?.(Math.min(texts.length, start + sliceSize));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return vectors;
}
