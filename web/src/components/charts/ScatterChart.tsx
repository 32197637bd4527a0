"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { Card, Flex, Heading } from "@radix-ui/themes";
import { axisWidth, formatAxisTicks, formatChartValue, yRange, type ChartUnit } from "@/components/charts/chartFormat";
import { ChartLegend } from "@/components/charts/ChartLegend";
import { maxOf, scatterData } from "@/components/charts/scatterData";
import { mountChart, PlotArea, themedAxis, type ChartOptions } from "@/components/charts/uplotChart";
import { useChartTheme } from "@/components/charts/useChartTheme";

/**
 * A scatter plot of many points (the drift view plots thousands): points only, no lines,
 * on canvas, so 5 000+ points draw in milliseconds and hovering stays smooth. The cursor
 * snaps to the nearest x; the legend shows that point. `summary` is the text alternative
 * (a table of thousands of points helps nobody).
 */
export function ScatterChart({
  title,
  summary,
  xs,
  ys,
  xLabel,
  yLabel,
  xUnit,
  yUnit,
  height = 280,
}: {
  title: string;
  summary: string;
  xs: number[];
  ys: number[];
  xLabel: string;
  yLabel: string;
  xUnit: ChartUnit;
  yUnit: ChartUnit;
  height?: number;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const theme = useChartTheme(containerRef);
  const [cursorIdx, setCursorIdx] = useState<number | null>(null);
  const data = useMemo(() => scatterData(xs, ys), [xs, ys]);

  useEffect(() => {
    const element = containerRef.current;
    if (!element || !theme) return;
    const xRange = yRange(xUnit, maxOf(data[0]));
    const range = yRange(yUnit, maxOf(data[1]));
    const colour = theme.series[0] ?? theme.text;
    const options: ChartOptions = {
      scales: { x: { time: false, range: () => [xRange.min, xRange.max] }, y: { range: () => [range.min, range.max] } },
      axes: [
        themedAxis(theme, { label: xLabel, labelSize: 20, values: (_plot, ticks) => formatAxisTicks(xUnit, ticks) }),
        themedAxis(theme, {
          label: yLabel,
          labelSize: 20,
          size: (_plot, labels) => axisWidth(labels) + 20,
          values: (_plot, ticks) => formatAxisTicks(yUnit, ticks),
        }),
      ],
      series: [
        {},
        {
          label: yLabel,
          stroke: colour,
          // No line between points: a scatter plot is its points.
          paths: () => null,
          points: { show: true, size: 4, width: 0, fill: colour, stroke: colour },
        },
      ],
    };
    return mountChart(element, options, data, { height, cursorPointSize: 8, onCursor: setCursorIdx });
  }, [theme, data, xUnit, yUnit, xLabel, yLabel, height]);

  const x = cursorIdx === null ? undefined : data[0][cursorIdx];
  const y = cursorIdx === null ? undefined : data[1][cursorIdx];
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
          emptyText={data[0].length === 0 ? "No points" : null}
        />
        <ChartLegend
          heading={`${data[0].length.toLocaleString("en")} points`}
          entries={[
            { name: xLabel, colour: "transparent", value: formatChartValue(xUnit, x) },
            { name: yLabel, colour: theme?.series[0] ?? "currentColor", value: formatChartValue(yUnit, y) },
          ]}
        />
      </Flex>
    </Card>
  );
}
