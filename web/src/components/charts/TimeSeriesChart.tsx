"use client";

import uPlot from "uplot";
import { useEffect, useMemo, useRef, useState } from "react";
import { Card, Flex, Heading, Text, VisuallyHidden } from "@radix-ui/themes";
import {
  axisWidth,
  formatAxisTicks,
  formatChartTime,
  formatChartValue,
  formatTimeTicks,
  isolatedPointIndices,
  yRange,
  type ChartUnit,
} from "@/components/charts/chartFormat";
import { ChartLegend } from "@/components/charts/ChartLegend";
import { useChartTheme } from "@/components/charts/useChartTheme";
import { mountChart, PlotArea, themedAxis, type ChartOptions } from "@/components/charts/uplotChart";

export interface ChartSeries {
  name: string;
  /** One value per time; null where the bucket had nothing to measure (drawn as a gap). */
  values: (number | null)[];
}

// Counts step by whole numbers: "0, 0.5, 1" requests is not a thing.
const countIncrs = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1e3, 2e3, 2.5e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 1e7, 1e8];

/**
 * A time series chart (uPlot on canvas): UTC time axis, a y axis from zero with ticks in
 * the series' unit, a legend with the values under the cursor, the theme's colours, and
 * the container's width. Buckets without data are gaps; a value with no neighbour is a dot.
 * Screen readers get the chart's name and its figures as a table.
 */
export function TimeSeriesChart({
  title,
  description,
  times,
  series,
  unit,
  height = 200,
  yMax,
}: {
  title: string;
  description?: string;
  times: string[];
  series: ChartSeries[];
  unit: ChartUnit;
  height?: number;
  /** The top of the y axis when the unit has one (a score's range); by default a round number above the data. */
  yMax?: number;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const theme = useChartTheme(containerRef);
  const [cursorIdx, setCursorIdx] = useState<number | null>(null);
  const xs = useMemo(() => times.map((time) => Date.parse(time) / 1000), [times]);
  const dataMax = useMemo(() => {
    const values = series.flatMap((s) => s.values.filter((value): value is number => value !== null));
    return values.length === 0 ? null : Math.max(...values);
  }, [series]);

  useEffect(() => {
    const element = containerRef.current;
    if (!element || !theme) return;
    const range = yMax !== undefined && yMax > 0 ? { min: 0, max: yMax, zeroOnly: false } : yRange(unit, dataMax);
    const isolated = series.map((s) => isolatedPointIndices(s.values));
    const options: ChartOptions = {
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      scales: { x: { time: true }, y: { range: () => [range.min, range.max] } },
      axes: [
        themedAxis(theme, { values: (_plot, ticks, _axis, _space, step) => formatTimeTicks(ticks, step) }),
        themedAxis(theme, {
          size: (_plot, labels) => axisWidth(labels),
          values: (_plot, ticks) => formatAxisTicks(unit, ticks),
          ...(range.zeroOnly ? { splits: () => [0] } : {}),
          ...(unit === "count" ? { incrs: countIncrs } : {}),
        }),
      ],
      series: [
        {},
        ...series.map((s, index): uPlot.Series => {
          const colour = theme.series[index % theme.series.length] ?? theme.text;
          const dots = isolated[index] ?? [];
          return {
            label: s.name,
            stroke: colour,
            width: 2,
            spanGaps: false,
            points: { show: false, size: 6, fill: colour, stroke: colour, filter: () => (dots.length > 0 ? dots : null) },
          };
        }),
      ],
    };
    return mountChart(element, options, [xs, ...series.map((s) => s.values)] as uPlot.AlignedData, {
      height,
      cursorPointSize: 7,
      onCursor: setCursorIdx,
    });
  }, [theme, xs, series, unit, height, dataMax, yMax]);

  // Without a cursor the legend shows the latest value of each series.
  const shownIdx = cursorIdx ?? lastIndexWithData(series);
  const legendHeading = shownIdx === null ? "No data" : `${cursorIdx === null ? "Latest" : "At"} ${formatChartTime(xs[shownIdx] ?? 0)}`;
  const rowsWithData = times.flatMap((time, index) => (series.some((s) => s.values[index] != null) ? [{ time, index }] : []));
  return (
    <Card size="2" asChild>
      <section aria-label={title}>
        <Flex direction="column" gap="2">
          <Flex direction="column" gap="0">
            <Heading as="h3" size="2">
              {title}
            </Heading>
            {description ? (
              <Text size="1" color="gray">
                {description}
              </Text>
            ) : null}
          </Flex>
          <PlotArea
            containerRef={containerRef}
            height={height}
            label={`${title} chart; its figures are in the table that follows`}
            emptyText={dataMax === null ? "No data in this range" : null}
          />
          <ChartLegend
            heading={legendHeading}
            entries={series.map((s, index) => ({
              name: s.name,
              colour: theme?.series[index % theme.series.length] ?? "currentColor",
              value: shownIdx === null ? "—" : formatChartValue(unit, s.values[shownIdx]),
            }))}
          />
          <VisuallyHidden>
            <table>
              <caption>Figures of {title}</caption>
              <thead>
                <tr>
                  <th scope="col">Time (UTC)</th>
                  {series.map((s) => (
                    <th key={s.name} scope="col">
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rowsWithData.map(({ time, index }) => (
                  <tr key={time}>
                    <th scope="row">{formatChartTime(Date.parse(time) / 1000)}</th>
                    {series.map((s) => (
                      <td key={s.name}>{formatChartValue(unit, s.values[index])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </VisuallyHidden>
        </Flex>
      </section>
    </Card>
  );
}

function lastIndexWithData(series: ChartSeries[]): number | null {
  const length = Math.max(0, ...series.map((s) => s.values.length));
  for (let index = length - 1; index >= 0; index--) if (series.some((s) => s.values[index] != null)) return index;
  return null;
}
