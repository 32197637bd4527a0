// How well an embedder separates meaning on real text (shared/data), to choose the semantic
// embedder by measurement: topic 1-NN accuracy, paraphrase vs unrelated cosine, speed.
import type { Embedder } from "@/server/embeddings/embedder";
import { cosineSimilarity } from "@/server/embeddings/cosineSimilarity";
import { rocAuc } from "./rocAuc";
import { seededRandom } from "../../stats/seededRandom";
import { readGsm8k, readTruthfulQa } from "./sharedData";

/** TruthfulQA categories that are topics (not trick types such as "Misconceptions"), plus GSM8K as "math". */
const TOPICS = ["Law", "Health", "Economics", "Fiction", "Paranormal", "Weather", "Nutrition", "Religion", "Finance"];
const MATH_QUESTIONS = 60;

export interface EmbedderProbe {
  topics: { text: string; topic: string }[];
  /** Pairs of answers to one question (best vs another correct answer) and to two different questions. */
  pairs: { a: string; b: string; paraphrase: boolean }[];
  /** Texts timed for throughput. */
  speedTexts: string[];
}

export const buildEmbedderProbe = (): EmbedderProbe => {
  const truthful = readTruthfulQa();
  const gsm8k = readGsm8k();
  const topics = [
    ...truthful.filter((row) => TOPICS.includes(row.category)).map((row) => ({ text: row.question, topic: row.category })),
    ...gsm8k.slice(0, MATH_QUESTIONS).map((row) => ({ text: row.question, topic: "Math" })),
  ];
  const random = seededRandom(12);
  const pairs = truthful.flatMap((row, index) => {
    const other = row.correctAnswers.find((answer) => answer !== row.bestAnswer && !answer.startsWith("I have no comment"));
    const stranger = truthful[(index + 1 + Math.floor(random() * (truthful.length - 1))) % truthful.length];
    if (other === undefined || stranger === undefined) return [];
    return [
      { a: row.bestAnswer, b: other, paraphrase: true },
      { a: row.bestAnswer, b: stranger.bestAnswer, paraphrase: false },
    ];
  });
  const speedTexts = [...gsm8k.map((row) => row.question), ...truthful.map((row) => row.question)];
  return { topics, pairs, speedTexts };
};

export interface EmbedderFigures {
  embedder: string;
  topicAccuracy: number;
  topics: number;
  texts: number;
  paraphraseCosine: number;
  unrelatedCosine: number;
  paraphraseAuc: number;
  textsPerSecond: number;
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Leave-one-out 1-NN topic accuracy: the share of texts whose nearest other text has the same topic. */
export const nearestNeighbourAccuracy = (vectors: readonly Float32Array[], labels: readonly string[]): number => {
  let correct = 0;
  vectors.forEach((vector, i) => {
    let best = -Infinity;
    let bestLabel: string | undefined;
    vectors.forEach((other, j) => {
      if (i === j) return;
      const similarity = cosineSimilarity(vector, other);
      if (similarity > best) {
        best = similarity;
        bestLabel = labels[j];
      }
    });
    if (bestLabel === labels[i]) correct++;
  });
  return correct / vectors.length;
};

export const measureEmbedder = async (
  embedder: Embedder,
  probe: EmbedderProbe,
  now: () => number = performance.now.bind(performance),
): Promise<EmbedderFigures> => {
  const topicVectors = await embedder.embed(probe.topics.map((item) => item.text));
  const topicAccuracy = nearestNeighbourAccuracy(
    topicVectors,
    probe.topics.map((item) => item.topic),
  );
  const left = await embedder.embed(probe.pairs.map((pair) => pair.a));
  const right = await embedder.embed(probe.pairs.map((pair) => pair.b));
  const scored = probe.pairs.map((pair, i) => ({
    score: cosineSimilarity(left[i] ?? [], right[i] ?? []),
    positive: pair.paraphrase,
  }));
  await embedder.embed(probe.speedTexts.slice(0, 20)); // warm-up (loads a model or table)
  const start = now();
  await embedder.embed(probe.speedTexts);
  const seconds = (now() - start) / 1000;
  return {
    embedder: embedder.id,
    topicAccuracy,
    topics: new Set(probe.topics.map((item) => item.topic)).size,
    texts: probe.topics.length,
    paraphraseCosine: mean(scored.filter((item) => item.positive).map((item) => item.score)),
    unrelatedCosine: mean(scored.filter((item) => !item.positive).map((item) => item.score)),
    paraphraseAuc: rocAuc(scored),
    textsPerSecond: probe.speedTexts.length / seconds,
  };
};
