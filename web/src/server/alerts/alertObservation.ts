import type { AlertMetric } from "@/contracts/alertMetrics";
import type { AlertCondition } from "@/contracts/alerts";

/** A metric over one window: null value when there was nothing to compute it from. */
export interface WindowValue {
  value: number | null;
  samples: number | null;
}

/** What one evaluation saw: `compared` is what the levels are held against, null for "no data". */
export interface Observation {
  value: number | null;
  compared: number | null;
  samples: number | null;
  /** Why there is nothing to compare, for the rule page. */
  noData: string | null;
}

const noData = (current: WindowValue, why: string): Observation => ({
  value: current.value,
  compared: null,
  samples: current.samples,
  noData: why,
});

/** Rates, averages and percentiles of a handful of observations are noise: 1 of 3 is not a 33 % thumbs-down rate. */
function tooFew(metric: AlertMetric, minSamples: number, window: WindowValue, relative: boolean): boolean {
  // A sum is a valid figure on any window ("requests below 10"), except as the base of a change.
  if (metric.kind === "gauge" || (metric.kind === "sum" && !relative)) return false;
  return (window.samples ?? 0) < minSamples;
}

/**
 * Judges one window of a rule: the value its levels are compared with (the value itself, or
 * its relative change against the reference window) or why there is no data.
 */
export function observeWindow(
  metric: AlertMetric,
  minSamples: number,
  condition: AlertCondition,
  current: WindowValue,
  reference: WindowValue | null,
): Observation {
  const relative = condition.relativeChange !== undefined;
  if (current.value === null) return noData(current, "no data in the window");
  if (tooFew(metric, minSamples, current, relative)) return noData(current, `fewer than ${minSamples} samples in the window`);
  if (!relative) return { value: current.value, compared: current.value, samples: current.samples, noData: null };
  if (reference?.value == null) return noData(current, "no data in the window compared with");
  if (tooFew(metric, minSamples, reference, true)) return noData(current, `fewer than ${minSamples} samples in the window compared with`);
  if (reference.value === 0) {
    // From nothing, any change is infinite: only "no change" can be told.
    return current.value === 0
      ? { value: 0, compared: 0, samples: current.samples, noData: null }
      : noData(current, "the window compared with is 0");
  }
  return {
    value: current.value,
    compared: (current.value - reference.value) / Math.abs(reference.value),
    samples: current.samples,
    noData: null,
  };
}
