import { Button, Card, Flex, Grid, Heading, Table } from "@radix-ui/themes";
import type { MetricFigures, Metrics } from "@/contracts/metrics";
import type { MetricsPageView } from "@/server/metrics/metricsView";
import { TimeSeriesChart, type ChartSeries } from "@/components/charts/TimeSeriesChart";
import { formatChartValue, type ChartUnit } from "@/components/charts/chartFormat";
import { FilterSelect, type FilterOption } from "@/components/metrics/FilterSelect";
import { ScoreCharts } from "@/components/metrics/ScoreCharts";
import { TimeRangePicker } from "@/components/metrics/TimeRangePicker";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { StatTile } from "@/components/ui/StatTile";
import { formatTime } from "@/components/traces/format";

const breakdownLabel = { model: "Model", release: "Release", promptVersion: "Prompt version" } as const;
type Breakdown = keyof typeof breakdownLabel;
const breakdowns: Breakdown[] = ["model", "release", "promptVersion"];

/** "By model": the choice in the filter and the heading of the table it adds. */
function byBreakdown(breakdown: Breakdown): string {
  return `By ${breakdownLabel[breakdown].toLowerCase()}`;
}

const breakdownOptions: FilterOption[] = [
  { value: "", label: "No breakdown" },
  ...breakdowns.map((breakdown) => ({ value: breakdown, label: byBreakdown(breakdown) })),
];

function series(metrics: Metrics, pick: (point: MetricFigures) => number | null, label: string): ChartSeries[] {
  return metrics.series.map((s) => ({ name: metrics.breakdown === null ? label : s.key, values: s.points.map(pick) }));
}

function stepText(stepSeconds: number): string {
  return stepSeconds >= 86_400 ? `${stepSeconds / 86_400} d` : stepSeconds >= 3600 ? `${stepSeconds / 3600} h` : `${stepSeconds / 60} min`;
}

interface ChartSpec {
  title: string;
  unit: ChartUnit;
  series: ChartSeries[];
}

/**
 * Requests, errors, latency, cost and feedback over a range: headline figures, then the score
 * charts when there are scores (quality is what people come here for, so it sits above the
 * fold rather than after nine operational charts), then one chart per figure.
 */
export function MetricsPage({ view }: { view: MetricsPageView }) {
  const { metrics, query, error } = view;
  const totals = metrics.totals;
  const times = metrics.series[0]?.points.map((point) => point.t) ?? [];
  const step = stepText(metrics.stepSeconds);
  const all = metrics.series[0]?.points ?? [];
  const charts: ChartSpec[] = [
    { title: "Requests", unit: "count", series: series(metrics, (p) => p.requests, "Requests") },
    { title: "Error rate", unit: "percent", series: series(metrics, (p) => p.errorRate, "Error rate") },
    {
      title: metrics.breakdown === null ? "Latency" : "Latency p95",
      unit: "ms",
      series:
        metrics.breakdown === null
          ? [
              { name: "p50", values: all.map((p) => p.latencyP50Ms) },
              { name: "p95", values: all.map((p) => p.latencyP95Ms) },
              { name: "p99", values: all.map((p) => p.latencyP99Ms) },
            ]
          : series(metrics, (p) => p.latencyP95Ms, "p95"),
    },
    { title: "Time to first token p95", unit: "ms", series: series(metrics, (p) => p.ttftP95Ms, "p95") },
    { title: "Cost", unit: "usd", series: series(metrics, (p) => p.costUsd, "Cost") },
    { title: "Tokens", unit: "count", series: series(metrics, (p) => p.inputTokens + p.outputTokens, "Tokens") },
    { title: "Feedback volume", unit: "count", series: series(metrics, (p) => p.feedbackEvents, "Events") },
    { title: "Thumbs-down rate", unit: "percent", series: series(metrics, (p) => p.thumbsDownRate, "Thumbs down") },
    { title: "Negative-feedback rate", unit: "percent", series: series(metrics, (p) => p.negativeFeedbackRate, "Negative") },
  ];
  const tiles: [string, string][] = [
    ["Requests", formatChartValue("count", totals.requests)],
    ["Error rate", formatChartValue("percent", totals.errorRate)],
    ["Latency p50", formatChartValue("ms", totals.latencyP50Ms)],
    ["Latency p95", formatChartValue("ms", totals.latencyP95Ms)],
    ["Latency p99", formatChartValue("ms", totals.latencyP99Ms)],
    ["TTFT p50", formatChartValue("ms", totals.ttftP50Ms)],
    ["TTFT p95", formatChartValue("ms", totals.ttftP95Ms)],
    ["Cost", formatChartValue("usd", totals.costUsd)],
    ["Cost per request", formatChartValue("usd", totals.costPerRequestUsd)],
    ["Tokens in / out", `${formatChartValue("count", totals.inputTokens)} / ${formatChartValue("count", totals.outputTokens)}`],
    ["Feedback events", formatChartValue("count", totals.feedbackEvents)],
    ["Thumbs-down rate", formatChartValue("percent", totals.thumbsDownRate)],
    ["Average rating", totals.averageRating === null ? "—" : `${totals.averageRating.toFixed(2)} / 5`],
    ["Negative-feedback rate", formatChartValue("percent", totals.negativeFeedbackRate)],
  ];
  const hasScores = view.scores.score !== null;
  const scoreCharts = <ScoreCharts scores={view.scores} query={view.scoreQuery} step={step} />;
  return (
    <>
      <PageHeader
        title="Metrics"
        description={`${formatTime(metrics.from).slice(0, 16)} to ${formatTime(metrics.to).slice(0, 16)} UTC, one point per ${step}. Percentiles are within ${metrics.percentileAccuracy * 100}% of exact. Figures are refreshed every 30 s.`}
      />
      <Flex direction="column" gap="4">
        <form method="get" aria-label="Metrics range">
          <Flex gap="2" align="center" wrap="wrap">
            <TimeRangePicker range={query.range} from={query.from} to={query.to} allowAnyTime={false} />
            <FilterSelect name="breakdown" label="Breakdown" defaultValue={query.breakdown ?? ""} options={breakdownOptions} />
            {/* The score picked below stays picked when the range or breakdown changes. */}
            {view.scoreQuery.name ? <input type="hidden" name="name" value={view.scoreQuery.name} /> : null}
            {view.scoreQuery.threshold !== undefined ? <input type="hidden" name="threshold" value={view.scoreQuery.threshold} /> : null}
            <Button type="submit" variant="soft">
              Show
            </Button>
          </Flex>
        </form>
        <ErrorMessage error={error} />
        <Grid columns={{ initial: "2", sm: "4", md: "7" }} gap="3" asChild>
          <section aria-label="Totals">
            {tiles.map(([label, value]) => (
              <StatTile key={label} label={label} value={value} />
            ))}
          </section>
        </Grid>
        {hasScores ? scoreCharts : null}
        <Grid columns={{ initial: "1", md: "2", xl: "3" }} gap="4" asChild>
          <section aria-label="Charts">
            {charts.map((chart) => (
              <TimeSeriesChart
                key={chart.title}
                title={chart.title}
                description={`Per ${step}`}
                times={times}
                series={chart.series}
                unit={chart.unit}
              />
            ))}
          </section>
        </Grid>
        {/* Without scores the card only says how to get some: below the charts that have data. */}
        {hasScores ? null : scoreCharts}
        {metrics.breakdown ? <BreakdownTable metrics={metrics} breakdown={metrics.breakdown} /> : null}
      </Flex>
    </>
  );
}

function BreakdownTable({ metrics, breakdown }: { metrics: Metrics; breakdown: Breakdown }) {
  return (
    <Card size="2" asChild>
      <section aria-labelledby="breakdown-heading">
        <Heading as="h2" size="3" mb="3" id="breakdown-heading">
          {byBreakdown(breakdown)}
        </Heading>
        <Table.Root size="1">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>{breakdownLabel[breakdown]}</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Requests</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Error rate</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">p95 latency</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Cost</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Feedback</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Thumbs-down rate</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Average rating</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Negative-feedback rate</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {metrics.series.map((s) => (
              <Table.Row key={s.key}>
                <Table.RowHeaderCell style={{ whiteSpace: "nowrap" }}>{s.key}</Table.RowHeaderCell>
                <Table.Cell justify="end">{formatChartValue("count", s.totals.requests)}</Table.Cell>
                <Table.Cell justify="end">{formatChartValue("percent", s.totals.errorRate)}</Table.Cell>
                <Table.Cell justify="end">{formatChartValue("ms", s.totals.latencyP95Ms)}</Table.Cell>
                <Table.Cell justify="end">{formatChartValue("usd", s.totals.costUsd)}</Table.Cell>
                <Table.Cell justify="end">{formatChartValue("count", s.totals.feedbackEvents)}</Table.Cell>
                <Table.Cell justify="end">{formatChartValue("percent", s.totals.thumbsDownRate)}</Table.Cell>
                <Table.Cell justify="end">{s.totals.averageRating === null ? "—" : s.totals.averageRating.toFixed(2)}</Table.Cell>
                <Table.Cell justify="end">{formatChartValue("percent", s.totals.negativeFeedbackRate)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      </section>
    </Card>
  );
}
