/**
 * Near-duplicate detection for prompts: a 64-bit SimHash over word trigrams of the
 * normalised text. Prompts that say the same thing with small differences get
 * fingerprints a few bits apart (Charikar 2002; Manku et al. 2007 for the threshold).
 */
const mask64 = (1n << 64n) - 1n;

/** FNV-1a, 64 bits, over the UTF-8 bytes of `text`. */
export function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & mask64;
  }
  return hash;
}

export function normalisePrompt(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/** Word trigrams (the whole text when it has fewer than three words). */
export function shingles(text: string): string[] {
  const words = normalisePrompt(text);
  if (words.length < 3) return words.length === 0 ? [] : [words.join(" ")];
  return words.slice(0, -2).map((_, i) => words.slice(i, i + 3).join(" "));
}

/** The SimHash: bit i is set when more shingle hashes have bit i set than not. Null for empty text. */
export function simhash64(text: string): bigint | null {
  const hashes = shingles(text).map(fnv1a64);
  if (hashes.length === 0) return null;
  let fingerprint = 0n;
  for (let bit = 0n; bit < 64n; bit++) {
    let votes = 0;
    for (const hash of hashes) votes += (hash >> bit) & 1n ? 1 : -1;
    if (votes > 0) fingerprint |= 1n << bit;
  }
  return fingerprint;
}

export function hammingDistance(a: bigint, b: bigint): number {
  let difference = (a ^ b) & mask64;
  let count = 0;
  while (difference) {
    difference &= difference - 1n;
    count++;
  }
  return count;
}

/** PostgreSQL keeps fingerprints in a signed BIGINT. */
export const toSigned64 = (value: bigint): bigint => BigInt.asIntN(64, value);
export const toUnsigned64 = (value: bigint): bigint => BigInt.asUintN(64, value);
