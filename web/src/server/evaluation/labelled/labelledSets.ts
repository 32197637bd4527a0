// Labelled examples for the semantic evaluators, built deterministically from shared/data.
//  relevance:    a question with its own answer (relevant) or another question's (irrelevant);
//  faithfulness: an answer with passages that support it or not:
//    truthfulqa        passages = the correct answers; supported = the best answer,
//                      unsupported = an incorrect answer (often the same words, opposite claim);
//    truthfulqa-reworded  the same without the best answer among the passages (support by rewording);
//    truthfulqa-unrelated  passages = the correct answers other than the best; supported = the best
//                      answer, unsupported = another question's best answer, or the best answer
//                      with another question's best answer appended (one ungrounded sentence);
//    gsm8k-number      passage = a math problem; answer = its sentences, or the same with one number changed.
import { seededRandom } from "../../stats/seededRandom";
import { readGsm8k, readTruthfulQa, type Gsm8kRow, type TruthfulQaRow } from "./sharedData";

export interface RelevanceExample {
  source: "truthfulqa" | "gsm8k";
  question: string;
  answer: string;
  relevant: boolean;
}

export interface FaithfulnessExample {
  source: "truthfulqa" | "truthfulqa-reworded" | "truthfulqa-unrelated" | "gsm8k-number";
  contexts: string[];
  answer: string;
  faithful: boolean;
}

/** GSM8K's worked answer without calculator annotations, its final line made a sentence. */
export const cleanGsm8kAnswer = (answer: string): string =>
  answer
    .replace(/<<[^>]*>>/gu, "")
    .replace(/\n?####\s*(.+)$/u, "\nThe answer is $1.")
    .trim();

/** Rows used to fit calibrations; the others are held out. Examples come in (positive, negative) twos: whole pairs alternate. */
export const isTrainingRow = (index: number): boolean => Math.floor(index / 2) % 2 === 0;

const otherIndex = (random: () => number, index: number, length: number): number =>
  (index + 1 + Math.floor(random() * (length - 1))) % length;

export const buildRelevanceSet = (
  truthful: readonly TruthfulQaRow[] = readTruthfulQa(),
  gsm8k: readonly Gsm8kRow[] = readGsm8k(),
): RelevanceExample[] => {
  const random = seededRandom(7);
  const fromTruthful = truthful.flatMap((row, index): RelevanceExample[] => [
    { source: "truthfulqa", question: row.question, answer: row.bestAnswer, relevant: true },
    {
      source: "truthfulqa",
      question: row.question,
      answer: truthful[otherIndex(random, index, truthful.length)]?.bestAnswer ?? "",
      relevant: false,
    },
  ]);
  const math = gsm8k.slice(0, 500);
  const fromGsm8k = math.flatMap((row, index): RelevanceExample[] => [
    { source: "gsm8k", question: row.question, answer: cleanGsm8kAnswer(row.answer), relevant: true },
    {
      source: "gsm8k",
      question: row.question,
      answer: cleanGsm8kAnswer(math[otherIndex(random, index, math.length)]?.answer ?? ""),
      relevant: false,
    },
  ]);
  return [...fromTruthful, ...fromGsm8k];
};

const NUMBER = /\d+(?:[.,]\d+)*/gu;

/** The text with one of its numbers (chosen by `random`) replaced by a different one absent from it. */
export const swapOneNumber = (text: string, random: () => number): string | undefined => {
  const numbers = [...text.matchAll(NUMBER)];
  const chosen = numbers[Math.floor(random() * numbers.length)];
  if (chosen === undefined) return undefined;
  const value = Number(chosen[0].replaceAll(",", ""));
  let replacement = value + 1 + Math.floor(random() * 9);
  while (text.includes(String(replacement))) replacement++;
  return text.slice(0, chosen.index) + String(replacement) + text.slice(chosen.index + chosen[0].length);
};

export const buildFaithfulnessSet = (
  truthful: readonly TruthfulQaRow[] = readTruthfulQa(),
  gsm8k: readonly Gsm8kRow[] = readGsm8k(),
): FaithfulnessExample[] => {
  const random = seededRandom(11);
  const examples: FaithfulnessExample[] = [];
  truthful.forEach((row, index) => {
    const reworded = row.correctAnswers.filter((answer) => answer !== row.bestAnswer);
    const other = truthful[otherIndex(random, index, truthful.length)]?.bestAnswer;
    if (reworded.length === 0 || other === undefined) return;
    const appended = `${row.bestAnswer.replace(/[.!?]?$/u, ".")} ${other}`;
    examples.push(
      { source: "truthfulqa-unrelated", contexts: reworded, answer: row.bestAnswer, faithful: true },
      { source: "truthfulqa-unrelated", contexts: reworded, answer: index % 2 === 0 ? other : appended, faithful: false },
    );
  });
  for (const row of truthful) {
    const incorrect = row.incorrectAnswers[0];
    if (incorrect === undefined || row.correctAnswers.length === 0) continue;
    examples.push(
      { source: "truthfulqa", contexts: row.correctAnswers, answer: row.bestAnswer, faithful: true },
      { source: "truthfulqa", contexts: row.correctAnswers, answer: incorrect, faithful: false },
    );
    const reworded = row.correctAnswers.filter((answer) => answer !== row.bestAnswer);
    if (reworded.length > 0)
      examples.push(
        { source: "truthfulqa-reworded", contexts: reworded, answer: row.bestAnswer, faithful: true },
        { source: "truthfulqa-reworded", contexts: reworded, answer: incorrect, faithful: false },
      );
  }
  for (const row of gsm8k.slice(0, 300)) {
    const swapped = swapOneNumber(row.question, random);
    if (swapped === undefined) continue;
    examples.push(
      { source: "gsm8k-number", contexts: [row.question], answer: row.question, faithful: true },
      { source: "gsm8k-number", contexts: [row.question], answer: swapped, faithful: false },
    );
  }
  return examples;
};
