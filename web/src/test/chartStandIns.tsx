import type { ChartSeries } from "@/components/charts/TimeSeriesChart";
import type { ScatterSeries } from "@/components/charts/ScatterChart";

// The charts draw on a canvas the test DOM lacks. Component tests mock them with these
// stand-ins, which show what they were given to draw:
//   vi.mock("@/components/charts/TimeSeriesChart", () => import("@/test/chartStandIns"));

export function TimeSeriesChart({ title, series }: { title: string; series: ChartSeries[] }) {
  return (
    <figure aria-label={title}>
      {series.map((s) => (
        <p key={s.name}>
          {s.name}: {s.values.map((value) => (value === null ? "gap" : String(value))).join(" ")}
        </p>
      ))}
    </figure>
  );
}

export function ScatterChart({ title, series }: { title: string; series: ScatterSeries[] }) {
  return (
    <figure aria-label={title}>
      {series.map((s) => (
        <p key={s.name}>
          {s.name}: {s.labels?.join(" | ")}
        </p>
      ))}
    </figure>
  );
}
