// `npx tsx web/src/server/evaluation/labelled/fitRelevanceCalibration.ts`: fits the relevance
// calibration (logistic curve of cosine -> relevant) per built-in embedder on the training
// half of the labelled relevance set (even rows) and writes builtin/relevanceCalibration.ts.
// measure.ts reports the held-out half.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { cosineSimilarity } from "@/server/embeddings/cosineSimilarity";
import { defaultSemanticEmbedder } from "@/server/embeddings/defaultSemanticEmbedder";
import { lexstyleEmbedder } from "@/server/embeddings/lexstyleEmbedder";
import { buildRelevanceSet, isTrainingRow } from "./labelledSets";
import { fitLogistic } from "./logisticFit";

const training = buildRelevanceSet().filter((_, index) => isTrainingRow(index));
const lines: string[] = [];
for (const embedder of [defaultSemanticEmbedder(), lexstyleEmbedder]) {
  const questions = await embedder.embed(training.map((example) => example.question));
  const answers = await embedder.embed(training.map((example) => example.answer));
  const curve = fitLogistic(
    training.map((example, i) => ({ x: cosineSimilarity(questions[i] ?? [], answers[i] ?? []), positive: example.relevant })),
  );
  lines.push(
    `  "${embedder.id}": { intercept: ${curve.intercept.toPrecision(8)}, slope: ${curve.slope.toPrecision(8)}, pairs: ${training.length} },`,
  );
}
const target = path.join(import.meta.dirname, "..", "builtin", "relevanceCalibration.ts");
writeFileSync(
  target,
  `// Written by labelled/fitRelevanceCalibration.ts: logistic curves of question/answer cosine ->
// relevant, fitted per embedder on the training half of the labelled relevance set. Refit when an embedder changes.
import type { Logistic } from "../labelled/logisticFit";

export const RELEVANCE_CALIBRATION: Readonly<Record<string, Logistic & { pairs: number }>> = {
${lines.join("\n")}
};
`,
);
console.log(`wrote ${target}`);
