// The text pieces faithfulness compares: content words (for lexical support), numbers and
// names (claims that must appear in the retrieved passages).
import { isAscii } from "@/server/text/isAscii";

const STOPWORDS = new Set(
  (
    "a an the and or but if then than so as of at by for from in into on onto to with without about over under " +
    "is are was were be been being am do does did done have has had having will would shall should can could may " +
    "might must it its it's this that these those there here what which who whom whose when where why how " +
    "i me my we us our you your he him his she her they them their not no nor yes all any some each every " +
    "more most such only own same too very just also up down out off again once both few other s t also"
  ).split(" "),
);
const WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}]+)?/gu;
// WORD for lower-cased ASCII text (most answers), where the Unicode classes come down to
// letters and digits: the same words in about half the time.
const ASCII_WORD = /[a-z0-9]+(?:'[a-z]+)?/g;
// A number: digits with thousands separators or a decimal part ("1,000", "2.5", "1.000.000").
const NUMBER = /\d+(?:[.,]\d+)*/gu;
// A capitalised word; whether it starts its sentence is decided by position.
const CAPITALISED = /\p{Lu}[\p{L}\p{M}\p{N}'\u2019-]*/gu;

const startsWithDigit = (word: string): boolean => {
  const code = word.charCodeAt(0);
  return code >= 0x30 && code <= 0x39;
};

/** A light stem, so "veins"/"vein" and "studies"/"study" meet; not a full Porter stemmer. */
const stem = (word: string): string => {
  const base = word.endsWith("'s") || word.endsWith("\u2019s") ? word.slice(0, -2) : word;
  if (base.length > 4 && base.endsWith("ies")) return `${base.slice(0, -3)}y`;
  if (base.length > 3 && base.endsWith("s") && !base.endsWith("ss")) return base.slice(0, -1);
  return base;
};

/** Lower-cased, stemmed words that carry content (stopwords and numbers aside). */
export const contentWords = (text: string): string[] => {
  const lower = text.toLowerCase();
  const words: string[] = [];
  for (const word of lower.match(isAscii(lower) ? ASCII_WORD : WORD) ?? [])
    if (!STOPWORDS.has(word) && !startsWithDigit(word)) words.push(stem(word));
  return words;
};

/** Numbers written the same way whatever the separators: "1,000" and "1000" are one number; "2.50" is "2.5". */
export const numbersIn = (text: string): string[] =>
  (text.match(NUMBER) ?? []).map((raw) => {
    const plain = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u.test(raw) ? raw.replaceAll(",", "") : raw.replace(",", ".");
    return plain.includes(".") ? String(Number(plain)) : plain.replace(/^0+(?=\d)/u, "");
  });

/** Capitalised words that are not the first word of the sentence nor "I": likely names. */
export const namesIn = (sentence: string): string[] => {
  const first = /[\p{L}\p{N}]/u.exec(sentence)?.index ?? 0;
  return [...sentence.matchAll(CAPITALISED)]
    .filter((match) => match.index > first && match[0] !== "I" && !/^I['\u2019]/u.test(match[0]))
    .map((match) => match[0].replace(/['\u2019]s$/u, ""));
};
