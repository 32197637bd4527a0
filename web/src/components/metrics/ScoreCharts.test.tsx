// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import "@testing-library/jest-dom/vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { screen, within } from "@testing-library/react";
import { Theme } from "@radix-ui/themes";
import type { ScoreMetrics } from "@/contracts/metrics";
import { ScoreCharts, scoreOptions } from "@/components/metrics/ScoreCharts";

afterEach(() => {
  document.body.innerHTML = "";
});

const figures = (count: number, average: number | null, share: number | null) => ({
  count,
  average,
  atOrWorse: share === null ? null : share * count,
  atOrWorseShare: share,
});

const base: Omit<ScoreMetrics, "score"> = {
  from: "2026-03-01T10:00:00.000Z",
  to: "2026-03-01T10:02:00.000Z",
  granularity: "minute",
  stepSeconds: 60,
  breakdown: null,
  names: [
    { name: "pii_leak", dataType: "boolean", count: 4 },
    { name: "relevance", dataType: "numeric", count: 3 },
    { name: "topic", dataType: "categorical", count: 2 },
  ],
};

// The page's server render: the charts' canvases are drawn in the browser, which the test DOM has not.
function show(scores: ScoreMetrics) {
  document.body.innerHTML = renderToStaticMarkup(
    <Theme>
      <ScoreCharts scores={scores} query={{ range: "24h" }} step="1 min" />
    </Theme>,
  );
}

describe("the Scores part of the metrics page", () => {
  it("charts the picked score's average and its bad share, saying which way is better", () => {
    show({
      ...base,
      score: {
        name: "pii_leak",
        dataType: "boolean",
        higherIsBetter: false,
        threshold: 1,
        min: 0,
        max: 1,
        totals: figures(4, 0.5, 0.5),
        series: [
          {
            key: "all",
            totals: figures(4, 0.5, 0.5),
            points: [
              { t: "2026-03-01T10:00:00.000Z", ...figures(3, 1 / 3, 1 / 3) },
              { t: "2026-03-01T10:01:00.000Z", ...figures(1, 1, 1) },
            ],
          },
        ],
      },
    });
    const section = screen.getByRole("region", { name: "Scores" });
    expect(within(section).getByText(/PII leak: lower is better/)).toBeInTheDocument();
    expect(within(section).getByRole("combobox", { name: "Score" })).toBeInTheDocument();
    expect(within(section).getByRole("region", { name: "PII leak: average" })).toBeInTheDocument();
    const bad = within(section).getByRole("region", { name: "PII leak: Share Yes" });
    // The chart's figures table, for screen readers: 33.3% then 100.0%.
    expect(
      within(bad)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["33.3%", "100.0%"]);
    // The range stays when another score is picked.
    expect(section.querySelector('input[type="hidden"][name="range"]')).toHaveValue("24h");
  });

  it("says so when no score has data in the range", () => {
    show({ ...base, names: [], score: null });
    expect(screen.getByText(/No scores in this range/)).toBeInTheDocument();
    expect(screen.queryByRole("combobox", { name: "Score" })).not.toBeInTheDocument();
  });
});

describe("the score picker", () => {
  it("names scores by label with their counts, and leaves out categories, which have no average", () => {
    expect(scoreOptions(base.names)).toEqual([
      { value: "pii_leak", label: "PII leak (4)" },
      { value: "relevance", label: "Relevance (3)" },
    ]);
  });
});
