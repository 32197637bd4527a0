// `npx tsx web/src/server/evaluation/labelled/measure.ts`: ROC-AUC and accuracy of the
// relevance and faithfulness built-ins on the full labelled sets from shared/data, with the
// default semantic embedder (and lexstyle for comparison). Relevance is reported on the
// held-out half only (the calibration was fitted on the other half).
import type { Embedder } from "@/server/embeddings/embedder";
import { defaultSemanticEmbedder } from "@/server/embeddings/defaultSemanticEmbedder";
import { lexstyleEmbedder } from "@/server/embeddings/lexstyleEmbedder";
import { faithfulnessEvaluator } from "../builtin/faithfulness";
import { relevanceEvaluator, RELEVANCE_THRESHOLD } from "../builtin/relevance";
import type { EvaluatorScore } from "../evaluatorTypes";
import { buildFaithfulnessSet, buildRelevanceSet, isTrainingRow } from "./labelledSets";
import { accuracyAt, rocAuc, type ScoredLabel } from "./rocAuc";

const numeric = (scores: readonly EvaluatorScore[], name: string): number => {
  const value = scores.find((score) => score.name === name)?.value;
  if (typeof value !== "number") throw new Error(`no numeric ${name} score`);
  return value;
};

const row = (cells: readonly (string | number)[]): string =>
  `| ${cells.map((cell) => (typeof cell === "number" && !Number.isInteger(cell) ? cell.toFixed(3) : String(cell))).join(" | ")} |`;

const bySource = <T extends { source: string }>(items: readonly T[]): [string, T[]][] => [
  ["all", [...items]],
  ...[...new Set(items.map((item) => item.source))].map((source): [string, T[]] => [
    source,
    items.filter((item) => item.source === source),
  ]),
];

const measureRelevance = async (embedder: Embedder): Promise<void> => {
  const heldOut = buildRelevanceSet().filter((_, index) => !isTrainingRow(index));
  const scored: (ScoredLabel & { source: string })[] = [];
  for (const example of heldOut) {
    const scores = await relevanceEvaluator.evaluate({ input: example.question, output: example.answer, contexts: [] }, { embedder });
    scored.push({ source: example.source, score: numeric(scores, "relevance"), positive: example.relevant });
  }
  for (const [source, items] of bySource(scored))
    console.log(row([`relevance / ${embedder.id}`, source, items.length, rocAuc(items), accuracyAt(items, RELEVANCE_THRESHOLD)]));
};

const measureFaithfulness = async (embedder: Embedder): Promise<void> => {
  const scored: { source: string; faithfulness: number; hallucination: number; positive: boolean }[] = [];
  for (const example of buildFaithfulnessSet()) {
    const scores = await faithfulnessEvaluator.evaluate({ input: "", output: example.answer, contexts: example.contexts }, { embedder });
    scored.push({
      source: example.source,
      faithfulness: numeric(scores, "faithfulness"),
      hallucination: numeric(scores, "hallucination"),
      positive: example.faithful,
    });
  }
  for (const [source, items] of bySource(scored)) {
    const byFaithfulness = items.map((item) => ({ score: item.faithfulness, positive: item.positive }));
    // Accuracy of the verdict "faithful when no sentence is unsupported".
    const byHallucination = items.map((item) => ({ score: -item.hallucination, positive: item.positive }));
    console.log(
      row([
        `faithfulness / ${embedder.id}`,
        source,
        items.length,
        rocAuc(byFaithfulness),
        accuracyAt(byHallucination, 0),
        rocAuc(byHallucination),
      ]),
    );
  }
};

console.log("| evaluator / embedder | set | examples | ROC-AUC | accuracy | hallucination ROC-AUC |");
console.log("|---|---|---|---|---|---|");
for (const embedder of [defaultSemanticEmbedder(), lexstyleEmbedder]) {
  await measureRelevance(embedder);
  await measureFaithfulness(embedder);
}
console.log("\nrelevance accuracy: score >= 0.5 means relevant (held-out half). faithfulness accuracy: faithful iff hallucination = 0.");
