import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddingsProvider, embeddingsBatchSize } from "@/server/llm/embeddingsProvider";
import { LlmCallError } from "@/server/llm/llmCallError";
import { fakeEmbedding, startFakeOpenAiServer, type FakeOpenAiServer } from "@/test/fakeOpenAiServer";

let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer({ apiKey: "sk-emb", embeddingDimensions: 4 });
});
afterAll(() => fake.close());

const provider = () => createEmbeddingsProvider({ baseUrl: fake.url, apiKey: "sk-emb", model: "nomic-embed-text", dimensions: 4 });

describe("createEmbeddingsProvider", () => {
  it("names the model and host in its id, and needs the vector length of models it does not know", () => {
    expect(provider().id).toBe(`openai:nomic-embed-text@${new URL(fake.url).host}`);
    expect(createEmbeddingsProvider({ baseUrl: "https://api.openai.com/v1", model: "text-embedding-3-small" })).toMatchObject({
      id: "openai:text-embedding-3-small@api.openai.com",
      dimensions: 1536,
    });
    expect(() => createEmbeddingsProvider({ baseUrl: fake.url, model: "nomic-embed-text" })).toThrow(/dimensions/);
  });

  it("embeds in batches of 96, puts vectors back in input order, and gives empty texts a zero vector unsent", async () => {
    const texts = Array.from({ length: 200 }, (_, index) => (index === 7 ? "  " : `text number ${index}`));
    fake.enqueueEmbeddings({ kind: "embeddings", order: "reversed" }, { kind: "embeddings", order: "reversed" });
    const before = fake.requests.length;
    const vectors = await provider().embed(texts);
    const sent = fake.requests.slice(before).map((request) => (request.body as { model: string; input: string[] }).input);
    expect(embeddingsBatchSize).toBe(96);
    expect(sent.map((input) => input.length)).toEqual([96, 96, 7]);
    expect(sent.flat()).not.toContain("  ");
    expect(fake.requests.at(-1)?.body).toMatchObject({ model: "nomic-embed-text" });
    expect(vectors).toHaveLength(200);
    expect([...(vectors[7] ?? [])]).toEqual([0, 0, 0, 0]);
    for (const index of [0, 95, 96, 150, 199]) {
      expect([...(vectors[index] ?? [])]).toEqual(fakeEmbedding(`text number ${index}`, 4).map(Math.fround));
    }
  });

  it("refuses vectors of the wrong length and reports a failing endpoint as retryable", async () => {
    const wrongLength = createEmbeddingsProvider({ baseUrl: fake.url, apiKey: "sk-emb", model: "m", dimensions: 3 });
    await expect(wrongLength.embed(["hello"])).rejects.toThrow(/4 dimensions where 3 were expected/);
    fake.enqueueEmbeddings({ kind: "status", status: 500 });
    const error = await provider()
      .embed(["hello"])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmCallError);
    expect(error).toMatchObject({ kind: "server", retryable: true });
  });
});
