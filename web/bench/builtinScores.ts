// `npx tsx bench/builtinScores.ts > scores.txt`: every score (value and explanation) of every
// built-in evaluator on the builtin-evaluators bench's traces and on the labelled sets, one
// line each, plus a digest of the default embedder's vectors. A speed change to the
// evaluators must leave this output byte-for-byte equal: diff it before and after.
import { createHash } from "node:crypto";
import type { EvaluationSubject } from "../src/server/evaluation/evaluatorTypes.ts";
import { builtinEvaluators } from "../src/server/evaluation/builtinEvaluators.ts";
import { defaultSemanticEmbedder } from "../src/server/embeddings/defaultSemanticEmbedder.ts";
import { buildFaithfulnessSet, buildRelevanceSet } from "../src/server/evaluation/labelled/labelledSets.ts";
import { safetyLabelledSets } from "../src/server/evaluation/labelled/safety/safetyLabelledSets.ts";
import * as heldOut from "../src/server/evaluation/labelled/safety/heldOutExamples.ts";
import { answerOnly } from "../src/server/evaluation/labelled/safety/safetyTestContext.ts";
import { splitSentences } from "../src/server/evaluation/builtin/sentences.ts";
import { benchSubjects } from "./builtinEvaluators.ts";

const embedder = defaultSemanticEmbedder();
const context = { embedder };

async function printScores(set: string, subjects: readonly EvaluationSubject[]): Promise<void> {
  for (const [index, subject] of subjects.entries())
    for (const evaluator of Object.values(builtinEvaluators)) {
      if (!evaluator.applies(subject, context)) continue;
      for (const score of await evaluator.evaluate(subject, context))
        process.stdout.write(`${set}#${index} ${evaluator.kind} ${JSON.stringify(score)}\n`);
    }
}

async function printVectorDigest(set: string, texts: readonly string[]): Promise<void> {
  const hash = createHash("sha256");
  for (const vector of await embedder.embed(texts)) hash.update(new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength));
  process.stdout.write(`${set} vectors of ${texts.length} texts sha256 ${hash.digest("hex")}\n`);
}

const bench = benchSubjects(300);
await printScores("bench", bench);
await printVectorDigest(
  "bench",
  bench.flatMap((subject) => [
    subject.input,
    subject.output,
    ...subject.contexts,
    ...splitSentences(subject.output),
    ...subject.contexts.flatMap(splitSentences),
  ]),
);
await printScores(
  "relevance",
  buildRelevanceSet().map((example) => ({ input: example.question, output: example.answer, contexts: [] })),
);
await printScores(
  "faithfulness",
  buildFaithfulnessSet().map((example) => ({ input: "", output: example.answer, contexts: example.contexts })),
);
for (const [name, examples] of Object.entries({ ...safetyLabelledSets(), ...heldOut }))
  await printScores(
    name,
    examples.map((example) => answerOnly(example.text)),
  );
