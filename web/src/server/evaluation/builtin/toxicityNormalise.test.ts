import { describe, expect, it } from "vitest";
import { joinSpacedLetters, normaliseForToxicity } from "@/server/evaluation/builtin/toxicityNormalise";

describe("normaliseForToxicity", () => {
  it.each([
    ["case", "KILL You", "kill you"],
    ["fullwidth and mathematical letters", "ｆｕｃｋ 𝐬𝐡𝐢𝐭", "fuck shit"],
    ["accents", "fück", "fuck"],
    ["Cyrillic and Greek look-alikes", "іdіоt ѕhіt αss", "idiot shit ass"],
    ["zero-width characters and soft hyphens", "k\u200bi\u200dl\u00adl", "kill"],
    ["leetspeak inside words", "sh1t k!ll @ss n199er 5h1t a55", "shit kill ass nigger shit ass"],
    ["curly apostrophes", "I’ll", "i'll"],
  ])("undoes %s", (_case, input, expected) => {
    expect(normaliseForToxicity(input)).toBe(expected);
  });

  it("leaves numbers, prices and trailing punctuation alone", () => {
    expect(normaliseForToxicity("In 1984, it cost $5! Really?")).toBe("in 1984, it cost $5! really?");
  });
});

describe("joinSpacedLetters", () => {
  it("joins runs of three or more single letters, keeping what is around them", () => {
    expect(joinSpacedLetters("well f u c k that")).toBe("well fuck that");
    expect(joinSpacedLetters("k.y.s now")).toBe("kys now");
    expect(joinSpacedLetters("i w i l l  k i l l  y o u")).toBe("iwill  kill  you");
  });

  it("joins ordinary single letters too, which is why it is a second view and not a replacement", () => {
    expect(joinSpacedLetters("u r a loser")).toBe("ura loser");
  });

  it("is null when there is nothing to join, so the second scan is skipped", () => {
    expect(joinSpacedLetters("a plain sentence with a b")).toBeNull();
  });
});
