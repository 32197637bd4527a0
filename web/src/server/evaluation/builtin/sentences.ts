// Sentence splitting for the evaluators that judge an answer sentence by sentence. Rules,
// not a model: line breaks and list items end a sentence; ". ", "! ", "? " end one unless
// the word before is a known abbreviation or an initial ("Dr.", "e.g.", "J. R. R.").

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof sr jr st mt vs etc e.g i.e cf al no fig approx inc ltd co corp u.s u.k " +
    "jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m ca ph.d"
  ).split(" "),
);
const LIST_MARKER = /^\s*(?:[-*\u2022]|\d{1,3}[.)])\s+/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
// A candidate end: terminal punctuation (and closing quotes/brackets), then whitespace.
const END = /([.!?\u2026]+)(["'\u201d\u2019)\]]*)(\s+)/gu;
const LETTER_OR_DOT = /[\p{L}.]/u;

const endsWithAbbreviation = (before: string): boolean => {
  // The trailing run of letters and dots, found backwards: a regex anchored at the end
  // would rescan the whole line at every candidate end.
  let start = before.length;
  while (start > 0 && LETTER_OR_DOT.test(before.charAt(start - 1))) start--;
  if (start === before.length) return false;
  const word = before.slice(start).toLowerCase().replace(/\.$/u, "");
  // A single letter is an initial ("J. Smith") or a list label.
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
};

const splitLine = (line: string): string[] => {
  const sentences: string[] = [];
  let start = 0;
  for (const match of line.matchAll(END)) {
    const punctuation = match[1] ?? "";
    const end = match.index + punctuation.length + (match[2]?.length ?? 0);
    if (punctuation === "." && endsWithAbbreviation(line.slice(start, match.index))) continue;
    sentences.push(line.slice(start, end));
    start = end + (match[3]?.length ?? 0);
  }
  sentences.push(line.slice(start));
  return sentences;
};

/** The sentences of a text, trimmed, without list markers; fragments without a letter or digit are dropped. */
export const splitSentences = (text: string): string[] =>
  text
    .split(/\r?\n/u)
    .map((line) => line.replace(LIST_MARKER, ""))
    .flatMap(splitLine)
    .map((sentence) => sentence.trim())
    .filter((sentence) => HAS_WORD.test(sentence));
