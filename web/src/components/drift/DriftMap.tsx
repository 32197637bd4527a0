"use client";

import { useMemo } from "react";
import type { DriftMap as DriftMapData } from "@/contracts/drift";
import { ScatterChart, type ScatterSeries } from "@/components/charts/ScatterChart";

/** The run's baseline and live samples projected together: a drift shows as live points where the baseline has none. */
export function DriftMap({ map }: { map: DriftMapData }) {
  const series = useMemo((): ScatterSeries[] => {
    const side = (which: "baseline" | "live", name: string): ScatterSeries => {
      const points = map.points.filter((point) => point.side === which);
      return { name, xs: points.map((point) => point.x), ys: points.map((point) => point.y), labels: points.map((point) => point.text) };
    };
    return [side("baseline", "Baseline"), side("live", "Live")];
  }, [map]);
  const [baseline, live] = series;
  return (
    <ScatterChart
      title="Map of baseline and live texts"
      summary={`${baseline?.xs.length ?? 0} baseline and ${live?.xs.length ?? 0} live texts placed by similarity: near points are alike. Axes have no units.`}
      series={series}
      xLabel=""
      yLabel=""
      fit="data"
      height={420}
    />
  );
}
