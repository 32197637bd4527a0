import type { RunItemScore, RunScoreMean, ScoreMeanChange } from "@/contracts/datasetRuns";

/**
 * The mean of each numeric or boolean score over a run's items (booleans as 0 and 1), by
 * name in alphabetical order. Errors, missing values and categories count for nothing:
 * count says how many items the mean is over.
 */
export function runScoreMeans(items: readonly { scores: readonly RunItemScore[] }[]): RunScoreMean[] {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const item of items) {
    for (const score of item.scores) {
      if (score.value === null || score.dataType === "categorical") continue;
      const entry = sums.get(score.name) ?? { sum: 0, count: 0 };
      entry.sum += typeof score.value === "boolean" ? Number(score.value) : score.value;
      entry.count += 1;
      sums.set(score.name, entry);
    }
  }
  return [...sums].map(([name, { sum, count }]) => ({ name, mean: sum / count, count })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Each score name of either run with both means and how far this run moved from the baseline. */
export function compareScoreMeans(current: readonly RunScoreMean[], baseline: readonly RunScoreMean[]): ScoreMeanChange[] {
  const names = [...new Set([...current, ...baseline].map((entry) => entry.name))].sort((a, b) => a.localeCompare(b));
  return names.map((name) => {
    const mean = current.find((entry) => entry.name === name)?.mean ?? null;
    const baselineMean = baseline.find((entry) => entry.name === name)?.mean ?? null;
    return { name, mean, baselineMean, difference: mean === null || baselineMean === null ? null : mean - baselineMean };
  });
}
