import type { DriftRunResult } from "@/contracts/drift";
import { excerpt } from "@/server/review/conversation";
import type { DriftModel } from "@/server/drift/method/driftModel";
import type { DriftWindowScore } from "@/server/drift/method/scoreDriftWindow";
import { isLowConfidence } from "@/server/drift/method/driftVerdict";
import { typicalMembersOf } from "@/server/drift/method/typicalMembers";
import { assignDriftBins } from "@/server/drift/method/assignDriftBins";
import { normalisedRows } from "@/server/drift/method/flatVectors";
import { clusterKeywords } from "@/server/drift/explain/clusterKeywords";
import { languageShift } from "@/server/drift/explain/languageMix";
import { textShapeShift } from "@/server/drift/explain/textShape";
import type { DriftThresholds } from "@/contracts/drift";
import type { DriftText } from "@/server/drift/driftTexts";

/** Bins shown with their examples: the movers that matter, not all 18. */
const shownBins = 8;
const examplesPerBin = 3;
const novelExamples = 10;
const exampleChars = 240;

export interface DriftWindowToExplain {
  model: DriftModel;
  score: DriftWindowScore;
  thresholds: DriftThresholds;
  /** Every baseline point's text, by position (model.heldOut indexes into it). */
  baselineTexts: readonly string[];
  heldOutVectors: readonly Float32Array[];
  live: { texts: readonly DriftText[]; vectors: readonly Float32Array[] };
}

/**
 * The figures of a scored window and what a person reads beside them: the bins that moved
 * most with their words and most typical texts on both sides, the novel live texts farthest
 * from the baseline, and the language and text-shape shifts.
 */
export async function explainDriftWindow(window: DriftWindowToExplain): Promise<Omit<DriftRunResult, "verdict" | "skipped">> {
  const { model, score, baselineTexts, heldOutVectors, live } = window;
  const heldOutTexts = model.heldOut.map((point) => baselineTexts[point.index] ?? "");
  const liveExample = (index: number) => ({
    traceId: live.texts[index]?.sourceId ?? "",
    text: excerpt(live.texts[index]?.text ?? "", exampleChars),
    novelty: score.liveNovelty[index] ?? 0,
  });

  // Assigned once: the score holds the live side's bins and novelty already.
  const { matrix, zero } = normalisedRows(heldOutVectors, model.dimensions);
  const heldOutAssignment = assignDriftBins(model, matrix, zero);
  const liveAssignment = { bins: score.liveBins, novelty: score.liveNovelty };

  const movers = score.movers.filter((mover) => mover.referenceShare > 0 || mover.liveShare > 0).slice(0, shownBins);
  // Words of each shown bin against the others: what its texts, baseline and live together, are about.
  const textsOfBin = (bin: number) => [
    ...heldOutTexts.filter((_, position) => heldOutAssignment.bins[position] === bin),
    ...live.texts.filter((_, index) => score.liveBins[index] === bin).map((entry) => entry.text),
  ];
  const keywords = clusterKeywords(movers.map((mover) => textsOfBin(mover.bin)));
  const clusters = movers.map((mover, position) => ({
    bin: mover.bin,
    kind: mover.kind.kind,
    keywords: (keywords[position] ?? []).map((keyword) => keyword.word),
    baselineShare: mover.referenceShare,
    liveShare: mover.liveShare,
    contribution: mover.contribution,
    baselineExamples: typicalMembersOf(model, heldOutAssignment, mover.bin, examplesPerBin).map((index) =>
      excerpt(heldOutTexts[index] ?? "", exampleChars),
    ),
    liveExamples: typicalMembersOf(model, liveAssignment, mover.bin, examplesPerBin).map(liveExample),
  }));

  const novel = score.liveNovelty
    .map((novelty, index) => ({ novelty, index }))
    .filter(({ novelty }) => novelty > model.noveltyThreshold)
    .sort((a, b) => b.novelty - a.novelty || a.index - b.index)
    .slice(0, novelExamples)
    .map(({ index }) => liveExample(index));

  const liveTexts = live.texts.map((entry) => entry.text);
  const languages = await languageShift(heldOutTexts, liveTexts);
  const shape = textShapeShift(heldOutTexts, liveTexts);
  return {
    liveCount: score.liveCount,
    baselineCount: score.referenceCount,
    lowConfidence: isLowConfidence(score, window.thresholds),
    jsDistance: score.jsDistance,
    jsDistanceCorrected: score.jsDistanceCorrected,
    klDivergence: score.klDivergence,
    novelShare: score.novelShare,
    pValue: score.pValue,
    centroidPValue: score.centroidPValue,
    clusters,
    examples: novel,
    languages: languages.map(({ code, label, baselineShare, liveShare }) => ({ code, label, baselineShare, liveShare })),
    shape: { baseline: shape.baseline, live: shape.live },
  };
}
