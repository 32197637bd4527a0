// `npx tsx web/src/server/evaluation/labelled/writeLabelledSample.ts`: writes the small labelled
// sample the unit tests use (labelledSample.json), drawn from the held-out rows of the full
// sets so the tests never see the rows the relevance calibration was fitted on.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildFaithfulnessSet, buildRelevanceSet, isTrainingRow } from "./labelledSets";

const RELEVANCE_PAIRS = 30;
const FAITHFULNESS_PAIRS = 15;
/** Every n-th held-out pair of one source, so the sample spans the data set rather than its first rows. */
const spread = <T extends { source: string }>(examples: readonly T[], source: string, pairs: number): T[] => {
  const heldOut = examples.filter((example, index) => !isTrainingRow(index) && example.source === source);
  const step = Math.max(1, Math.floor(heldOut.length / 2 / pairs));
  return heldOut.filter((_, index) => Math.floor(index / 2) % step === 0).slice(0, pairs * 2);
};

const relevanceSet = buildRelevanceSet();
const relevance = ["truthfulqa", "gsm8k"].flatMap((source) => spread(relevanceSet, source, RELEVANCE_PAIRS / 2));
const faithfulnessSet = buildFaithfulnessSet();
const faithfulness = ["truthfulqa-unrelated", "gsm8k-number"].flatMap((source) => spread(faithfulnessSet, source, FAITHFULNESS_PAIRS));
const target = path.join(import.meta.dirname, "labelledSample.json");
writeFileSync(target, `${JSON.stringify({ relevance, faithfulness }, null, 1)}\n`);
console.log(`wrote ${relevance.length} relevance and ${faithfulness.length} faithfulness examples to ${target}`);
