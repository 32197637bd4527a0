import { Button, Card, Flex, Grid, Heading, Text, TextField } from "@radix-ui/themes";
import type { ScoreMetrics, ScoreMetricsQuery } from "@/contracts/metrics";
import { TimeSeriesChart, type ChartSeries } from "@/components/charts/TimeSeriesChart";
import { formatChartValue } from "@/components/charts/chartFormat";
import { FilterSelect, type FilterOption } from "@/components/metrics/FilterSelect";
import { atOrWorseText, directionText, scoreLabel } from "@/components/scores/scoreLabels";

type Score = NonNullable<ScoreMetrics["score"]>;

function series(scores: ScoreMetrics, score: Score, pick: (point: Score["totals"]) => number | null, label: string): ChartSeries[] {
  return score.series.map((s) => ({ name: scores.breakdown === null ? label : s.key, values: s.points.map(pick) }));
}

/** The scores the picker offers, by label with their counts; categories have no average, so are left out. */
export function scoreOptions(names: ScoreMetrics["names"]): FilterOption[] {
  return names
    .filter((entry) => entry.dataType !== "categorical")
    .map((entry) => ({ value: entry.name, label: `${scoreLabel(entry.name)} (${formatChartValue("count", entry.count)})` }));
}

/** Hidden fields that keep the page's range and breakdown when the score form is sent. */
function KeepQuery({ query }: { query: ScoreMetricsQuery }) {
  const kept = { range: query.range, from: query.from, to: query.to, breakdown: query.breakdown };
  return (
    <>
      {Object.entries(kept).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
    </>
  );
}

/**
 * The Scores part of the metrics page: pick a score that has data, then its average and
 * the share of traces at or past a threshold (the config's review threshold unless one is
 * given) over time, with the direction said in words, so a rising line reads right.
 */
export function ScoreCharts({ scores, query, step }: { scores: ScoreMetrics; query: ScoreMetricsQuery; step: string }) {
  const score = scores.score;
  const times = score?.series[0]?.points.map((point) => point.t) ?? [];
  const label = score ? scoreLabel(score.name) : "";
  const averageUnit = score?.dataType === "boolean" ? "percent" : "score";
  return (
    <Card size="2" asChild>
      <section aria-labelledby="scores-heading">
        <Flex direction="column" gap="3">
          <Flex justify="between" align="center" gap="3" wrap="wrap">
            <Flex direction="column" gap="0">
              <Heading as="h2" size="3" id="scores-heading">
                Scores
              </Heading>
              {score ? (
                <Text size="1" color="gray">
                  {label}: {directionText(score.higherIsBetter)}. Each trace counts once, with its latest score.
                </Text>
              ) : null}
            </Flex>
            {scores.names.length > 0 ? (
              <form method="get" aria-label="Score shown">
                <Flex gap="2" align="center" wrap="wrap">
                  <KeepQuery query={query} />
                  <FilterSelect name="name" label="Score" defaultValue={score?.name ?? ""} options={scoreOptions(scores.names)} />
                  <TextField.Root
                    name="threshold"
                    type="number"
                    step="any"
                    aria-label="Threshold"
                    placeholder={score && score.threshold !== null ? `Threshold ${score.threshold}` : "Threshold"}
                    defaultValue={query.threshold ?? ""}
                    style={{ width: "9rem" }}
                  />
                  <Button type="submit" variant="soft">
                    Show
                  </Button>
                </Flex>
              </form>
            ) : null}
          </Flex>
          {score === null ? (
            <Text as="p" size="2" color="gray">
              No scores in this range: scores from evaluators, the scores API and annotators appear here once recorded.
            </Text>
          ) : (
            <Grid columns={{ initial: "1", md: "2" }} gap="4">
              <TimeSeriesChart
                title={`${label}: average`}
                description={`Per ${step}; ${directionText(score.higherIsBetter)}`}
                times={times}
                series={series(scores, score, (p) => p.average, "Average")}
                unit={averageUnit}
                {...(score.max !== null && score.min === 0 ? { yMax: score.max } : {})}
              />
              <TimeSeriesChart
                title={
                  score.threshold === null
                    ? `${label}: no threshold`
                    : `${label}: ${atOrWorseText(score.dataType, score.higherIsBetter, score.threshold)}`
                }
                description={
                  score.threshold === null
                    ? "No review threshold is configured for this score: give one above."
                    : `Per ${step}; share of scored traces this bad or worse`
                }
                times={times}
                series={series(scores, score, (p) => p.atOrWorseShare, "Share")}
                unit="percent"
              />
            </Grid>
          )}
        </Flex>
      </section>
    </Card>
  );
}
