import { describe, expect, it } from "vitest";
import { seededRandom } from "@/server/stats/seededRandom";
import { loadGloveTable } from "./gloveTable";
import { gloveWordIndex, wordRows } from "./gloveWordIndex";

/**
 * The word rows as the embedder first found them (regular expressions and the table's Map):
 * the reference the index must agree with, since the fitted component and calibration rest on it.
 */
const referenceRows = (text: string, rows: ReadonlyMap<string, number>): number[] => {
  const found: number[] = [];
  for (const word of text
    .normalize("NFKC")
    .replaceAll("\u2019", "'")
    .toLowerCase()
    .match(/[\p{L}\p{M}\p{N}]+(?:['\u2019.-][\p{L}\p{M}\p{N}]+)*/gu) ?? []) {
    const row = rows.get(word);
    if (row !== undefined) found.push(row);
    else
      for (const part of word.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
        const partRow = rows.get(part);
        if (partRow !== undefined) found.push(partRow);
      }
  }
  return found;
};

describe("wordRows", () => {
  const rows = new Map(
    ["the", "e-mail", "mail", "e", "don't", "don", "t", "u.s", "u", "s", "1984", "café", "co", "op", "ﬁne", "fine", "\u{20000}"].map(
      (word, row) => [word, row],
    ),
  );
  const index = gloveWordIndex(rows);

  it.each([
    ["The E-mail of 1984", [0, 1, 10]],
    // Joined words the table lacks fall back to their parts; a joiner not followed by a letter ends the word.
    ["don't, co-op. mail-", [4, 12, 13, 2]],
    ["U.S. e-mails", [7, 3]],
    // NFKC folds the ligature and composes the accent; the right single quote is an apostrophe.
    ["Caf\u0065\u0301 \ufb01ne don\u2019t", [11, 15, 4]],
    ["cafe", []],
    // A letter beyond the BMP is one character of a word; a lone surrogate ends one.
    ["\u{20000} the\ud800mail", [16, 0, 2]],
    ["", []],
  ])("finds the rows of %j", (text, expected) => {
    expect(wordRows(text, index)).toEqual(expected);
    expect(referenceRows(text, rows)).toEqual(expected);
  });

  it("gives the reference's rows on text made of the installed table's words", async () => {
    const glove = await loadGloveTable();
    const gloveIndex = gloveWordIndex(glove.rows);
    const words = [...glove.rows.keys()];
    const random = seededRandom(9);
    const pick = (): string => words[Math.floor(random() ** 3 * words.length)] ?? "";
    const separators = [" ", " ", " ", ", ", ". ", "-", "'", "\u2019", ".", "\n", "  (", ") ", "\u00e9", "\u2014"];
    const texts = Array.from({ length: 2000 }, () =>
      Array.from({ length: 5 + Math.floor(random() * 30) }, () => {
        const word = pick();
        return random() < 0.2 ? word.toUpperCase() : word;
      }).reduce((text, word) => `${text}${separators[Math.floor(random() * separators.length)] ?? " "}${word}`, ""),
    );
    const differing = texts.filter((text) => wordRows(text, gloveIndex).join() !== referenceRows(text, glove.rows).join());
    expect(differing).toEqual([]);
    expect(texts.reduce((count, text) => count + wordRows(text, gloveIndex).length, 0)).toBeGreaterThan(30_000);
  });
});
