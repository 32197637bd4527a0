// Feature extraction of the "lexstyle" embedder (shared/reference/drift.md). Features are
// kept as FNV-1a hashes of `group + "\u0001" + feature` with their counts: the vector only
// needs the hash, and character n-grams are hashed incrementally over code points instead
// of building ~60 substrings per word (the speed target is 1.5-2k texts/s per core).
import { FNV_OFFSET_BASIS, fnvFeedCodePoint, fnvFeedString } from "./featureHash";
import { codePointCounts } from "@/server/text/codePointCounts";

export type LexstyleGroup = "w" | "b" | "c" | "s";
export const LEXSTYLE_GROUPS: readonly LexstyleGroup[] = ["w", "b", "c", "s"];
/** Feature hash -> count, per group. */
export type LexstyleFeatureCounts = Record<LexstyleGroup, Map<number, number>>;

const TOKEN = /[\p{L}\p{M}\p{N}_]+(?:['\u2019][\p{L}\p{M}\p{N}_]+)*|\p{Extended_Pictographic}|[^\s\p{L}\p{M}\p{N}]/gu;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
const WORD_START = /^[\p{L}\p{M}\p{N}_]/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;
const LETTER = /\p{L}/gu;
const UPPER = /\p{Lu}/gu;
const ASCII_DIGIT = /[0-9]/g;
const ELONGATED = /(\p{L})\1\1/u;
const SCRIPTS = ["Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Han", "Hiragana", "Katakana", "Hangul", "Thai"] as const;
const SCRIPT_TESTS = SCRIPTS.map((name) => [name, new RegExp(`\\p{Script=${name}}`, "u")] as const);
const FIRST_LETTER = /\p{L}/u;
const MAX_NGRAM_WORD = 30;
const NGRAM_SIZES = [3, 4, 5] as const;
/**
 * Share buckets (capitals among letters, ASCII digits and non-ASCII characters among all):
 * the bucket is the number of edges at or below the share (numpy.digitize), so a share of
 * 0 is bucket 0 and "no letters at all" (NaN) is bucket 9. The reference JSON gives no
 * edges; these reproduce all of its examples (shares 0.048 -> 2; 0.079, 0.095, 0.137 -> 3).
 */
const SHARE_EDGES = [1e-9, 0.01, 0.05, 0.15, 0.3, 0.5, 0.7, 0.9, 1 + 1e-9] as const;

export const shareBucket = (share: number): number =>
  Number.isNaN(share) ? SHARE_EDGES.length : SHARE_EDGES.filter((edge) => edge <= share).length;

/** Length buckets on a log scale: 0, 1, 2-3, 4-7, ... */
export const logBucket = (count: number): number => Math.floor(Math.log2(count + 1));

const countMatches = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

const scriptOf = (word: string): string => {
  const letter = FIRST_LETTER.exec(word)?.[0];
  if (letter === undefined) return "none";
  return SCRIPT_TESTS.find(([, test]) => test.test(letter))?.[0] ?? "other";
};

const lexicalForm = (token: string): string => token.toLowerCase().replace(ASCII_DIGIT, "0");

const PREFIX: Record<LexstyleGroup, number> = {
  w: fnvFeedString(FNV_OFFSET_BASIS, "w\u0001"),
  b: fnvFeedString(FNV_OFFSET_BASIS, "b\u0001"),
  c: fnvFeedString(FNV_OFFSET_BASIS, "c\u0001"),
  s: fnvFeedString(FNV_OFFSET_BASIS, "s\u0001"),
};
const SPACE = 0x20;

const bump = (counts: Map<number, number>, hash: number): void => {
  counts.set(hash, (counts.get(hash) ?? 0) + 1);
};

/** The hashed character 3-, 4- and 5-grams of `' ' + word + ' '` (first 30 code points of the word). */
const addCharNgrams = (counts: Map<number, number>, word: string): void => {
  const codePoints = [SPACE];
  for (const char of word) {
    if (codePoints.length > MAX_NGRAM_WORD) break;
    codePoints.push(char.codePointAt(0) ?? 0);
  }
  codePoints.push(SPACE);
  const smallest = NGRAM_SIZES[0];
  const largest = NGRAM_SIZES[NGRAM_SIZES.length - 1] ?? smallest;
  for (let start = 0; start + smallest <= codePoints.length; start++) {
    let hash = PREFIX.c;
    for (let size = 1; size <= largest && start + size <= codePoints.length; size++) {
      hash = fnvFeedCodePoint(hash, codePoints[start + size - 1] ?? 0);
      if (size >= smallest) bump(counts, hash);
    }
  }
};

export const lexstyleFeatureCounts = (input: string): LexstyleFeatureCounts => {
  const text = input.normalize("NFKC").replace(URL, "url");
  const counts: LexstyleFeatureCounts = { w: new Map(), b: new Map(), c: new Map(), s: new Map() };
  const style = (feature: string): void => {
    bump(counts.s, fnvFeedString(PREFIX.s, feature));
  };
  const tokens = text.match(TOKEN) ?? [];
  const { length, nonAscii } = codePointCounts(text);
  style(`len:${logBucket(length)}`);
  style(`ntok:${logBucket(tokens.length)}`);
  style(`caps:${shareBucket(countMatches(text, UPPER) / countMatches(text, LETTER))}`);
  style(`digits:${shareBucket(countMatches(text, ASCII_DIGIT) / Math.max(1, length))}`);
  style(`nonascii:${shareBucket(nonAscii / Math.max(1, length))}`);
  let previous: string | undefined;
  let lastKind = "";
  for (const token of tokens) {
    const lexical = lexicalForm(token);
    bump(counts.w, fnvFeedString(PREFIX.w, lexical));
    if (previous !== undefined) bump(counts.b, fnvFeedString(PREFIX.b, `${previous} ${lexical}`));
    previous = lexical;
    if (WORD_START.test(token)) {
      addCharNgrams(counts.c, lexical);
      style(`script:${scriptOf(token)}`);
      if (countMatches(token, LETTER) >= 2 && token === token.toUpperCase() && token !== token.toLowerCase()) style("allcaps");
      if (ELONGATED.test(lexical)) style("elongated");
      lastKind = "word";
    } else if (EMOJI.test(token)) {
      style("emoji");
      lastKind = "emoji";
    } else {
      style(`p:${token}`);
      lastKind = token;
    }
  }
  if (lastKind !== "") style(`end:${lastKind}`);
  return counts;
};
