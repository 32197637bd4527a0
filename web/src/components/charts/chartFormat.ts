import { formatMs, formatUsd } from "@/components/traces/format";

/** What a chart's numbers are; a name, because server pages cannot hand functions to client components. */
export type ChartUnit = "count" | "percent" | "ms" | "usd" | "score";

/**
 * Digits after the decimal point that `step` needs (0.25 -> 2, 0.005 -> 3, 5 -> 0). Read
 * from the number's fixed-point text, rounded to 10 significant digits first, because tick
 * steps come out of float arithmetic (0.1 + 0.2).
 */
export function decimalsOf(step: number): number {
  if (!Number.isFinite(step) || step === 0) return 0;
  const text = Math.abs(Number(step.toPrecision(10)))
    .toFixed(12)
    .replace(/0+$/, "");
  const dot = text.indexOf(".");
  return dot === -1 ? 0 : text.length - dot - 1;
}

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/**
 * Tick labels for a y axis: every label of one axis has the same precision, taken from the
 * step between ticks, so "$0.005, $0.010" and "0.5 s, 1.0 s" line up; zero reads "0", "$0", "0%".
 */
export function formatAxisTicks(unit: ChartUnit, ticks: number[]): string[] {
  const step = ticks.length > 1 ? Math.abs((ticks[1] ?? 0) - (ticks[0] ?? 0)) : Math.abs(ticks[0] ?? 0);
  const max = Math.max(0, ...ticks.map(Math.abs));
  return ticks.map((value) => {
    switch (unit) {
      case "count":
        return Math.abs(value) >= 10_000 ? compact.format(value) : value.toLocaleString("en", { maximumFractionDigits: decimalsOf(step) });
      case "percent":
        return value === 0 ? "0%" : `${(value * 100).toFixed(decimalsOf(step * 100))}%`;
      case "usd":
        return value === 0 ? "$0" : `$${value.toFixed(Math.max(decimalsOf(step), 2))}`;
      case "score":
        return value.toFixed(decimalsOf(step));
      case "ms":
        if (value === 0) return max >= 1000 ? "0 s" : "0 ms";
        return max >= 1000 ? `${(value / 1000).toFixed(decimalsOf(step / 1000))} s` : `${value.toFixed(decimalsOf(step))} ms`;
    }
  });
}

/** One value as the legend and the figures table read it; null (no data in that bucket) is a dash. */
export function formatChartValue(unit: ChartUnit, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "count":
      return Math.round(value).toLocaleString("en");
    case "percent":
      return `${(value * 100).toFixed(1)}%`;
    case "ms":
      return formatMs(Math.round(value));
    case "usd":
      return formatUsd(value);
    case "score":
      return value.toFixed(2);
  }
}

/** The smallest of 1, 2, 2.5, 5 x 10^k at or above `value` (a round top for an axis). */
export function niceCeil(value: number): number {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    const candidate = Number((factor * power).toPrecision(12));
    if (candidate >= value) return candidate;
  }
  return 10 * power;
}

/**
 * The y range of a chart: from zero (every figure here is a count, a rate, a duration or a
 * cost) to a round number just above the largest value. All-zero or empty data gets a
 * nominal range, drawn with a single "0" tick (see `zeroOnly`), so a zero cost never reads
 * "$1.0000". Rates stop at 100%.
 */
export function yRange(unit: ChartUnit, dataMax: number | null): { min: number; max: number; zeroOnly: boolean } {
  if (dataMax === null || !(dataMax > 0)) return { min: 0, max: 1, zeroOnly: true };
  const top = niceCeil(dataMax * 1.05);
  return { min: 0, max: unit === "percent" ? Math.min(1, top) : unit === "count" ? Math.max(1, top) : top, zeroOnly: false };
}

/**
 * Indices of values with no value on either side. A line needs two neighbouring points, so
 * without a dot these would not be drawn at all: three traces in one minute of a 24 h
 * chart are exactly such a point.
 */
export function isolatedPointIndices(values: readonly (number | null)[]): number[] {
  const isolated: number[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    const before = index > 0 ? values[index - 1] : null;
    const after = index < values.length - 1 ? values[index + 1] : null;
    if ((before ?? null) === null && (after ?? null) === null) isolated.push(index);
  });
  return isolated;
}

/** "2026-11-27 14:05 UTC": the console reads and shows times in UTC. */
export function formatChartTime(epochSeconds: number): string {
  return `${new Date(epochSeconds * 1000).toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

const monthDay = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * Time-axis labels in UTC and 24-hour time ("14:00"), with the date under the first tick
 * and under each tick that starts a new day; ticks a day or more apart show only the date.
 */
export function formatTimeTicks(epochSeconds: number[], stepSeconds: number): string[] {
  let previousDay: string | null = null;
  return epochSeconds.map((seconds) => {
    const date = new Date(seconds * 1000);
    const day = monthDay.format(date);
    if (stepSeconds >= 86_400) return day;
    const time = date.toISOString().slice(11, 16);
    const label = day === previousDay ? time : `${time}\n${day}`;
    previousDay = day;
    return label;
  });
}

/** Width in CSS pixels a y axis needs for its longest label (about 7 px a character at 12 px, plus the ticks). */
export function axisWidth(labels: readonly string[] | null | undefined): number {
  const longest = Math.max(1, ...(labels ?? []).map((label) => label.length));
  return Math.max(40, Math.ceil(longest * 7 + 18));
}
