import { describe, expect, it } from "vitest";
import { fnv1a64, hammingDistance, shingles, simhash64, toSigned64, toUnsigned64 } from "@/server/review/simhash";

describe("prompt fingerprints", () => {
  it("hash with FNV-1a 64 (published test vectors)", () => {
    expect(fnv1a64("")).toBe(0xcbf29ce484222325n);
    expect(fnv1a64("a")).toBe(0xaf63dc4c8601ec8cn);
    expect(fnv1a64("foobar")).toBe(0x85944171f73967e8n);
  });

  it("shingle normalised words in threes; one shingle's SimHash is its own hash", () => {
    expect(shingles("How do I, reset my PASSWORD?")).toEqual(["how do i", "do i reset", "i reset my", "reset my password"]);
    expect(shingles("Hi there")).toEqual(["hi there"]);
    expect(simhash64("Hi there!")).toBe(fnv1a64("hi there"));
    expect(simhash64("  ?? ")).toBeNull();
  });

  it("keep near-duplicate prompts a few bits apart and unrelated ones far apart", () => {
    const a = simhash64("How do I reset my password for the online shop account?") ?? 0n;
    const b = simhash64("how do i reset my password for the online shop account") ?? 0n;
    const c = simhash64("How can I reset my password for the online shop account?") ?? 0n;
    const d = simhash64("Which payment methods do you accept for large orders?") ?? 0n;
    expect(hammingDistance(a, b)).toBe(0);
    expect(hammingDistance(a, c)).toBeLessThanOrEqual(16);
    expect(hammingDistance(a, d)).toBeGreaterThan(hammingDistance(a, c));
    expect(hammingDistance(0b1011n, 0b0110n)).toBe(3);
  });

  it("round-trip through PostgreSQL's signed BIGINT", () => {
    const value = 0xfedcba9876543210n;
    expect(toSigned64(value)).toBeLessThan(0n);
    expect(toUnsigned64(toSigned64(value))).toBe(value);
  });
});
