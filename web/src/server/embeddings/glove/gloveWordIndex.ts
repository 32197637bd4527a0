// Word -> row lookups without making a string per word. Looking words up in the table's Map
// took a sixth of the built-in evaluators' time: a regex match allocating every word, a hash
// of each, then a probe of a 100k-entry Map spread over memory. Here the text's characters are
// hashed as they are scanned and probed in a flat open-addressing table; a hit is confirmed by
// comparing the characters with the word's.
import { isAscii } from "../../text/isAscii";

/** The words of a GloVe table in a flat hash table. */
export interface GloveWordIndex {
  mask: number;
  /**
   * SLOT_WIDTH values per slot, side by side so one probe reads one cache line: the word's full
   * hash (checked before its characters), its row (-1: an empty slot), and where its UTF-16
   * code units start in `units` and how many there are.
   */
  slots: Int32Array;
  units: Uint16Array;
  /** Per UTF-16 code unit outside the surrogates: 1 for a letter, mark or number (\p{L}, \p{M}, \p{N}). */
  wordUnits: Uint8Array;
}

const SLOT_WIDTH = 4;
const HASH = 0;
const ROW = 1;
const START = 2;
const LENGTH = 3;

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
  let unitCount = 0;
  for (const word of rows.keys()) unitCount += word.length;
  // Slots at least twice the words, so probes stay short.
  let size = 1;
  while (size < rows.size * 2) size *= 2;
  const index: GloveWordIndex = {
    mask: size - 1,
    slots: new Int32Array(size * SLOT_WIDTH).fill(-1),
    units: new Uint16Array(unitCount),
    wordUnits: Uint8Array.from({ length: 0x10000 }, (_, unit) =>
      !isHighSurrogate(unit) && !isLowSurrogate(unit) && WORD_CHARACTER.test(String.fromCharCode(unit)) ? 1 : 0,
    ),
  };
  let offset = 0;
  for (const [word, row] of rows) {
    let hash = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) {
      index.units[offset + i] = word.charCodeAt(i);
      hash = hashStep(hash, word.charCodeAt(i));
    }
    let slot = slotOf(hash, index.mask);
    while ((index.slots[slot * SLOT_WIDTH + ROW] ?? -1) !== -1) slot = (slot + 1) & index.mask;
    index.slots.set([hash, row, offset, word.length], slot * SLOT_WIDTH);
    offset += word.length;
  }
  return index;
};

/** The row of text[start, end) (whose hash is given), or -1. */
const lookup = (index: GloveWordIndex, text: string, start: number, end: number, hash: number): number => {
  const { mask, slots, units } = index;
  for (let slot = slotOf(hash, mask); ; slot = (slot + 1) & mask) {
    const at = slot * SLOT_WIDTH;
    const row = slots[at + ROW] ?? -1;
    if (row === -1) return -1;
    if (slots[at + HASH] !== hash || slots[at + LENGTH] !== end - start) continue;
    const from = slots[at + START] ?? 0;
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
