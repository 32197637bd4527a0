import { Badge, Button, Callout, Flex, Heading, Table, Text } from "@radix-ui/themes";
import type { ReleaseMetricComparison } from "@/contracts/releases";
import type { ReleasesPageView } from "@/server/releases/releasesPageView";
import { formatChartValue } from "@/components/charts/chartFormat";
import { FilterSelect } from "@/components/metrics/FilterSelect";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { formatUtcMinute } from "@/components/drift/driftLabels";
import { NewRolloutDialog } from "@/components/releases/NewRolloutDialog";
import { RolloutsPanel } from "@/components/releases/RolloutsPanel";

type Verdict = ReleaseMetricComparison["verdict"];
const verdictBadge: Record<Verdict, { label: string; color: "green" | "red" | "gray" | "amber" }> = {
  better: { label: "Better", color: "green" },
  worse: { label: "Worse", color: "red" },
  no_difference: { label: "No difference", color: "gray" },
  not_enough_data: { label: "Not enough data yet", color: "gray" },
  sample_ratio_mismatch: { label: "Split mismatch", color: "amber" },
};
const rangeOptions = [
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
];

/** A value in its metric's unit; ratings and scores as plain numbers. */
function formatValue(unit: ReleaseMetricComparison["unit"], value: number | null): string {
  if (value === null) return "—";
  if (unit === "rating") return value.toFixed(2);
  if (unit === "score") return value.toFixed(3);
  return formatChartValue(unit, value);
}

const signed = (value: number, digits: number, suffix: string) =>
  `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(digits)}${suffix}`;
const signedPercent = (share: number) => signed(share * 100, 1, " %");
/** A change of a rate in percentage points: "+12.0 pts" reads plainer than +300 % of 4 %. */
const signedPoints = (share: number) => signed(share * 100, 1, " pts");

function intervalText(unit: ReleaseMetricComparison["unit"], ci: { lower: number | null; upper: number | null } | null): string {
  if (ci === null) return "";
  const side = (value: number | null, open: string) => (value === null ? open : formatValue(unit, value));
  return `${side(ci.lower, "…")} to ${side(ci.upper, "…")}`;
}

function Arm({ metric, side }: { metric: ReleaseMetricComparison; side: "baseline" | "candidate" }) {
  const arm = metric[side];
  return (
    <Flex direction="column">
      <Text>{formatValue(metric.unit, arm.value)}</Text>
      <Text size="1" color="gray">
        {arm.ci ? `${intervalText(metric.unit, arm.ci)} · ` : ""}n = {arm.n.toLocaleString("en")}
      </Text>
    </Flex>
  );
}

/** The change: relative for a mean with a non-zero baseline; for a percentile, the shift in the share above the baseline's. */
function Difference({ metric }: { metric: ReleaseMetricComparison }) {
  const { difference } = metric;
  if (!difference) return <Text color="gray">—</Text>;
  if (metric.differenceOf === "share_above_baseline_quantile")
    return (
      <Flex direction="column">
        <Text>{signedPoints(difference.estimate)}</Text>
        <Text size="1" color="gray">
          of requests above the baseline&apos;s {metric.label.split(" ").at(-1)}
        </Text>
      </Flex>
    );
  // Rates change in points; other means relative to the baseline, when it is not 0.
  const relative = metric.unit === "percent" ? null : difference.relative;
  const shown = relative ?? difference;
  const format = relative ? signedPercent : metric.unit === "percent" ? signedPoints : (value: number) => formatValue(metric.unit, value);
  return (
    <Flex direction="column">
      <Text>{format(shown.estimate)}</Text>
      <Text size="1" color="gray">
        {format(shown.ci.lower ?? Number.NaN)} to {format(shown.ci.upper ?? Number.NaN)}
      </Text>
    </Flex>
  );
}

/**
 * A candidate release against the baseline, metric by metric: each release's value with its
 * interval and sample size, the change, and a verdict that stays honest however often the
 * page is reloaded.
 */
export function ReleasesPage({ view }: { view: ReleasesPageView }) {
  const { comparison, query, releases } = view;
  // A rollout's releases may not have served yet: they are choices all the same.
  const labels = [...new Set([...releases.map((release) => release.release), ...(query ? [query.baseline, query.candidate] : [])])];
  const releaseOptions = labels.map((label) => ({ value: label, label }));
  return (
    <>
      <PageHeader
        title="Releases"
        description="Rollouts give a candidate to a growing share of users; the comparison puts it against the baseline over the same period. Intervals and verdicts are always valid: looking every hour does not raise false alarms."
        actions={
          view.manageable ? (
            <NewRolloutDialog
              projectId={view.projectId}
              releases={releases.map((release) => release.release)}
              channels={view.channels}
              scores={view.guardableScores}
              defaultBaseline={query?.baseline ?? releases[0]?.release ?? ""}
            />
          ) : undefined
        }
      />
      <Flex direction="column" gap="3" mb="5">
        <Heading as="h2" size="4">
          Rollouts
        </Heading>
        <RolloutsPanel view={view} />
      </Flex>
      <Heading as="h2" size="4" mb="3">
        Comparison
      </Heading>
      {comparison === null || query === null ? (
        <EmptyState title="Two releases are needed to compare">
          Send traces with a <code>release</code> label (a prompt version, a model swap, a deploy): once two releases have served, this page
          puts them side by side.
        </EmptyState>
      ) : (
        <Flex direction="column" gap="4">
          <form method="get" aria-label="Releases to compare">
            <Flex gap="3" align="end" wrap="wrap">
              <Flex direction="column" gap="1">
                <Text size="1" color="gray">
                  Baseline
                </Text>
                <FilterSelect name="baseline" label="Baseline" defaultValue={query.baseline} options={releaseOptions} />
              </Flex>
              <Flex direction="column" gap="1">
                <Text size="1" color="gray">
                  Candidate
                </Text>
                <FilterSelect name="candidate" label="Candidate" defaultValue={query.candidate} options={releaseOptions} />
              </Flex>
              <FilterSelect name="range" label="Period" defaultValue={query.range} options={rangeOptions} />
              <Button type="submit" variant="soft">
                Compare
              </Button>
            </Flex>
          </form>
          <ErrorMessage error={view.error} />
          {comparison.srm?.mismatch ? (
            <Callout.Root color="amber">
              <Callout.Text>
                The users per release ({comparison.srm.units.baseline} and {comparison.srm.units.candidate}) do not fit the configured
                split: assignment or logging is broken, so no verdict is given.
              </Callout.Text>
            </Callout.Root>
          ) : null}
          <Text size="2" color="gray">
            {comparison.candidate} against {comparison.baseline}, {formatUtcMinute(comparison.from)} to {formatUtcMinute(comparison.to)}.
            Verdicts are corrected for comparing {comparison.metrics.length} metrics at once.
          </Text>
          <Table.Root variant="surface">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Metric</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Baseline ({comparison.baseline})</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Candidate ({comparison.candidate})</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Change</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Verdict</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {comparison.metrics.map((metric) => {
                const badge = verdictBadge[metric.verdict];
                return (
                  <Table.Row key={metric.key}>
                    <Table.RowHeaderCell>
                      {metric.label}
                      <Text as="div" size="1" color="gray">
                        {metric.direction === "higher_is_better" ? "higher is better" : "lower is better"}
                      </Text>
                    </Table.RowHeaderCell>
                    <Table.Cell>
                      <Arm metric={metric} side="baseline" />
                    </Table.Cell>
                    <Table.Cell>
                      <Arm metric={metric} side="candidate" />
                    </Table.Cell>
                    <Table.Cell>
                      <Difference metric={metric} />
                    </Table.Cell>
                    <Table.Cell>
                      <Badge color={badge.color} variant="soft">
                        {badge.label}
                      </Badge>
                      <Text as="div" size="1" color="gray">
                        p = {metric.adjustedPValue < 0.001 ? "< 0.001" : metric.adjustedPValue.toFixed(3)}
                      </Text>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table.Root>
        </Flex>
      )}
    </>
  );
}
