// Built-in evaluators on realistic traces: a 2 KB answer and three 1 KB retrieved passages of
// real text (shared/data), scored by relevance and faithfulness with the default semantic
// embedder, one trace after the other on one core, by pii_leak, toxicity, relevance and
// faithfulness. Traces per CPU-second, target >= 300.
// Baseline in the same run: only embedding each trace's text once.
import type { BuiltinEvaluator, EvaluationSubject } from "../src/server/evaluation/evaluatorTypes.ts";
import { relevanceEvaluator } from "../src/server/evaluation/builtin/relevance.ts";
import { faithfulnessEvaluator } from "../src/server/evaluation/builtin/faithfulness.ts";
import { piiLeakEvaluator } from "../src/server/evaluation/builtin/piiLeakEvaluator.ts";
import { toxicityEvaluator } from "../src/server/evaluation/builtin/toxicityEvaluator.ts";
import { defaultSemanticEmbedder } from "../src/server/embeddings/defaultSemanticEmbedder.ts";
import { readGsm8k, readTruthfulQa } from "../src/server/evaluation/labelled/sharedData.ts";
import { seededRandom } from "../src/server/stats/seededRandom.ts";
import { splitSentences } from "../src/server/evaluation/builtin/sentences.ts";
import type { BenchRow } from "./appServer.ts";

const evaluators: BuiltinEvaluator[] = [piiLeakEvaluator, toxicityEvaluator, relevanceEvaluator, faithfulnessEvaluator];
const TRACES = 300;
const PASSAGE_CHARS = 1_000;
const ANSWER_CHARS = 2_000;

/** Sentences drawn (seeded) until the text reaches `chars`. */
const fill = (sentences: readonly string[], chars: number, random: () => number): string => {
  let text = "";
  while (text.length < chars) text += `${sentences[Math.floor(random() * sentences.length)] ?? ""}. `;
  return text.slice(0, chars);
};

/**
 * Passages of real sentences (TruthfulQA answers over 60 characters, GSM8K problem sentences:
 * ~75 characters on average, shorter than typical LLM prose, so this errs on the slow side);
 * the answer takes half of its sentences from the passages and the rest from elsewhere.
 */
export const benchSubjects = (count: number): EvaluationSubject[] => {
  const rows = readTruthfulQa();
  const random = seededRandom(3);
  const sentences = [
    ...rows.flatMap((row) => [...row.correctAnswers, ...row.incorrectAnswers]).filter((text) => text.length > 60),
    ...readGsm8k().flatMap((row) => splitSentences(row.question)),
  ].map((sentence) => sentence.replace(/[.?!]$/u, ""));
  return Array.from({ length: count }, (_, i) => {
    const row = rows[i % rows.length];
    const contexts = [0, 1, 2].map(() => fill(sentences, PASSAGE_CHARS, random));
    const grounded = contexts.flatMap(splitSentences).map((sentence) => sentence.replace(/[.?!]$/u, ""));
    const answer = `${fill(grounded, ANSWER_CHARS / 2, random)}${fill(sentences, ANSWER_CHARS / 2, random)}`;
    return { input: row?.question ?? "", output: answer, contexts };
  });
};

async function tracesPerCpuSecond(
  subjects: readonly EvaluationSubject[],
  work: (subject: EvaluationSubject) => Promise<unknown>,
): Promise<number> {
  for (const subject of subjects.slice(0, 20)) await work(subject); // warm-up and the GloVe table's first load
  const before = process.cpuUsage();
  for (const subject of subjects) await work(subject);
  const used = process.cpuUsage(before);
  return subjects.length / ((used.user + used.system) / 1e6);
}

export async function benchBuiltinEvaluators(): Promise<BenchRow> {
  const embedder = defaultSemanticEmbedder();
  const context = { embedder };
  const subjects = benchSubjects(TRACES);
  const first = subjects[0];
  const shape = first
    ? `${splitSentences(first.output).length} answer and ${first.contexts.flatMap(splitSentences).length} passage sentences`
    : "";
  const embedOnly = await tracesPerCpuSecond(subjects, (subject) => embedder.embed([subject.input, subject.output, ...subject.contexts]));
  const scored = await tracesPerCpuSecond(subjects, async (subject) => {
    for (const evaluator of evaluators) if (evaluator.applies(subject, context)) await evaluator.evaluate(subject, context);
  });
  return {
    name: `built-in evaluators (${evaluators.map((evaluator) => evaluator.kind).join(" + ")}) on ${TRACES} traces with a 2 KB answer and three 1 KB passages (${shape}), traces per CPU-second`,
    baseline: `embedding each trace once ${Math.round(embedOnly)} traces/s`,
    measured: `${Math.round(scored)} traces/s`,
    ratio: (scored / embedOnly).toFixed(3),
    target: ">= 300 traces/s",
    met: scored >= 300,
  };
}
