import Link from "next/link";
import { Badge, Box, Card, Flex, Grid, Heading, Link as ThemeLink, Table, Text } from "@radix-ui/themes";
import type { AssertionResult, DatasetRunComparison, DatasetRunReport as Report } from "@/contracts/datasetRuns";
import { formatTime } from "@/components/traces/format";
import { failureCategoryLabel } from "@/components/ui/labels";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableCaption } from "@/components/settings/TableCaption";
import { RunDiff } from "@/components/datasets/RunDiff";
import styles from "@/components/datasets/DatasetRunReport.module.css";
import { assertionLabels } from "@/components/datasets/assertionText";
import { ItemScores, RunScoreMeans } from "@/components/datasets/RunScores";
import { itemStatusBadge, percent, runReportHref, runStateBadge } from "@/components/datasets/runStatus";

function Figure({ label, value, tone }: { label: string; value: string; tone?: "red" | "amber" }) {
  return (
    <Card size="2">
      <Text as="p" size="2" color="gray">
        {label}
      </Text>
      <Text as="p" size="6" weight="bold" color={tone}>
        {value}
      </Text>
    </Card>
  );
}

/** Why an assertion failed in its own words (which name the value), else the value against what it needed. */
function assertionText(result: AssertionResult): string {
  if (result.error) return `could not be checked: ${result.error}`;
  if (result.message) return result.message;
  if (result.value === null) return result.passed ? "passed" : "failed";
  return `${result.value.toFixed(3)}${result.threshold === null ? "" : ` (needs ${result.threshold})`}`;
}

function GroupTable({
  title,
  groups,
  label,
}: {
  title: string;
  groups: DatasetRunComparison["byCategory"];
  label: (value: string) => string;
}) {
  return (
    <Table.Root variant="surface" size="1">
      <TableCaption>{title}</TableCaption>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>{title}</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Newly failing</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Newly passing</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Unchanged</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {groups.map((group) => (
          <Table.Row key={group.value ?? ""}>
            <Table.RowHeaderCell>{group.value === null ? "none" : label(group.value)}</Table.RowHeaderCell>
            <Table.Cell justify="end">{group.newlyFailing > 0 ? <Badge color="red">{group.newlyFailing}</Badge> : 0}</Table.Cell>
            <Table.Cell justify="end">{group.newlyPassing > 0 ? <Badge color="green">{group.newlyPassing}</Badge> : 0}</Table.Cell>
            <Table.Cell justify="end">{group.unchanged}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table.Root>
  );
}

function Comparison({ projectId, report, comparison }: { projectId: string; report: Report; comparison: DatasetRunComparison }) {
  return (
    <Card size="3" asChild>
      <section aria-label="Comparison with the baseline run">
        <Flex direction="column" gap="3">
          <Heading as="h2" size="4">
            Against{" "}
            <ThemeLink asChild>
              <Link href={runReportHref(projectId, report.dataset, comparison.baseline)}>{comparison.baseline}</Link>
            </ThemeLink>
          </Heading>
          <Flex gap="2" wrap="wrap">
            <Badge color="red" size="2">
              {comparison.newlyFailing.length} newly failing
            </Badge>
            <Badge color="green" size="2">
              {comparison.newlyPassing.length} newly passing
            </Badge>
            <Badge color="gray" size="2">
              {comparison.unchanged} unchanged
            </Badge>
          </Flex>
          {comparison.newlyFailing.length > 0 ? (
            <Text as="p" size="2">
              Newly failing:{" "}
              {comparison.newlyFailing.map((item) => `${item.externalId}${item.severity ? ` (${item.severity})` : ""}`).join(", ")}
            </Text>
          ) : null}
          <Grid columns={{ initial: "1", md: "2" }} gap="3">
            <GroupTable title="Severity" groups={comparison.bySeverity} label={(value) => value} />
            <GroupTable title="Category" groups={comparison.byCategory} label={failureCategoryLabel} />
          </Grid>
        </Flex>
      </section>
    </Card>
  );
}

/** A regression run's report: pass rate and counts, the comparison with its baseline, and each failure with its diff. */
export function DatasetRunReport({ projectId, report }: { projectId: string; report: Report }) {
  const state = runStateBadge(report);
  const failures = report.items.filter((item) => !item.passed);
  const candidate = [report.release, report.model, report.promptVersion].filter(Boolean).join(" · ");
  return (
    <>
      <PageHeader
        title={`Run ${report.name}`}
        description={`${report.dataset}, version ${report.version}${candidate ? ` · ${candidate}` : ""} · started ${formatTime(report.createdAt)}`}
        actions={
          <Badge color={state.color} size="3">
            {state.label}
          </Badge>
        }
      />
      <Flex direction="column" gap="5">
        {report.gate ? (
          <Text as="p" size="2" color="gray">
            Gate: {report.gate.reason}
          </Text>
        ) : null}
        <Grid columns={{ initial: "2", sm: "5" }} gap="3">
          <Figure label="Pass rate" value={percent(report.passRate)} />
          <Figure label="Passed" value={`${report.counts.passed} of ${report.counts.total}`} />
          <Figure label="Failed" value={String(report.counts.failed)} tone={report.counts.failed > 0 ? "red" : undefined} />
          <Figure label="Evaluator errors" value={String(report.counts.errors)} tone={report.counts.errors > 0 ? "red" : undefined} />
          <Figure label="Missing" value={String(report.counts.missing)} tone={report.counts.missing > 0 ? "amber" : undefined} />
        </Grid>

        {report.comparison ? (
          <Comparison projectId={projectId} report={report} comparison={report.comparison} />
        ) : (
          <Text as="p" size="2" color="gray">
            No baseline: no earlier run of this dataset passed its gate.
          </Text>
        )}

        <RunScoreMeans means={report.scoreMeans} comparison={report.comparison} />

        <Flex direction="column" gap="3" asChild>
          <section aria-label="Failures">
            <Heading as="h2" size="4">
              Failures ({failures.length})
            </Heading>
            {failures.length === 0 ? (
              <Text size="2" color="gray">
                Every output passed its assertions.
              </Text>
            ) : (
              failures.map((item) => (
                <Card key={item.itemId} size="2" asChild>
                  <article aria-label={`Item ${item.externalId}`}>
                    <Flex direction="column" gap="2">
                      <Flex gap="2" align="center" wrap="wrap">
                        <Heading as="h3" size="3">
                          {item.externalId}
                        </Heading>
                        <Badge color={itemStatusBadge[item.status].color}>{itemStatusBadge[item.status].label}</Badge>
                        {item.severity ? <Badge color={item.severity === "critical" ? "red" : "gray"}>{item.severity}</Badge> : null}
                        {item.category ? <Badge color="gray">{failureCategoryLabel(item.category)}</Badge> : null}
                      </Flex>
                      <Box asChild>
                        <ul aria-label="Assertions" className={styles.list}>
                          {item.assertions.map((result, index) => (
                            <li key={index}>
                              <Text size="2">
                                <Text weight="medium" color={result.passed ? "green" : "red"}>
                                  {assertionLabels[result.type]}
                                </Text>{" "}
                                {assertionText(result)}
                              </Text>
                            </li>
                          ))}
                        </ul>
                      </Box>
                      <ItemScores scores={item.scores} />
                      <RunDiff diff={item.diff} output={item.output} />
                    </Flex>
                  </article>
                </Card>
              ))
            )}
          </section>
        </Flex>
      </Flex>
    </>
  );
}
