/**
 * Text normalisation for the toxicity lexicon: people disguise abuse from filters with case,
 * accents, look-alike letters from other scripts, leetspeak, invisible characters and spacing.
 * Each step undoes one disguise, so the lexicon can be written once in plain lower-case ASCII.
 * Positions are not kept: the evaluator reports categories and the matched (normalised) phrase.
 */

// Letters from other scripts that render like Latin ones (Unicode confusables, the ones
// abusers use in practice: Cyrillic and Greek lower case, after lower-casing, plus a few IPA/Latin
// extensions). NFKD already folds fullwidth, mathematical, circled and accented letters.
const confusables: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  з: "3",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  ь: "b",
  і: "i",
  ї: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  һ: "h",
  ӏ: "l",
  ɡ: "g",
  ɑ: "a",
  ı: "i",
  ł: "l",
  ø: "o",
  đ: "d",
  ħ: "h",
  ƒ: "f",
  ß: "ss",
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ϲ: "c",
  γ: "y",
  ω: "w",
  ʋ: "u",
  ɩ: "i",
};

// Digits and symbols standing for letters. Applied only inside words that contain a letter, so
// "1984" and "$5" stay numbers while "sh1t", "k!ll" and "@ss" become words.
const leet: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "9": "g",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "i",
  "+": "t",
  "€": "e",
};
const leetDigits = /[0-9]/;

// Invisible characters (format controls such as zero-width space and joiners, combining marks
// left by NFKD, the Hangul filler) that split a word without showing.
const invisible = /[\p{Cf}\p{Mn}\p{Me}\u3164\uFFA0\u115F\u1160]/gu;
const isLetter = (char: string | undefined) => char !== undefined && char >= "a" && char <= "z";

function undoLeetInWord(word: string): string {
  if (!/[a-z]/.test(word)) return word;
  let out = "";
  for (let i = 0; i < word.length; i++) {
    const char = word.charAt(i);
    const letter = leet[char];
    const next = word.charAt(i + 1);
    // A symbol counts as a letter when a letter (or another disguised letter) follows, or, for a
    // digit, when it follows a letter: "a55" and "sh1t" but not the "!" of "you!".
    const disguised =
      letter !== undefined && (isLetter(next) || leet[next] !== undefined || (leetDigits.test(char) && isLetter(out.at(-1))));
    out += disguised ? letter : char;
  }
  return out;
}

const beyondPrintableAscii = /[^\t\n\r\x20-\x7e]/;
const beyondPrintableAsciiChars = /[^\t\n\r\x20-\x7e]/g;
// Only words holding a digit or symbol are rewritten; most words of most answers have none.
const wordsWithLeet = /[^\s]*[0-9@$!|+\u20ac][^\s]*/g;

/** Lower-case ASCII-ish text with accents, look-alikes, invisible characters and leetspeak undone. */
export function normaliseForToxicity(text: string): string {
  let folded = text;
  // Plain ASCII answers (the common case) skip the Unicode steps, which cost most of the time.
  if (beyondPrintableAscii.test(folded)) {
    folded = folded
      .normalize("NFKD")
      .replace(invisible, "")
      .replace(/[\u2018\u2019\u02bc`]/g, "'")
      .toLowerCase()
      .replace(beyondPrintableAsciiChars, (char) => confusables[char] ?? char);
  }
  return folded.toLowerCase().replace(wordsWithLeet, undoLeetInWord);
}

// Three or more single letters separated by one space or punctuation mark: "f u c k", "k.y.s",
// "s-h-i-t". Two spaces end a run, as between the words of "K I L L  Y O U".
const spacedLetters = /(?<![a-z])[a-z](?:[\s.\-_*,][a-z](?![a-z])){2,}/g;
const around = 40;

/**
 * The spaced-out letter runs of the normalised text joined ("f u c k" -> "fuck"), each with the
 * text around it, or null when there are none. A second view rather than a replacement, because
 * ordinary text has runs of single letters too ("u r a loser" must still read as three words);
 * only the surroundings of each run are kept so the second scan costs little.
 */
export function joinSpacedLetters(normalised: string): string | null {
  let joined = "";
  let cursor = 0;
  const windows: [number, number][] = [];
  for (const run of normalised.matchAll(spacedLetters)) {
    joined += normalised.slice(cursor, run.index);
    const start = joined.length;
    joined += run[0].replace(/[^a-z]/g, "");
    cursor = run.index + run[0].length;
    const last = windows.at(-1);
    // Neighbouring runs share one window, so "I W I L L  K I L L  Y O U" reads as one phrase.
    if (last && start - around <= last[1]) last[1] = joined.length + around;
    else windows.push([start - around, joined.length + around]);
  }
  if (windows.length === 0) return null;
  joined += normalised.slice(cursor);
  return windows.map(([from, to]) => joined.slice(Math.max(0, from), to)).join("\n");
}
