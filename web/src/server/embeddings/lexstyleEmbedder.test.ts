import { describe, expect, it } from "vitest";
import { cosineSimilarity } from "./cosineSimilarity";
import { fmix32, fnv1a32 } from "./featureHash";
import { lexstyleEmbedder, lexstyleVector } from "./lexstyleEmbedder";
import { LEXSTYLE_GROUPS, lexstyleFeatureCounts } from "./lexstyleFeatures";
import reference from "./lexstyleReferenceVectors.json";

// The reference's tolerance: |a - b| <= 1e-9 * max(1, |b|).
const close = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));

describe("lexstyle hashing", () => {
  it.each(Object.entries(reference.fnv1a32))("FNV-1a 32 of %j is the reference value", (text, hash) => {
    expect(fnv1a32(text)).toBe(hash);
  });
  it.each(Object.entries(reference.fmix32))("fmix32(%s) is the reference value", (input, mixed) => {
    expect(fmix32(Number(input))).toBe(mixed);
  });
});

describe.each(reference.examples)("lexstyle of $text", (example) => {
  it.each(LEXSTYLE_GROUPS)("extracts exactly the reference features of group %s", (group) => {
    const expected = new Map(
      Object.entries(example.features[group]).map(([feature, count]) => [fnv1a32(`${group}\u0001${feature}`), count]),
    );
    expect(lexstyleFeatureCounts(example.text)[group]).toEqual(expected);
  });

  it("reproduces the reference vector in every dimension", () => {
    const vector = lexstyleVector(example.text);
    expect(vector).toHaveLength(384);
    const mismatches = example.vector_384.flatMap((expected, index) =>
      close(vector[index] ?? Number.NaN, expected) ? [] : [{ index, expected, actual: vector[index] }],
    );
    expect(mismatches).toEqual([]);
  });
});

describe("lexstyleEmbedder", () => {
  it("gives the reference cosine between the plain and the slangy password question", () => {
    const [plain, slang] = reference.examples;
    const cosine = cosineSimilarity(lexstyleVector(plain?.text ?? ""), lexstyleVector(slang?.text ?? ""));
    expect(close(cosine, reference.cosine_example0_example1)).toBe(true);
  });

  it("returns one 384-d vector per text, in order, and a zero vector for an empty text", async () => {
    const [first, empty, second] = await lexstyleEmbedder.embed(["How do I reset my password?", "", "Привет"]);
    expect(first).toHaveLength(384);
    expect(Array.from(empty ?? [])).toEqual(new Array(384).fill(0));
    expect(cosineSimilarity(first ?? [], second ?? [])).toBeLessThan(0.5);
    expect(cosineSimilarity(first ?? [], lexstyleVector("How do I reset my password?"))).toBeCloseTo(1, 6);
  });

  it("counts a repeated word once with 1 + ln(count) weight, not as separate features", () => {
    const counts = lexstyleFeatureCounts("ha ha ha");
    expect(counts.w.get(fnv1a32("w\u0001ha"))).toBe(3);
    expect(counts.b.get(fnv1a32("b\u0001ha ha"))).toBe(2);
  });
});
