import { describe, expect, it } from "vitest";
import { defaultSemanticEmbedder } from "@/server/embeddings/defaultSemanticEmbedder";
import type { EvaluationSubject } from "../evaluatorTypes";
import sample from "../labelled/labelledSample.json";
import { accuracyAt, rocAuc } from "../labelled/rocAuc";
import { faithfulnessEvaluator } from "./faithfulness";
import { sentenceSupports } from "./faithfulnessSupport";
import { namesIn, numbersIn } from "./faithfulnessText";

const embedder = defaultSemanticEmbedder();
const context = { embedder };

const scoresOf = async (output: string, contexts: string[]) => {
  const scores = await faithfulnessEvaluator.evaluate({ input: "", output, contexts }, context);
  const value = (name: string): number => {
    const found = scores.find((score) => score.name === name)?.value;
    if (typeof found !== "number") throw new Error(`no ${name}`);
    return found;
  };
  return { faithfulness: value("faithfulness"), hallucination: value("hallucination"), explanation: scores[0]?.explanation ?? "" };
};

const PASSAGE =
  "The Eiffel Tower was completed in 1889 for the World's Fair in Paris. It is 330 metres tall. " +
  "Gustave Eiffel's company designed and built the tower. About 7,000,000 people visit it every year.";

describe("faithfulness on the labelled sample (answers vs passages from TruthfulQA and GSM8K)", () => {
  it("ranks supported answers above invented ones and flags them (ROC-AUC >= 0.75, verdict accuracy >= 0.85)", async () => {
    const byScore = [];
    const byVerdict = [];
    for (const example of sample.faithfulness) {
      const { faithfulness, hallucination } = await scoresOf(example.answer, example.contexts);
      byScore.push({ score: faithfulness, positive: example.faithful });
      byVerdict.push({ score: -hallucination, positive: example.faithful });
    }
    expect(rocAuc(byScore)).toBeGreaterThanOrEqual(0.75);
    // "faithful" when no sentence is unsupported.
    expect(accuracyAt(byVerdict, 0)).toBeGreaterThanOrEqual(0.85);
  });
});

describe("faithfulnessEvaluator", () => {
  it("gives a supported, reworded answer no hallucination", async () => {
    const result = await scoresOf(
      "The tower was finished in 1889 for the world's fair. Eiffel's company built it. It is 330 metres tall.",
      [PASSAGE],
    );
    expect(result.hallucination).toBe(0);
    expect(result.faithfulness).toBeGreaterThan(0.6);
    expect(result.explanation).toBe("All 3 sentences of the answer are supported by the retrieved passages.");
  });

  it("counts an invented sentence as unsupported and names it in the explanation", async () => {
    const result = await scoresOf(
      "The Eiffel Tower was completed in 1889. Its restaurant serves the best croissants in the galaxy according to critics.",
      [PASSAGE],
    );
    expect(result.hallucination).toBe(0.5);
    expect(result.explanation).toContain("1 of 2 sentences are not supported by the retrieved passages:");
    expect(result.explanation).toContain('"Its restaurant serves the best croissants in the galaxy according to critics."');
  });

  it("counts a number that appears nowhere in the passages against the sentence", async () => {
    const result = await scoresOf("The Eiffel Tower was completed in 1899 for the World's Fair in Paris.", [PASSAGE]);
    expect(result.hallucination).toBe(1);
    expect(result.explanation).toContain("numbers not in the sources: 1899");
  });

  it("counts a name that appears nowhere in the passages against the sentence", async () => {
    const [support] = await sentenceSupports("The tower was designed by Le Corbusier's company.", [PASSAGE], embedder);
    expect(support?.unknownNames).toEqual(["Le", "Corbusier"]);
    const [honest] = await sentenceSupports("The tower was designed by Eiffel's company.", [PASSAGE], embedder);
    expect(honest?.unknownNames).toEqual([]);
    expect(support?.support ?? 1).toBeLessThan((honest?.support ?? 0) - 0.3);
  });

  it("does not flag the same number written differently, nor capitalised sentence starts", async () => {
    // False positives to avoid: "7 million" written 7,000,000 vs 7000000; "About" and "It" start their sentences.
    const result = await scoresOf("About 7000000 people visit the tower every year. It is 330 metres tall.", [PASSAGE]);
    expect(result.hallucination).toBe(0);
    expect(numbersIn("It costs $2.50, not 2.5 or 1,000 or 1000.")).toEqual(["2.5", "2.5", "1000", "1000"]);
    expect(namesIn("Paris is big, said Anna, and I agree; I'm sure.")).toEqual(["Anna"]);
  });

  it("truncates long unsupported sentences and lists at most five", async () => {
    const invented = Array.from(
      { length: 7 },
      (_, i) => `Submarine number ${i} of the fleet carries purple dolphins ${"and more cargo ".repeat(20)}across oceans.`,
    ).join(" ");
    const { hallucination, explanation } = await scoresOf(invented, [PASSAGE]);
    expect(hallucination).toBe(1);
    const listed = explanation.split("\n").filter((line) => line.startsWith("- "));
    expect(listed).toHaveLength(5);
    expect(listed.every((line) => line.includes("\u2026"))).toBe(true);
    expect(explanation).toMatch(/and 2 more\.$/u);
  });

  it("applies only when the trace has an answer and a non-empty retrieved passage", () => {
    const subject = (output: string, contexts: string[]): EvaluationSubject => ({ input: "q", output, contexts });
    expect(faithfulnessEvaluator.applies(subject("An answer.", [PASSAGE]), context)).toBe(true);
    expect(faithfulnessEvaluator.applies(subject("An answer.", []), context)).toBe(false);
    expect(faithfulnessEvaluator.applies(subject("An answer.", ["  "]), context)).toBe(false);
    expect(faithfulnessEvaluator.applies(subject(" ", [PASSAGE]), context)).toBe(false);
  });

  it("gives the two scores the issue names, numeric in 0..1", async () => {
    const scores = await faithfulnessEvaluator.evaluate({ input: "", output: "It is 330 metres tall.", contexts: [PASSAGE] }, context);
    expect(scores.map(({ name, dataType }) => ({ name, dataType }))).toEqual([
      { name: "faithfulness", dataType: "numeric" },
      { name: "hallucination", dataType: "numeric" },
    ]);
  });
});
