// FNV-1a 32 over UTF-8 bytes, fed one code point at a time so callers can hash
// substrings (character n-grams) without building them.

export const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const feedByte = (hash: number, byte: number): number => Math.imul(hash ^ byte, FNV_PRIME) >>> 0;

/** Continues an FNV-1a hash with the UTF-8 bytes of one code point. */
export const fnvFeedCodePoint = (hash: number, codePoint: number): number => {
  if (codePoint < 0x80) return feedByte(hash, codePoint);
  if (codePoint < 0x800) return feedByte(feedByte(hash, 0xc0 | (codePoint >> 6)), 0x80 | (codePoint & 0x3f));
  if (codePoint < 0x10000)
    return feedByte(feedByte(feedByte(hash, 0xe0 | (codePoint >> 12)), 0x80 | ((codePoint >> 6) & 0x3f)), 0x80 | (codePoint & 0x3f));
  return feedByte(
    feedByte(feedByte(feedByte(hash, 0xf0 | (codePoint >> 18)), 0x80 | ((codePoint >> 12) & 0x3f)), 0x80 | ((codePoint >> 6) & 0x3f)),
    0x80 | (codePoint & 0x3f),
  );
};

/** Continues an FNV-1a hash with the UTF-8 bytes of a string. */
export const fnvFeedString = (hash: number, text: string): number => {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i) ?? 0;
    if (codePoint > 0xffff) i++;
    h = fnvFeedCodePoint(h, codePoint);
  }
  return h;
};

export const fnv1a32 = (text: string): number => fnvFeedString(FNV_OFFSET_BASIS, text);

/** MurmurHash3's 32-bit finaliser: spreads FNV's weak low bit before it picks a sign. */
export const fmix32 = (value: number): number => {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};
