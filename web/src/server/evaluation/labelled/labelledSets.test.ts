import { describe, expect, it } from "vitest";
import { buildFaithfulnessSet, buildRelevanceSet, cleanGsm8kAnswer, swapOneNumber } from "./labelledSets";
import { seededRandom } from "../../stats/seededRandom";
import { parseCsv } from "./sharedData";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and drops a byte-order mark", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nthere'],
    ]);
  });
});

describe("labelled sets", () => {
  it("cleans GSM8K's calculator notes and final line", () => {
    expect(cleanGsm8kAnswer("She pays 2*3=<<2*3=6>>6 dollars.\n#### 6")).toBe("She pays 2*3=6 dollars.\nThe answer is 6.");
  });

  it("swaps one number for a different one that the text does not contain", () => {
    const text = "Tom has 12 apples and buys 3 more.";
    const swapped = swapOneNumber(text, seededRandom(1));
    expect(swapped).not.toBe(text);
    const before = text.match(/\d+/gu) ?? [];
    const after = swapped?.match(/\d+/gu) ?? [];
    expect(after).toHaveLength(2);
    expect(after.filter((number, i) => number !== before[i])).toHaveLength(1);
    expect(swapOneNumber("No numbers here.", seededRandom(1))).toBeUndefined();
  });

  const truthful = [
    { category: "Health", question: "Q1?", bestAnswer: "A1", correctAnswers: ["A1", "A1 reworded"], incorrectAnswers: ["W1"] },
    { category: "Law", question: "Q2?", bestAnswer: "A2", correctAnswers: ["A2", "A2 reworded"], incorrectAnswers: ["W2"] },
  ];
  const gsm8k = [
    { question: "Ann has 4 pens.", answer: "4\n#### 4" },
    { question: "Bob has 7 cats.", answer: "7\n#### 7" },
  ];

  it("pairs each question with its own answer and another question's, half relevant", () => {
    const set = buildRelevanceSet(truthful, gsm8k);
    expect(set.filter((example) => example.relevant)).toHaveLength(set.length / 2);
    expect(set.slice(0, 2)).toEqual([
      { source: "truthfulqa", question: "Q1?", answer: "A1", relevant: true },
      { source: "truthfulqa", question: "Q1?", answer: "A2", relevant: false },
    ]);
  });

  it("builds supported and unsupported answers for the same passages", () => {
    const set = buildFaithfulnessSet(truthful, gsm8k);
    const unrelated = set.filter((example) => example.source === "truthfulqa-unrelated");
    expect(unrelated.slice(0, 2)).toEqual([
      { source: "truthfulqa-unrelated", contexts: ["A1 reworded"], answer: "A1", faithful: true },
      { source: "truthfulqa-unrelated", contexts: ["A1 reworded"], answer: "A2", faithful: false },
    ]);
    expect(set.filter((example) => example.source === "gsm8k-number")).toHaveLength(4);
  });
});
