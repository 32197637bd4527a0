import { z } from "zod";
import type { Embedder } from "@/server/embeddings/embedder";
import { LlmCallError } from "@/server/llm/llmCallError";
import { postOpenAiJson, type OpenAiEndpoint, type OpenAiHttpDependencies } from "@/server/llm/openAiHttp";

export interface EmbeddingsProviderSettings extends OpenAiEndpoint {
  model: string;
  /** Vector length; known for OpenAI's models, required for any other. */
  dimensions?: number | undefined;
  timeoutMs?: number | undefined;
}

/** Inputs per request: OpenAI takes up to 2048, but several compatible servers stop near 100. */
export const embeddingsBatchSize = 96;

const knownDimensions: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

const embeddingsSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
});

/**
 * An `Embedder` over an OpenAI-compatible `POST {baseUrl}/embeddings`. Its id names the
 * model and the host, since the same model name on two servers need not give the same
 * vectors. Empty texts are not sent (OpenAI refuses them) and get a zero vector.
 */
export function createEmbeddingsProvider(settings: EmbeddingsProviderSettings, dependencies: OpenAiHttpDependencies = {}): Embedder {
  const dimensions = settings.dimensions ?? knownDimensions[settings.model];
  if (dimensions === undefined) {
    throw new Error(`dimensions: say how long ${settings.model}'s vectors are (only OpenAI's own models are known)`);
  }
  const id = `openai:${settings.model}@${new URL(settings.baseUrl).host}`;

  const embedBatch = async (texts: string[]): Promise<Float32Array[]> => {
    const answer = await postOpenAiJson(
      settings,
      "embeddings",
      { model: settings.model, input: texts },
      { timeoutMs: settings.timeoutMs ?? 30_000 },
      dependencies,
    );
    const parsed = embeddingsSchema.safeParse(answer.body);
    const fail = (why: string) =>
      new LlmCallError(`The embeddings answer ${why}`, {
        kind: "bad_body",
        status: answer.status,
        responseText: answer.text,
        latencyMs: answer.latencyMs,
      });
    if (!parsed.success) throw fail("is not an embeddings list");
    // Servers may answer out of order; `index` says which input each vector belongs to.
    const rows = [...parsed.data.data].sort((a, b) => a.index - b.index);
    if (rows.length !== texts.length || rows.some((row, index) => row.index !== index)) {
      throw fail(`holds ${rows.length} vectors for ${texts.length} inputs`);
    }
    const wrong = rows.find((row) => row.embedding.length !== dimensions);
    if (wrong) throw fail(`has a vector of ${wrong.embedding.length} dimensions where ${dimensions} were expected`);
    return rows.map((row) => Float32Array.from(row.embedding));
  };

  return {
    id,
    dimensions,
    async embed(texts) {
      const vectors: Float32Array[] = texts.map(() => new Float32Array(dimensions));
      const toSend = texts.flatMap((text, index) => (text.trim() === "" ? [] : [{ text, index }]));
      for (let start = 0; start < toSend.length; start += embeddingsBatchSize) {
        const batch = toSend.slice(start, start + embeddingsBatchSize);
        const embedded = await embedBatch(batch.map((item) => item.text));
        batch.forEach((item, position) => {
          const vector = embedded[position];
          if (vector) vectors[item.index] = vector;
        });
      }
      return vectors;
    },
  };
}
