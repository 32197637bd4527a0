// Simple descriptive figures of a window of prompts (how long, how many emojis, links and
// questions), so a drift alarm can be read as "prompts got twice as long and a third now
// carry emojis" beside the divergence numbers.

export interface TextShape {
  count: number;
  /** Lengths in characters (Unicode code points, so an emoji counts once); null without texts. */
  meanLength: number | null;
  medianLength: number | null;
  /** 90th percentile, linear interpolation between ranks (numpy's default, PostgreSQL's percentile_cont). */
  p90Length: number | null;
  /** Words: runs of letters, marks and digits, apostrophes inside a word allowed. */
  meanWords: number | null;
  /** Share of texts with at least one emoji (Unicode Extended_Pictographic). */
  emojiShare: number | null;
  /** Share of all characters of the window that are not ASCII (pooled over texts, so long texts weigh more). */
  nonAsciiShare: number | null;
  /** Share of texts containing a link (http://, https:// or www.). */
  urlShare: number | null;
  /** Share of texts whose last non-space character is a question mark (?, ？ or ؟). */
  questionShare: number | null;
}

export interface TextShapeShift {
  baseline: TextShape;
  live: TextShape;
  /** live - baseline for each figure (count too); null where either side has no texts. */
  difference: Record<keyof TextShape, number | null>;
}

const EMOJI = /\p{Extended_Pictographic}/u;
const URL = /\bhttps?:\/\/\S|\bwww\.\S/iu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu;
const QUESTION = /[?\uFF1F\u061F]\s*$/u;

/** The q-quantile of ascending values by linear interpolation between closest ranks. */
export const quantileOfSorted = (sorted: readonly number[], q: number): number | null => {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] ?? 0;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? lower;
  return lower + (upper - lower) * (position - below);
};

/** Characters (code points) and how many of them are not ASCII, in one pass. */
const characterCounts = (text: string): { length: number; nonAscii: number } => {
  let length = 0;
  let nonAscii = 0;
  for (const char of text) {
    length++;
    if ((char.codePointAt(0) ?? 0) > 0x7f) nonAscii++;
  }
  return { length, nonAscii };
};

export const describeTextShape = (texts: readonly string[]): TextShape => {
  const count = texts.length;
  if (count === 0)
    return {
      count,
      meanLength: null,
      medianLength: null,
      p90Length: null,
      meanWords: null,
      emojiShare: null,
      nonAsciiShare: null,
      urlShare: null,
      questionShare: null,
    };
  const characters = texts.map(characterCounts);
  const lengths = characters.map((counts) => counts.length);
  const totalLength = lengths.reduce((sum, length) => sum + length, 0);
  const nonAscii = characters.reduce((sum, counts) => sum + counts.nonAscii, 0);
  const sorted = [...lengths].sort((a, b) => a - b);
  const share = (test: (text: string) => boolean): number => texts.filter(test).length / count;
  const words = texts.reduce((sum, text) => sum + (text.match(WORD)?.length ?? 0), 0);
  return {
    count,
    meanLength: totalLength / count,
    medianLength: quantileOfSorted(sorted, 0.5),
    p90Length: quantileOfSorted(sorted, 0.9),
    meanWords: words / count,
    emojiShare: share((text) => EMOJI.test(text)),
    // Texts that are all empty have no characters: no share of them is non-ASCII.
    nonAsciiShare: totalLength === 0 ? 0 : nonAscii / totalLength,
    urlShare: share((text) => URL.test(text)),
    questionShare: share((text) => QUESTION.test(text)),
  };
};

const minus = (after: number | null, before: number | null): number | null => (after === null || before === null ? null : after - before);

export const textShapeShift = (baselineTexts: readonly string[], liveTexts: readonly string[]): TextShapeShift => {
  const baseline = describeTextShape(baselineTexts);
  const live = describeTextShape(liveTexts);
  return {
    baseline,
    live,
    difference: {
      count: live.count - baseline.count,
      meanLength: minus(live.meanLength, baseline.meanLength),
      medianLength: minus(live.medianLength, baseline.medianLength),
      p90Length: minus(live.p90Length, baseline.p90Length),
      meanWords: minus(live.meanWords, baseline.meanWords),
      emojiShare: minus(live.emojiShare, baseline.emojiShare),
      nonAsciiShare: minus(live.nonAsciiShare, baseline.nonAsciiShare),
      urlShare: minus(live.urlShare, baseline.urlShare),
      questionShare: minus(live.questionShare, baseline.questionShare),
    },
  };
};
