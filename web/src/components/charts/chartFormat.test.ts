import { describe, expect, it } from "vitest";
import {
  axisWidth,
  decimalsOf,
  formatAxisTicks,
  formatChartTime,
  formatChartValue,
  formatTimeTicks,
  isolatedPointIndices,
  niceCeil,
  yRange,
} from "@/components/charts/chartFormat";

describe("chart axis helpers", () => {
  it("counts the decimals a tick step needs, despite float noise", () => {
    expect([decimalsOf(5), decimalsOf(0.25), decimalsOf(0.005), decimalsOf(0.1 + 0.2), decimalsOf(1e-7), decimalsOf(0)]).toEqual([
      0, 2, 3, 1, 7, 0,
    ]);
  });

  it("labels money ticks with the step's precision and zero as $0", () => {
    expect(formatAxisTicks("usd", [0, 0.005, 0.01, 0.015])).toEqual(["$0", "$0.005", "$0.010", "$0.015"]);
    expect(formatAxisTicks("usd", [0, 0.5, 1, 1.5])).toEqual(["$0", "$0.50", "$1.00", "$1.50"]);
    // A zero cost axis has only the zero tick, which never reads "$1.0000".
    expect(formatAxisTicks("usd", [0])).toEqual(["$0"]);
  });

  it("labels durations in ms below a second and in seconds above", () => {
    expect(formatAxisTicks("ms", [0, 100, 200, 300])).toEqual(["0 ms", "100 ms", "200 ms", "300 ms"]);
    expect(formatAxisTicks("ms", [0, 500, 1000, 1500])).toEqual(["0 s", "0.5 s", "1.0 s", "1.5 s"]);
    expect(formatAxisTicks("ms", [0, 2000, 4000])).toEqual(["0 s", "2 s", "4 s"]);
  });

  it("labels rates as percentages and counts as whole numbers, compact when large", () => {
    expect(formatAxisTicks("percent", [0, 0.25, 0.5, 0.75, 1])).toEqual(["0%", "25%", "50%", "75%", "100%"]);
    expect(formatAxisTicks("percent", [0, 0.005, 0.01])).toEqual(["0%", "0.5%", "1.0%"]);
    expect(formatAxisTicks("count", [0, 1, 2, 3])).toEqual(["0", "1", "2", "3"]);
    expect(formatAxisTicks("count", [0, 5000, 10000, 15000])).toEqual(["0", "5,000", "10K", "15K"]);
  });

  it("formats single values for the legend and the figures table", () => {
    expect(formatChartValue("count", 1234.4)).toBe("1,234");
    expect(formatChartValue("percent", 1 / 12)).toBe("8.3%");
    expect(formatChartValue("ms", 1234.4)).toBe("1.23 s");
    expect(formatChartValue("usd", 0)).toBe("$0");
    expect(formatChartValue("usd", null)).toBe("—");
    expect(formatChartTime(Date.parse("2026-11-27T14:05:00Z") / 1000)).toBe("2026-11-27 14:05 UTC");
  });

  it("rounds an axis top up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([niceCeil(0.0031), niceCeil(1.9), niceCeil(2.1), niceCeil(7), niceCeil(100), niceCeil(0)]).toEqual([0.005, 2, 2.5, 10, 100, 0]);
  });

  it("ranges from zero to just above the data, with a zero-only axis for zero data", () => {
    expect(yRange("usd", 0)).toEqual({ min: 0, max: 1, zeroOnly: true });
    expect(yRange("usd", null)).toEqual({ min: 0, max: 1, zeroOnly: true });
    // 0.0042 * 1.05 = 0.00441 -> 0.005
    expect(yRange("usd", 0.0042)).toEqual({ min: 0, max: 0.005, zeroOnly: false });
    // A rate of 100% stops at 100%, not 200%.
    expect(yRange("percent", 1)).toEqual({ min: 0, max: 1, zeroOnly: false });
    // Three requests: 3.15 -> 5; a count axis is at least 0..1.
    expect(yRange("count", 3)).toEqual({ min: 0, max: 5, zeroOnly: false });
    expect(yRange("count", 0.2)).toEqual({ min: 0, max: 1, zeroOnly: false });
  });

  it("finds the values a line cannot draw: those with no neighbour", () => {
    expect(isolatedPointIndices([null, null, 0.5, null, null])).toEqual([2]);
    expect(isolatedPointIndices([1, null, 2, 3, null, 4])).toEqual([0, 5]);
    expect(isolatedPointIndices([7])).toEqual([0]);
    expect(isolatedPointIndices([null, null])).toEqual([]);
  });

  it("labels the time axis in UTC, 24-hour, with the date where a day starts", () => {
    const at = (iso: string) => Date.parse(iso) / 1000;
    expect(formatTimeTicks([at("2026-11-26T22:00:00Z"), at("2026-11-26T23:00:00Z"), at("2026-11-27T00:00:00Z")], 3600)).toEqual([
      "22:00\nNov 26",
      "23:00",
      "00:00\nNov 27",
    ]);
    expect(formatTimeTicks([at("2026-11-26T00:00:00Z"), at("2026-11-27T00:00:00Z")], 86_400)).toEqual(["Nov 26", "Nov 27"]);
  });

  it("sizes a y axis to its longest label", () => {
    // "$0.00100": 8 characters * 7 px + 18 px of ticks and gap.
    expect(axisWidth(["$0", "$0.00100"])).toBe(74);
    expect(axisWidth(["0", "1"])).toBe(40);
    expect(axisWidth(null)).toBe(40);
  });
});
