import { db } from "@/server/db/client";
import { getMetrics } from "@/server/metrics/metricsQuery";
import { metricsQuerySchema, metricRanges, type MetricFigures, type Metrics } from "@/contracts/metrics";
import { LineChart, type ChartSeries } from "@/components/metrics/LineChart";
import { formatMs, formatUsd } from "@/components/traces/format";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { datetimeLocalAsUtc, firstParam, type SearchParams } from "@/server/console/searchParams";

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const rate = (value: number | null) => (value === null ? "—" : percent(value));
const plain = (value: number) => Math.round(value).toLocaleString("en");

function series(metrics: Metrics, pick: (point: MetricFigures) => number | null, label?: string): ChartSeries[] {
  return metrics.series.map((s) => ({ name: label && metrics.breakdown === null ? label : s.key, values: s.points.map(pick) }));
}

export async function MetricsPage({ projectId, searchParams }: { projectId: string; searchParams: SearchParams }) {
  const parsed = metricsQuerySchema.safeParse({
    range: firstParam(searchParams.range),
    from: datetimeLocalAsUtc(firstParam(searchParams.from)),
    to: datetimeLocalAsUtc(firstParam(searchParams.to)),
    breakdown: firstParam(searchParams.breakdown),
  });
  const query = parsed.success ? parsed.data : metricsQuerySchema.parse({});
  const metrics = await getMetrics(db(), projectId, query, new Date());
  const times = metrics.series[0]?.points.map((point) => point.t) ?? [];
  const totals = metrics.totals;
  const latency: ChartSeries[] =
    metrics.breakdown === null
      ? [
          { name: "p50", values: metrics.series[0]?.points.map((p) => p.latencyP50Ms) ?? [] },
          { name: "p95", values: metrics.series[0]?.points.map((p) => p.latencyP95Ms) ?? [] },
          { name: "p99", values: metrics.series[0]?.points.map((p) => p.latencyP99Ms) ?? [] },
        ]
      : series(metrics, (p) => p.latencyP95Ms);
  const tiles: [string, string][] = [
    ["Requests", plain(totals.requests)],
    ["Error rate", rate(totals.errorRate)],
    ["Latency p50", formatMs(totals.latencyP50Ms === null ? null : Math.round(totals.latencyP50Ms))],
    ["Latency p95", formatMs(totals.latencyP95Ms === null ? null : Math.round(totals.latencyP95Ms))],
    ["Latency p99", formatMs(totals.latencyP99Ms === null ? null : Math.round(totals.latencyP99Ms))],
    ["TTFT p50", formatMs(totals.ttftP50Ms === null ? null : Math.round(totals.ttftP50Ms))],
    ["TTFT p95", formatMs(totals.ttftP95Ms === null ? null : Math.round(totals.ttftP95Ms))],
    ["Cost", formatUsd(totals.costUsd)],
    ["Cost per request", formatUsd(totals.costPerRequestUsd)],
    ["Tokens in / out", `${plain(totals.inputTokens)} / ${plain(totals.outputTokens)}`],
    ["Feedback events", plain(totals.feedbackEvents)],
    ["Thumbs-down rate", rate(totals.thumbsDownRate)],
    ["Average rating", totals.averageRating === null ? "—" : `${totals.averageRating.toFixed(2)} / 5`],
    ["Negative-feedback rate", rate(totals.negativeFeedbackRate)],
  ];
  return (
    <>
      <h1>Metrics</h1>
      <form className="filters row" method="get" aria-label="Metrics range">
        <label>
          Range
          <select name="range" defaultValue={query.range ?? "24h"}>
            {metricRanges.map((range) => (
              <option key={range}>{range}</option>
            ))}
          </select>
        </label>
        <label>
          Custom from (UTC)
          <input name="from" type="datetime-local" defaultValue={query.from?.slice(0, 16) ?? ""} />
        </label>
        <label>
          Custom to (UTC)
          <input name="to" type="datetime-local" defaultValue={query.to?.slice(0, 16) ?? ""} />
        </label>
        <label>
          Breakdown
          <select name="breakdown" defaultValue={query.breakdown ?? ""}>
            <option value="">none</option>
            <option value="model">model</option>
            <option value="release">release</option>
            <option value="promptVersion">prompt version</option>
          </select>
        </label>
        <button type="submit" className="primary">
          Show
        </button>
      </form>
      <ErrorMessage error={parsed.success ? null : parsed.error.issues.map((issue) => issue.message).join("; ")} />
      <p className="muted">
        {metrics.from.replace("T", " ").slice(0, 16)} to {metrics.to.replace("T", " ").slice(0, 16)} UTC, one point per{" "}
        {metrics.stepSeconds / 60} min. Percentiles are within {metrics.percentileAccuracy * 100}% of exact.
      </p>
      <section className="tiles" aria-label="Totals">
        {tiles.map(([label, value]) => (
          <div key={label} className="tile">
            <span className="muted">{label}</span>
            <strong>{value}</strong>
          </div>
        ))}
      </section>
      <section className="charts">
        <LineChart title="Requests" times={times} series={series(metrics, (p) => p.requests, "requests")} valueFormat="count" />
        <LineChart title="Error rate" times={times} series={series(metrics, (p) => p.errorRate, "error rate")} valueFormat="percent" />
        <LineChart title={metrics.breakdown === null ? "Latency" : "Latency p95"} times={times} series={latency} valueFormat="ms" />
        <LineChart title="Time to first token p95" times={times} series={series(metrics, (p) => p.ttftP95Ms, "p95")} valueFormat="ms" />
        <LineChart title="Cost" times={times} series={series(metrics, (p) => p.costUsd, "cost")} valueFormat="usd" />
        <LineChart title="Feedback volume" times={times} series={series(metrics, (p) => p.feedbackEvents, "events")} valueFormat="count" />
        <LineChart
          title="Thumbs-down rate"
          times={times}
          series={series(metrics, (p) => p.thumbsDownRate, "thumbs down")}
          valueFormat="percent"
        />
        <LineChart
          title="Negative-feedback rate"
          times={times}
          series={series(metrics, (p) => p.negativeFeedbackRate, "negative")}
          valueFormat="percent"
        />
        <LineChart
          title="Tokens"
          times={times}
          series={series(metrics, (p) => p.inputTokens + p.outputTokens, "tokens")}
          valueFormat="count"
        />
      </section>
      {metrics.breakdown ? (
        <section className="panel">
          <h2>By {metrics.breakdown}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{metrics.breakdown}</th>
                <th scope="col">Requests</th>
                <th scope="col">Error rate</th>
                <th scope="col">p95 latency</th>
                <th scope="col">Cost</th>
                <th scope="col">Feedback</th>
                <th scope="col">Thumbs-down rate</th>
                <th scope="col">Average rating</th>
                <th scope="col">Negative-feedback rate</th>
              </tr>
            </thead>
            <tbody>
              {metrics.series.map((s) => (
                <tr key={s.key}>
                  <td>{s.key}</td>
                  <td>{plain(s.totals.requests)}</td>
                  <td>{rate(s.totals.errorRate)}</td>
                  <td>{formatMs(s.totals.latencyP95Ms === null ? null : Math.round(s.totals.latencyP95Ms))}</td>
                  <td>{formatUsd(s.totals.costUsd)}</td>
                  <td>{plain(s.totals.feedbackEvents)}</td>
                  <td>{rate(s.totals.thumbsDownRate)}</td>
                  <td>{s.totals.averageRating === null ? "—" : s.totals.averageRating.toFixed(2)}</td>
                  <td>{rate(s.totals.negativeFeedbackRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
