// Word -> row lookups without making a string per word. Looking words up in the table's Map
// took a sixth of the built-in evaluators' time: a regex match allocating every word, a hash
// of each, then a probe of a 100k-entry Map spread over memory. Here the text's characters are
// hashed as they are scanned and probed in a flat open-addressing table; a hit is confirmed by
// comparing the characters with the word's.
import { isAscii } from "../../text/isAscii";

/** The words of a GloVe table in a flat hash table. */
export interface GloveWordIndex {
  mask: number;
  /** Per slot: the row of the word there, or -1 for an empty slot. */
  slotRows: Int32Array;
  /** Per slot: the word's full hash, checked before its characters. */
  slotHashes: Int32Array;
  /** Row r's word is units[starts[r]] up to units[starts[r + 1]] (UTF-16 code units). */
  starts: Int32Array;
  units: Uint16Array;
  /** Per UTF-16 code unit outside the surrogates: 1 for a letter, mark or number (\p{L}, \p{M}, \p{N}). */
  wordUnits: Uint8Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const hashStep = (hash: number, unit: number): number => Math.imul(hash ^ unit, FNV_PRIME);
const slotOf = (hash: number, mask: number): number => (hash ^ (hash >>> 15)) & mask;

const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const isJoiner = (unit: number): boolean => unit === APOSTROPHE || unit === DOT || unit === HYPHEN;
const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** The index of a table's words (the Map's rows). */
export const gloveWordIndex = (rows: ReadonlyMap<string, number>): GloveWordIndex => {
  let rowCount = 0;
  let unitCount = 0;
  for (const [word, row] of rows) {
    rowCount = Math.max(rowCount, row + 1);
    unitCount += word.length;
  }
  // Slots at least twice the words, so probes stay short.
  let size = 1;
  while (size < rows.size * 2) size *= 2;
  const index: GloveWordIndex = {
    mask: size - 1,
    slotRows: new Int32Array(size).fill(-1),
    slotHashes: new Int32Array(size),
    starts: new Int32Array(rowCount + 1),
    units: new Uint16Array(unitCount),
    wordUnits: Uint8Array.from({ length: 0x10000 }, (_, unit) =>
      !isHighSurrogate(unit) && !isLowSurrogate(unit) && WORD_CHARACTER.test(String.fromCharCode(unit)) ? 1 : 0,
    ),
  };
  const wordOfRow: string[] = [];
  for (const [word, row] of rows) wordOfRow[row] = word;
  let offset = 0;
  for (let row = 0; row < rowCount; row++) {
    index.starts[row] = offset;
    const word = wordOfRow[row];
    if (word === undefined) continue;
    let hash = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) {
      index.units[offset + i] = word.charCodeAt(i);
      hash = hashStep(hash, word.charCodeAt(i));
    }
    offset += word.length;
    let slot = slotOf(hash, index.mask);
    while ((index.slotRows[slot] ?? -1) !== -1) slot = (slot + 1) & index.mask;
    index.slotRows[slot] = row;
    index.slotHashes[slot] = hash;
  }
  index.starts[rowCount] = offset;
  return index;
};

/** The row of text[start, end) (whose hash is given), or -1. */
const lookup = (index: GloveWordIndex, text: string, start: number, end: number, hash: number): number => {
  const { mask, slotRows, slotHashes, starts, units } = index;
  for (let slot = slotOf(hash, mask); ; slot = (slot + 1) & mask) {
    const row = slotRows[slot] ?? -1;
    if (row === -1) return -1;
    if (slotHashes[slot] !== hash) continue;
    const from = starts[row] ?? 0;
    if ((starts[row + 1] ?? 0) - from !== end - start) continue;
    let i = 0;
    while (i < end - start && units[from + i] === text.charCodeAt(start + i)) i++;
    if (i === end - start) return row;
  }
};

/** How many code units the word character at `i` spans (2 for one beyond the BMP), or 0 when it is none. */
const wordCharacterAt = (index: GloveWordIndex, text: string, i: number): number => {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) ? 1 : 0;
  if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) return WORD_CHARACTER.test(text.slice(i, i + 2)) ? 2 : 0;
  return index.wordUnits[unit] ?? 0;
};

/** The rows of the parts of text[start, end) (runs of word characters), for a joined word the table lacks. */
const pushPartRows = (rows: number[], index: GloveWordIndex, text: string, start: number, end: number): void => {
  let i = start;
  while (i < end) {
    const partStart = i;
    let hash = FNV_OFFSET;
    for (let width = wordCharacterAt(index, text, i); i < end && width > 0; width = wordCharacterAt(index, text, i))
      for (const stop = i + width; i < stop; i++) hash = hashStep(hash, text.charCodeAt(i));
    const row = lookup(index, text, partStart, i, hash);
    if (row !== -1) rows.push(row);
    i++; // past the joiner
  }
};

/**
 * The rows of the words of a text, the same as `tableRows` gives: NFKC, right single quote as
 * apostrophe, lower case; words are runs of letters, marks and numbers joined by an
 * apostrophe, dot or hyphen ("e-mail", "don't", "u.s"); a word the table lacks is looked up by
 * its parts.
 */
export const wordRows = (text: string, index: GloveWordIndex): number[] => {
  const lower = (isAscii(text) ? text : text.normalize("NFKC").replaceAll("\u2019", "'")).toLowerCase();
  const rows: number[] = [];
  const length = lower.length;
  let i = 0;
  while (i < length) {
    let width = wordCharacterAt(index, lower, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    let joined = false;
    for (;;) {
      for (; i < length && width > 0; width = wordCharacterAt(index, lower, i))
        for (const stop = i + width; i < stop; i++) hash = hashStep(hash, lower.charCodeAt(i));
      const joiner = lower.charCodeAt(i);
      if (i + 1 >= length || !isJoiner(joiner)) break;
      width = wordCharacterAt(index, lower, i + 1);
      if (width === 0) break;
      hash = hashStep(hash, joiner);
      joined = true;
      i++;
    }
    const row = lookup(index, lower, start, i, hash);
    if (row !== -1) rows.push(row);
    else if (joined) pushPartRows(rows, index, lower, start, i);
  }
  return rows;
};
