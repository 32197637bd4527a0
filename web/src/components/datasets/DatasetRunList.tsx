import Link from "next/link";
import { Badge, Box, Flex, Heading, Link as ThemeLink, Table, Text } from "@radix-ui/themes";
import type { DatasetRunSummary } from "@/contracts/datasetRuns";
import type { DatasetAssertion } from "@/contracts/datasetAssertions";
import { AssertionsDialog } from "@/components/datasets/AssertionsDialog";
import { defaultAssertionText, describeAssertion } from "@/components/datasets/assertionText";
import styles from "@/components/datasets/DatasetsPage.module.css";
import { formatTime } from "@/components/traces/format";
import { TableCaption } from "@/components/settings/TableCaption";
import { percent, runReportHref, runStateBadge } from "@/components/datasets/runStatus";

/** What "passed" means for this dataset's runs, one line per declared assertion. */
function DeclaredChecks({
  projectId,
  dataset,
  assertions,
  assertionProblems,
  editable,
}: {
  projectId: string;
  dataset: string;
  assertions: DatasetAssertion[];
  assertionProblems: (string | null)[];
  editable: boolean;
}) {
  const lines = assertions.length === 0 ? [defaultAssertionText] : assertions.map(describeAssertion);
  return (
    <Box>
      <Flex gap="3" align="center" justify="between" wrap="wrap">
        <Text as="p" size="2" color="gray">
          Each output is checked against its item{assertions.length > 1 ? "; all must pass" : ""} (declared here or with{" "}
          <code>PUT /api/v1/datasets/{encodeURIComponent(dataset)}/assertions</code>):
        </Text>
        {editable ? <AssertionsDialog projectId={projectId} dataset={dataset} assertions={assertions} /> : null}
      </Flex>
      <ul className={styles.checks}>
        {lines.map((line, index) => (
          <li key={index}>
            <Text size="2">{line}</Text>
            {assertionProblems[index] ? (
              <Text as="p" size="2" color="red">
                Cannot run: {assertionProblems[index]}. Each output of a run is an error until the check is declared again.
              </Text>
            ) : null}
          </li>
        ))}
      </ul>
    </Box>
  );
}

/** A dataset's newest regression runs, each linking to its report, and what they are checked against. */
export function DatasetRunList({
  projectId,
  dataset,
  runs,
  assertions,
  assertionProblems,
  editable,
}: {
  projectId: string;
  dataset: string;
  runs: DatasetRunSummary[];
  assertions: DatasetAssertion[];
  /** Per assertion, why it cannot run any more, or null. */
  assertionProblems: (string | null)[];
  /** May change the checks (datasets:publish, as the API asks). */
  editable: boolean;
}) {
  return (
    <Flex direction="column" gap="2">
      <Heading as="h3" size="3">
        Regression runs
      </Heading>
      <DeclaredChecks
        projectId={projectId}
        dataset={dataset}
        assertions={assertions}
        assertionProblems={assertionProblems}
        editable={editable}
      />
      {runs.length === 0 ? (
        <Text size="2" color="gray">
          No runs yet: <code>npx liveloop regress --dataset {dataset}</code> uploads one.
        </Text>
      ) : (
        <Table.Root variant="surface" size="1">
          <TableCaption>{`Regression runs of ${dataset}`}</TableCaption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Run</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Candidate</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Version</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Pass rate</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>State</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Started</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {runs.map((run) => {
              const state = runStateBadge(run);
              return (
                <Table.Row key={run.name} align="center">
                  <Table.RowHeaderCell>
                    <ThemeLink asChild>
                      <Link href={runReportHref(projectId, dataset, run.name)}>{run.name}</Link>
                    </ThemeLink>
                  </Table.RowHeaderCell>
                  <Table.Cell>{[run.release, run.model, run.promptVersion].filter(Boolean).join(" · ") || "—"}</Table.Cell>
                  <Table.Cell justify="end">{run.version}</Table.Cell>
                  <Table.Cell justify="end">{percent(run.passRate)}</Table.Cell>
                  <Table.Cell>
                    <Badge color={state.color}>{state.label}</Badge>
                  </Table.Cell>
                  <Table.Cell>{formatTime(run.createdAt)}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table.Root>
      )}
    </Flex>
  );
}
