"use client";

import type uPlot from "uplot";
import { useEffect, useMemo, useRef, useState } from "react";
import { Card, Flex, Heading, Text } from "@radix-ui/themes";
import { axisWidth, formatAxisTicks, formatChartValue, yRange, type ChartUnit } from "@/components/charts/chartFormat";
import { ChartLegend } from "@/components/charts/ChartLegend";
import { maxOf, nearestPoint, paddedExtent, scatterData, type ScatterSeries } from "@/components/charts/scatterData";
import { mountChart, PlotArea, themedAxis, type ChartOptions } from "@/components/charts/uplotChart";
import { useChartTheme } from "@/components/charts/useChartTheme";
import styles from "@/components/charts/Chart.module.css";

export type { ScatterSeries } from "@/components/charts/scatterData";

/** How far from the pointer (CSS pixels) a point still counts as hovered. */
const hoverRadiusPx = 12;

/** An axis title takes room only when there is one (a projection's axes have none). */
const axisLabel = (label: string): uPlot.Axis => (label ? { label, labelSize: 20 } : {});

/**
 * A scatter plot of many points (the drift map plots thousands) in one colour per series:
 * points only, on canvas, so 5 000+ points draw in milliseconds and hovering stays smooth.
 * Hovering names the point nearest the pointer (its label when the series has labels, else
 * its x and y). `fit: "zero"` runs both axes from zero (rates, counts); `"data"` spans the
 * points and hides the tick values, for a projection whose coordinates mean nothing alone.
 * `summary` is the text alternative (a table of thousands of points helps nobody).
 */
export function ScatterChart({
  title,
  summary,
  series,
  xLabel,
  yLabel,
  xUnit = "score",
  yUnit = "score",
  fit = "zero",
  height = 280,
}: {
  title: string;
  summary: string;
  series: ScatterSeries[];
  xLabel: string;
  yLabel: string;
  xUnit?: ChartUnit;
  yUnit?: ChartUnit;
  fit?: "zero" | "data";
  height?: number;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const theme = useChartTheme(containerRef);
  const [hovered, setHovered] = useState<number | null>(null);
  const data = useMemo(() => scatterData(series), [series]);
  const ranges = useMemo(() => {
    if (fit === "data") return { x: paddedExtent(data.xs), y: paddedExtent(data.ys) };
    return { x: yRange(xUnit, maxOf(data.xs)), y: yRange(yUnit, maxOf(data.ys)) };
  }, [data, fit, xUnit, yUnit]);

  useEffect(() => {
    const element = containerRef.current;
    if (!element || !theme) return;
    const ticks = fit === "zero";
    const options: ChartOptions = {
      scales: { x: { time: false, range: () => [ranges.x.min, ranges.x.max] }, y: { range: () => [ranges.y.min, ranges.y.max] } },
      axes: [
        themedAxis(theme, {
          ...axisLabel(xLabel),
          ...(ticks ? {} : { size: 8 + (xLabel ? 20 : 0) }),
          values: (_plot, values) => (ticks ? formatAxisTicks(xUnit, values) : values.map(() => "")),
        }),
        themedAxis(theme, {
          ...axisLabel(yLabel),
          size: (_plot, labels) => (ticks ? axisWidth(labels) : 8) + (yLabel ? 20 : 0),
          values: (_plot, values) => (ticks ? formatAxisTicks(yUnit, values) : values.map(() => "")),
        }),
      ],
      series: [
        {},
        ...series.map((entry, index): uPlot.Series => {
          const colour = theme.series[index % theme.series.length] ?? theme.text;
          // No line between points: a scatter plot is its points.
          return {
            label: entry.name,
            stroke: colour,
            paths: () => null,
            points: { show: true, size: 4, width: 0, fill: colour, stroke: colour },
          };
        }),
      ],
    };
    // The hovered point is found in two dimensions below; uPlot's own cursor point (nearest x only) is not drawn.
    const unmount = mountChart(element, options, [data.xs, ...data.seriesYs] as uPlot.AlignedData, {
      height,
      cursorPointSize: 0,
      onCursor: () => undefined,
    });
    const over = element.querySelector<HTMLElement>(".u-over");
    const move = (event: PointerEvent) => {
      if (!over) return;
      const box = over.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return;
      const pxPerUnit = { x: box.width / (ranges.x.max - ranges.x.min), y: box.height / (ranges.y.max - ranges.y.min) };
      const pointer = {
        x: ranges.x.min + (event.clientX - box.left) / pxPerUnit.x,
        y: ranges.y.max - (event.clientY - box.top) / pxPerUnit.y,
      };
      setHovered(nearestPoint(data, pointer, pxPerUnit, hoverRadiusPx));
    };
    const leave = () => {
      setHovered(null);
    };
    over?.addEventListener("pointermove", move);
    over?.addEventListener("pointerleave", leave);
    return () => {
      over?.removeEventListener("pointermove", move);
      over?.removeEventListener("pointerleave", leave);
      unmount();
    };
  }, [theme, data, series, ranges, fit, xUnit, yUnit, xLabel, yLabel, height]);

  const source = hovered === null ? undefined : data.sources[hovered];
  const hoveredSeries = source ? series[source.series] : undefined;
  const hoveredLabel = source ? hoveredSeries?.labels?.[source.index] : undefined;
  const colourOf = (index: number) => theme?.series[index % theme.series.length] ?? "currentColor";
  return (
    <Card size="2">
      <Flex direction="column" gap="2">
        <Heading as="h3" size="2">
          {title}
        </Heading>
        <PlotArea
          containerRef={containerRef}
          height={height}
          label={`${title}: ${summary}`}
          emptyText={data.xs.length === 0 ? "No points" : null}
        />
        <ChartLegend
          heading={`${data.xs.length.toLocaleString("en")} points`}
          entries={series.map((entry, index) => ({
            name: entry.name,
            colour: colourOf(index),
            value: entry.xs.length.toLocaleString("en"),
          }))}
        />
        <Text size="1" color="gray" aria-live="polite" data-testid="scatter-hover">
          {source && hoveredSeries ? (
            <>
              <span className={styles.swatch} style={{ background: colourOf(source.series) }} aria-hidden="true" />{" "}
              <Text weight="medium">{hoveredSeries.name}:</Text>{" "}
              {hoveredLabel ??
                `${xLabel} ${formatChartValue(xUnit, data.xs[hovered ?? 0])}, ${yLabel} ${formatChartValue(yUnit, data.ys[hovered ?? 0])}`}
            </>
          ) : (
            "Point at a dot to read it."
          )}
        </Text>
      </Flex>
    </Card>
  );
}
