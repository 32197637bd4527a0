// The drift detector on real questions (the "Correctness" cases), one seed at a time:
// a GSM8K golden set against a same-source window, the same window in a chat style, a topic
// switch and a language switch. Used by driftRealText.test.ts; pure, given embedded corpora.
import { seededRandom } from "../../stats/seededRandom";
import { windowVerdict, type DriftVerdict } from "./driftVerdict";
import { fitDriftBaseline } from "./fitDriftBaseline";
import { scoreDriftWindow, type DriftWindowScore } from "./scoreDriftWindow";
import { shuffledIndexes } from "./shuffleFirst";

export interface EmbeddedCorpora {
  /** GSM8K test questions in file order; the first 250 are MGSM's English problems word for word. */
  gsm8k: readonly Float32Array[];
  /** slangRewrite of GSM8K question i, for the questions the style shift rewrites (i % 3 === 0). */
  gsm8kSlang: ReadonlyMap<number, Float32Array>;
  truthfulqa: readonly Float32Array[];
  mgsmDe: readonly Float32Array[];
  mgsmEs: readonly Float32Array[];
}

export const MGSM_PROBLEMS = 250;
export const WINDOW = 500;
export const SCENARIOS = ["sameSource", "styleShift", "topicSwitch", "languageSwitch"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const rewritesInStyleShift = (gsm8kIndex: number): boolean => gsm8kIndex % 3 === 0;

const shuffled = (count: number, offset: number, random: () => number): number[] =>
  Array.from(shuffledIndexes(count, random), (index) => offset + index);

const rows = (vectors: readonly Float32Array[], indexes: readonly number[]): Float32Array[] =>
  indexes.map((index) => {
    const vector = vectors[index];
    if (vector === undefined) throw new RangeError(`no vector ${index}`);
    return vector;
  });

/**
 * One seed: the golden set is 819 GSM8K questions drawn from those MGSM does not translate;
 * the same-source window is the other 250 of them plus the 250 MGSM English problems (GSM8K
 * questions the baseline never saw); the style shift is that window with a third of its
 * questions rewritten in chat slang with emojis; the topic switch is 500 TruthfulQA questions;
 * the language switch is MGSM's 250 German and 250 Spanish problems (all there are: every
 * seed sees the same window, and only the golden set, its split and the permutations vary).
 */
export function realTextScenarios(
  corpora: EmbeddedCorpora,
  seed: number,
): Record<Scenario, { score: DriftWindowScore; verdict: DriftVerdict }> {
  const random = seededRandom(seed);
  const order = shuffled(corpora.gsm8k.length - MGSM_PROBLEMS, MGSM_PROBLEMS, random);
  const liveCount = WINDOW - MGSM_PROBLEMS;
  const golden = rows(corpora.gsm8k, order.slice(liveCount));
  const sameSource = [...order.slice(0, liveCount), ...Array.from({ length: MGSM_PROBLEMS }, (_, i) => i)];
  const model = fitDriftBaseline(golden, { seed });
  const heldOut = rows(
    golden,
    model.heldOut.map((point) => point.index),
  );
  const windows: Record<Scenario, Float32Array[]> = {
    sameSource: rows(corpora.gsm8k, sameSource),
    styleShift: sameSource.map((index) =>
      rewritesInStyleShift(index) ? (corpora.gsm8kSlang.get(index) ?? new Float32Array()) : (corpora.gsm8k[index] ?? new Float32Array()),
    ),
    topicSwitch: rows(corpora.truthfulqa, shuffled(corpora.truthfulqa.length, 0, random).slice(0, WINDOW)),
    languageSwitch: [...corpora.mgsmDe, ...corpora.mgsmEs],
  };
  const judge = (scenario: Scenario): { score: DriftWindowScore; verdict: DriftVerdict } => {
    const score = scoreDriftWindow(model, heldOut, windows[scenario], { seed: seed * 31 + 7 });
    return { score, verdict: windowVerdict(score) };
  };
  return {
    sameSource: judge("sameSource"),
    styleShift: judge("styleShift"),
    topicSwitch: judge("topicSwitch"),
    languageSwitch: judge("languageSwitch"),
  };
}
