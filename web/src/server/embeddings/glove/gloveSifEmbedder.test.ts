import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cosineSimilarity } from "../cosineSimilarity";
import { defaultSemanticEmbedder } from "../defaultSemanticEmbedder";
import { decodeGloveTable, encodeGloveTable, loadGloveTable, readWinkEmbeddings, type GloveTable } from "./gloveTable";
import { gloveSifVector, prepareGloveSif } from "./gloveSifEmbedder";
import { firstPrincipalComponent } from "./principalComponent";
import { sifWeights, zipfProbability } from "./sifVector";

// A miniature of the package's layout: frequency-ordered words, then 100 values + norm + index per word.
const miniWink = (vectors: Record<string, number[]>): Buffer => {
  const words = Object.keys(vectors);
  const body = Object.fromEntries(words.map((word, index) => [word, [...(vectors[word] ?? []), 1, index]]));
  return Buffer.from(
    JSON.stringify({
      precision: 8,
      l2NormIndex: 100,
      wordIndex: 101,
      size: words.length,
      dimensions: 100,
      words,
      vectors: body,
      unkVector: [],
    }),
  );
};
const axis = (index: number, value = 1): number[] => Array.from({ length: 100 }, (_, i) => (i === index ? value : 0));

describe("GloVe table", () => {
  it("keeps the most frequent words, each within one int8 step of its value", () => {
    const bytes = miniWink({
      the: axis(0, 2),
      'say "hi"': axis(1, -0.5),
      dog: [0.3, -1.27, ...new Array<number>(98).fill(0.01)],
      rare: axis(3),
    });
    const table = readWinkEmbeddings(bytes, 3);
    expect([...table.rows.keys()]).toEqual(["the", 'say "hi"', "dog"]);
    const dog = Array.from(table.values.slice(200, 300), (value) => value * (table.scales[2] ?? 0));
    expect(Math.abs((dog[0] ?? 0) - 0.3)).toBeLessThanOrEqual(1.27 / 127 / 2 + 1e-9);
    expect(dog[1]).toBeCloseTo(-1.27, 6);
    expect((table.values[100 + 1] ?? 0) * (table.scales[1] ?? 0)).toBeCloseTo(-0.5, 6);
  });

  it("reads back from its cache encoding unchanged", () => {
    const table = readWinkEmbeddings(miniWink({ the: axis(0), café: axis(1, 3) }));
    const decoded = decodeGloveTable(encodeGloveTable(table));
    expect(decoded.rows).toEqual(table.rows);
    expect(decoded.scales).toEqual(table.scales);
    expect(decoded.values).toEqual(table.values);
  });
});

describe("loadGloveTable", () => {
  it("derives the table from the package once, caches it, and rebuilds a damaged cache", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "liveloop-glove-"));
    try {
      const paths = { source: path.join(dir, "wink.json"), cache: path.join(dir, "cache", "table.bin") };
      await writeFile(paths.source, miniWink({ the: axis(0), tower: axis(1, 2) }));
      const derived = await loadGloveTable(paths);
      expect([...derived.rows.keys()]).toEqual(["the", "tower"]);
      // The cache now answers alone: the package's file may go.
      await rm(paths.source);
      expect((await loadGloveTable(paths)).rows).toEqual(derived.rows);
      await writeFile(paths.cache, "garbage");
      await writeFile(paths.source, miniWink({ the: axis(0) }));
      expect([...(await loadGloveTable(paths)).rows.keys()]).toEqual(["the"]);
      expect(decodeGloveTable(await readFile(paths.cache)).rows.size).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("SIF", () => {
  it("weights a word a / (a + p) with Zipf's p = 1 / (rank * H_n)", () => {
    // Rank 1 of 341 479 words: H ~ ln(341479) + 0.5772 = 13.3182; p = 0.075085; weight = 1e-3 / (1e-3 + p).
    expect(zipfProbability(0, 341_479)).toBeCloseTo(1 / 13.31822, 6);
    expect(sifWeights(2, 341_479)[0]).toBeCloseTo(1e-3 / (1e-3 + 1 / 13.31822), 5);
    expect(sifWeights(2, 341_479)[1]).toBeCloseTo(1e-3 / (1e-3 + 1 / (2 * 13.31822)), 5);
  });

  it("finds the shared direction as the first principal component", () => {
    // Every vector is 3 * e0 plus a small private part: the component is e0.
    const vectors = [
      [3, 0.2, 0],
      [3, 0, -0.2],
      [3, -0.2, 0.1],
    ];
    const component = firstPrincipalComponent(vectors);
    expect(component[0]).toBeCloseTo(1, 2);
    expect(Math.hypot(...component)).toBeCloseTo(1, 9);
  });

  it("removes the component from sentence vectors, so two texts sharing only it are orthogonal", () => {
    const table: GloveTable = readWinkEmbeddings(
      miniWink({ the: axis(0), cat: [1, 1, ...new Array<number>(98).fill(0)], tax: [1, 0, 1, ...new Array<number>(97).fill(0)] }),
    );
    const sif = prepareGloveSif(table, axis(0));
    const cat = gloveSifVector("the cat", sif);
    const tax = gloveSifVector("the tax", sif);
    expect(cosineSimilarity(cat, tax)).toBeCloseTo(0, 6);
    expect(Array.from(gloveSifVector("unknown words only", sif))).toEqual(new Array(100).fill(0));
  });
});

describe("the default semantic embedder (GloVe SIF on the installed package)", () => {
  it("puts a paraphrase nearer than an unrelated text", async () => {
    const embedder = defaultSemanticEmbedder();
    const [question, paraphrase, unrelated] = await embedder.embed([
      "How do I reset my password?",
      "I forgot my login credentials and need to change them.",
      "The recipe needs two eggs and a cup of flour.",
    ]);
    expect(embedder.id).toBe("glove-sif-100d-v1");
    expect(question).toHaveLength(100);
    const near = cosineSimilarity(question ?? [], paraphrase ?? []);
    const far = cosineSimilarity(question ?? [], unrelated ?? []);
    expect(near).toBeGreaterThan(far + 0.2);
  });
});
