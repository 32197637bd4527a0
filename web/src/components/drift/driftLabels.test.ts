import { describe, expect, it } from "vitest";
import {
  baselineSummary,
  clusterTitle,
  driftPageHref,
  formatDistance,
  formatPValue,
  formatShare,
  formatWindow,
} from "@/components/drift/driftLabels";

describe("drift figures as the page reads them", () => {
  it("gives p-values at the permutation test's resolution: below 1/1001 reads '< 0.001', not a precise-looking number", () => {
    expect([formatPValue(1 / 1001), formatPValue(0.0123), formatPValue(0.4567), formatPValue(null)]).toEqual([
      "< 0.001",
      "0.012",
      "0.46",
      "—",
    ]);
  });

  it("gives distances with three decimals and a dash where a window has none (not 0.000)", () => {
    expect([formatDistance(0.05), formatDistance(0.61234), formatDistance(undefined), formatDistance(Number.NaN)]).toEqual([
      "0.050",
      "0.612",
      "—",
      "—",
    ]);
    expect(formatShare(0.4213)).toBe("42.1%");
  });

  it("names windows by their UTC start, days by their date, on-demand runs by both ends", () => {
    expect(formatWindow({ window: "hour", from: "2026-11-27T14:00:00.000Z", to: "2026-11-27T15:00:00.000Z" })).toBe("2026-11-27 14:00 UTC");
    expect(formatWindow({ window: "day", from: "2026-11-27T00:00:00.000Z", to: "2026-11-28T00:00:00.000Z" })).toBe("2026-11-27 (UTC day)");
    expect(formatWindow({ window: "custom", from: "2026-11-27T14:00:00.000Z", to: "2026-11-27T16:30:00.000Z" })).toBe(
      "2026-11-27 14:00 to 2026-11-27 16:30 UTC",
    );
  });

  it("names clusters by their keywords, and the novel and empty bins by what they hold", () => {
    expect(clusterTitle({ bin: 2, kind: "cluster", keywords: ["apples", "cost"] })).toBe("apples, cost");
    expect(clusterTitle({ bin: 2, kind: "cluster", keywords: [] })).toBe("Cluster 3");
    expect(clusterTitle({ bin: 16, kind: "novel", keywords: [] })).toBe("Novel: far from every cluster");
    expect(clusterTitle({ bin: 17, kind: "empty", keywords: [] })).toBe("Empty texts");
  });
});

describe("driftPageHref", () => {
  it("changes one setting and keeps the others, leaving the default hourly window out of the URL", () => {
    const current = { baseline: "golden v1", window: "day", run: "r1" };
    expect(driftPageHref("p1", current, { run: "r2" })).toBe("/projects/p1/drift?baseline=golden+v1&window=day&run=r2");
    expect(driftPageHref("p1", current, { window: "hour", run: null })).toBe("/projects/p1/drift?baseline=golden+v1");
    expect(driftPageHref("p1", {}, {})).toBe("/projects/p1/drift");
  });
});

describe("baselineSummary", () => {
  it("says what a baseline is made of in one line", () => {
    const common = { field: "input", points: 400, clusters: 8, embedder: "lexstyle-v1" } as const;
    expect(baselineSummary({ ...common, source: "dataset", dataset: "golden", version: 3, from: null, to: null })).toBe(
      "golden v3 · prompts · 400 texts in 8 clusters · lexstyle-v1",
    );
    expect(
      baselineSummary({
        ...common,
        field: "output",
        source: "traffic",
        dataset: null,
        version: null,
        from: "2026-11-20T00:00:00.000Z",
        to: "2026-11-27T00:00:00.000Z",
      }),
    ).toBe("traffic 2026-11-20 00:00 to 2026-11-27 00:00 UTC · answers · 400 texts in 8 clusters · lexstyle-v1");
  });
});
