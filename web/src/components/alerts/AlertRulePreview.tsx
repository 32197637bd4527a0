"use client";

import { Callout, Flex, Text } from "@radix-ui/themes";
import { parseAlertMetric } from "@/contracts/alertMetrics";
import type { AlertPreview } from "@/contracts/alerts";
import { TimeSeriesChart, type ChartSeries } from "@/components/charts/TimeSeriesChart";
import { alertChartUnit } from "@/server/alerts/delivery/alertNotificationText";
import { formatUtcMinute } from "@/components/drift/driftLabels";

/**
 * The rule replayed over the last 7 days: the compared value of each group (the value, or
 * its change for a change rule), the levels as flat lines, and when it would have fired.
 */
export function AlertRulePreview({ metric, preview }: { metric: string; preview: AlertPreview }) {
  const parsed = parseAlertMetric(metric);
  const unit = preview.relative ? "percent" : typeof parsed === "string" ? "count" : alertChartUnit(parsed.unit);
  const times = preview.series[0]?.points.map((point) => point.t) ?? [];
  const flat = (name: string, level: number | null): ChartSeries[] => (level === null ? [] : [{ name, values: times.map(() => level) }]);
  const series: ChartSeries[] = [
    ...preview.series.map((entry) => ({
      name: entry.group || (preview.relative ? "Change" : "Value"),
      values: entry.points.map((point) => (preview.relative ? point.compared : point.value)),
    })),
    ...flat("Threshold", preview.levels.threshold),
    ...flat("Warning", preview.levels.warning),
    ...flat("Recovery", preview.levels.recovery),
  ];
  const count = preview.firings.length;
  return (
    <Flex direction="column" gap="2" data-testid="alert-preview">
      <TimeSeriesChart
        title="Last 7 days"
        description={`Evaluated every ${preview.stepSeconds / 60} minutes`}
        times={times}
        series={series}
        unit={unit}
        height={180}
      />
      <Callout.Root size="1" color={count ? "amber" : "gray"} variant="surface" highContrast>
        <Callout.Text>
          {count === 0
            ? "Would not have fired in the last 7 days."
            : `Would have fired ${count} time${count === 1 ? "" : "s"} in the last 7 days: ${preview.firings
                .slice(0, 3)
                .map(
                  (firing) =>
                    `${firing.group ? `${firing.group} ` : ""}${formatUtcMinute(firing.from)}${firing.to ? "" : " (still firing)"}`,
                )
                .join("; ")}${count > 3 ? "; …" : ""}.`}
        </Callout.Text>
      </Callout.Root>
      {preview.series.length === 0 ? (
        <Text size="1" color="gray">
          No data for this metric in the last 7 days.
        </Text>
      ) : null}
    </Flex>
  );
}
