import { describe, expect, it } from "vitest";
import { englishDataset, englishRecommendedBlacklistMatcherTransformers, RegExpMatcher, SyntaxKind, type Node } from "obscenity";
import { obscenityPrefilter } from "@/server/evaluation/builtin/obscenityPrefilter";
import { seededRandom } from "@/server/stats/seededRandom";

const { blacklistedTerms } = englishDataset.build();
const transformers = englishRecommendedBlacklistMatcherTransformers;
// Without a whitelist, obscenity's matcher finds something exactly when one of its patterns
// matches the transformed text: what the prefilter claims to decide for ASCII text.
const matcher = new RegExpMatcher({ blacklistedTerms, blacklistMatcherTransformers: transformers });
const mayMatch = obscenityPrefilter(blacklistedTerms, transformers);

const random = seededRandom(5);
const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("empty list");
  return item;
};
const letters = Array.from("abcdefghijklmnopqrstuvwxyz");

/** A string a pattern matches: optional parts in or out, wildcards as any letter. */
const instance = (nodes: readonly Node[]): string =>
  nodes
    .map((node) => {
      if (node.kind === SyntaxKind.Literal) return String.fromCodePoint(...node.chars);
      if (node.kind === SyntaxKind.Wildcard) return pick(letters);
      return random() < 0.5 ? "" : instance([node.childNode]);
    })
    .join("");

// Disguises the matcher's transformers undo (leetspeak, case, repeated letters) and some they
// do not (separators), so both outcomes occur.
const disguises: Record<string, string[]> = {
  a: ["@", "4", "A"],
  e: ["3"],
  i: ["1", "!", "|"],
  o: ["0"],
  s: ["$", "5"],
  t: ["7"],
  c: ["("],
};
const disguise = (word: string): string =>
  Array.from(word)
    .map((char) => {
      const roll = random();
      if (roll < 0.15) return pick(disguises[char] ?? [char.toUpperCase()]);
      if (roll < 0.25) return char.repeat(2 + Math.floor(random() * 3));
      if (roll < 0.28) return `${char}${pick([".", " ", "-", "_"])}`;
      return char;
    })
    .join("");

const prose = [
  "the",
  "class",
  "assessment",
  "of",
  "Scunthorpe",
  "cocktail",
  "grape",
  "1984",
  "$5",
  "shiitake",
  "title",
  "passage",
  "caf\u00e9",
  "\u2014",
  "\u201cquoted\u201d",
  "\u{1f600}",
  "\ud800",
  "\u{1d41a}ss",
];
const sentence = (): string =>
  Array.from({ length: 3 + Math.floor(random() * 8) }, () =>
    random() < 0.08 ? disguise(instance(pick(blacklistedTerms).pattern.nodes)) : pick(prose),
  ).join(pick([" ", ", ", ". ", "\n"]));

describe("obscenity prefilter", () => {
  it("agrees with obscenity's matcher on every generated text, matches or not", () => {
    const texts = Array.from({ length: 3000 }, sentence);
    const outcomes = texts.map((text) => ({ text, matched: matcher.hasMatch(text), candidate: mayMatch(text) }));
    expect(outcomes.filter((outcome) => outcome.matched !== outcome.candidate)).toEqual([]);
    // Both outcomes are exercised, so agreement means something.
    expect(outcomes.filter((outcome) => outcome.matched).length).toBeGreaterThan(500);
    expect(outcomes.filter((outcome) => !outcome.matched).length).toBeGreaterThan(500);
  });

  it("lets ordinary prose through unexamined and flags disguised profanity", () => {
    expect(mayMatch("The cat in the class passage was a classic.")).toBe(false);
    // "assessment" holds a pattern the data set whitelists the word against: the matcher decides.
    expect(mayMatch("The assessment")).toBe(true);
    expect(mayMatch("What the f.u.c.k is this, a$$hole")).toBe(true);
  });

  it("reads text beyond ASCII as the matcher does: curly quotes and dashes pass, look-alike letters are caught", () => {
    expect(mayMatch("A calm caf\u00e9 \u2014 \u201cby the river\u201d.")).toBe(false);
    expect(mayMatch("\u0441\u0443nt")).toBe(matcher.hasMatch("\u0441\u0443nt"));
    expect(mayMatch("\uff46\uff55\uff43\uff4b")).toBe(true);
  });
});
