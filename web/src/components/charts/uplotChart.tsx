"use client";

import "uplot/dist/uPlot.min.css";
import uPlot from "uplot";
import type { Ref } from "react";
import { Text } from "@radix-ui/themes";
import type { ChartTheme } from "@/components/charts/useChartTheme";
import styles from "@/components/charts/Chart.module.css";

/** Axis options shared by the console's charts, in the theme's colours. */
export function themedAxis(theme: ChartTheme, extra: uPlot.Axis = {}): uPlot.Axis {
  return {
    stroke: theme.text,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.axis, width: 1, size: 4 },
    ...extra,
  };
}

/** What differs between the console's charts; the rest is set by `mountChart`. */
export type ChartOptions = Pick<uPlot.Options, "scales" | "axes" | "series" | "tzDate">;

/**
 * Draws a uPlot chart into `element` the way every console chart draws: the container's
 * width (and again whenever it resizes), no uPlot legend (ChartLegend draws it outside the
 * canvas), no drag-to-zoom, and the index under the cursor reported to `onCursor`.
 * Returns the clean-up for the effect that calls it.
 */
export function mountChart(
  element: HTMLElement,
  options: ChartOptions,
  data: uPlot.AlignedData,
  { height, cursorPointSize, onCursor }: { height: number; cursorPointSize: number; onCursor: (index: number | null) => void },
): () => void {
  const plot = new uPlot(
    {
      ...options,
      width: Math.max(element.clientWidth, 120),
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: cursorPointSize } },
      hooks: {
        setCursor: [
          (chart) => {
            onCursor(chart.cursor.idx ?? null);
          },
        ],
      },
    },
    data,
    element,
  );
  const observer = new ResizeObserver((entries) => {
    const width = Math.floor(entries[0]?.contentRect.width ?? 0);
    if (width > 0 && width !== plot.width) plot.setSize({ width, height });
  });
  observer.observe(element);
  return () => {
    observer.disconnect();
    plot.destroy();
  };
}

/**
 * The box a chart's canvas goes in: an image to assistive technology, named by `label`,
 * with `emptyText` over it while there is nothing to draw.
 */
export function PlotArea({
  containerRef,
  height,
  label,
  emptyText,
}: {
  containerRef: Ref<HTMLDivElement>;
  height: number;
  label: string;
  /** Shown over the empty plot; null once there is data. */
  emptyText: string | null;
}) {
  return (
    <div className={styles.plot} style={{ height }}>
      <div ref={containerRef} role="img" aria-label={label} />
      {emptyText === null ? null : (
        <div className={styles.empty}>
          <Text size="2" color="gray">
            {emptyText}
          </Text>
        </div>
      )}
    </div>
  );
}
