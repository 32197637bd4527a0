import { describe, expect, it } from "vitest";
import reference from "./driftReferenceValues.json";
import { gTest } from "./gTest";
import { jensenShannonDistance, jensenShannonDivergence, jensenShannonTerms, nullMeanJsDivergence } from "./jensenShannon";
import { klDivergence, smoothedKlDivergence } from "./klDivergence";

/** The tolerance the reference file states: abs(a - b) <= 1e-9 * max(1, |b|). */
const expectClose = (actual: number, expected: number | string): void => {
  const want = expected === "Infinity" ? Infinity : Number(expected);
  if (!Number.isFinite(want)) {
    expect(actual).toBe(want);
    return;
  }
  expect(Math.abs(actual - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
};

describe("Jensen-Shannon against SciPy's jensenshannon", () => {
  it.each(reference.jensenshannon)("p=$p q=$q", (row) => {
    expectClose(jensenShannonDistance(row.p, row.q, Math.E), row.distance_base_e);
    expectClose(jensenShannonDistance(row.p, row.q), row.distance_base_2);
    expectClose(jensenShannonDistance(row.p, row.q, 10), row.distance_base_10);
    expectClose(jensenShannonDivergence(row.p, row.q), row.divergence_base_2);
  });

  it("splits the divergence into per-bin shares that add up to it", () => {
    const p = [120, 80, 60, 40, 0, 200];
    const q = [30, 25, 5, 10, 15, 40];
    const terms = jensenShannonTerms(p, q);
    expect(Math.min(...terms)).toBeGreaterThanOrEqual(0);
    expectClose(terms.reduce((sum, term) => sum + term, 0) / Math.LN2, jensenShannonDivergence(p, q));
  });

  it("refuses histograms of different lengths", () => {
    expect(() => jensenShannonDistance([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});

describe("KL divergence against scipy.stats.entropy", () => {
  it.each(reference.entropy.filter((row) => row.qk !== null))("pk=$pk qk=$qk", (row) => {
    expectClose(klDivergence(row.pk, row.qk), row.base_e);
    expectClose(klDivergence(row.pk, row.qk, 2), row.base_2);
  });

  it.each(reference.kl_smoothed)("smoothed live=$live_counts ref=$ref_counts alpha=$alpha", (row) => {
    expectClose(smoothedKlDivergence(row.live_counts, row.ref_counts, row.alpha), row.kl_live_ref_bits);
    expectClose(smoothedKlDivergence(row.ref_counts, row.live_counts, row.alpha), row.kl_ref_live_bits);
  });

  it("smooths with alpha 0.5 unless told otherwise", () => {
    const row = reference.kl_smoothed[0];
    expectClose(smoothedKlDivergence(row?.live_counts ?? [], row?.ref_counts ?? []), row?.kl_live_ref_bits ?? NaN);
  });
});

describe("G-test against scipy", () => {
  it.each(reference.g_test)("ref=$ref_counts live=$live_counts", (row) => {
    const result = gTest(row.ref_counts, row.live_counts);
    expectClose(result.g, row.G);
    expect(result.degreesOfFreedom).toBe(row.df);
    expectClose(result.pValue, row.p_value);
    // The p-values are tiny: hold them to relative accuracy, not only the absolute 1e-9.
    expect(Math.abs(result.pValue - row.p_value) / row.p_value).toBeLessThan(1e-8);
  });

  it("equals 2 N times the sample-weighted JS divergence in nats", () => {
    const referenceCounts = [200, 100, 50, 25, 25];
    const liveCounts = [20, 20, 20, 20, 20];
    const n = 500;
    const merged = referenceCounts.map((count, i) => count + (liveCounts[i] ?? 0));
    const entropy = (counts: number[]): number => {
      const sum = counts.reduce((a, b) => a + b, 0);
      return -counts.reduce((acc, c) => (c > 0 ? acc + (c / sum) * Math.log(c / sum) : acc), 0);
    };
    const weightedJs = entropy(merged) - (400 / n) * entropy(referenceCounts) - (100 / n) * entropy(liveCounts);
    expectClose(gTest(referenceCounts, liveCounts).g, 2 * n * weightedJs);
  });

  it("gives p = 1 when every point falls in one bin", () => {
    expect(gTest([0, 10, 0], [0, 5, 0])).toEqual({ g: 0, degreesOfFreedom: 0, pValue: 1 });
  });
});

describe("null mean of the plug-in JS divergence", () => {
  it.each(reference.null_mean_jsd_bits_formula)("k=$k_eff n_ref=$n_ref n_live=$n_live", (row) => {
    expectClose(nullMeanJsDivergence(row.k_eff, row.n_ref, row.n_live), row.E0_jsd_bits);
  });
});
