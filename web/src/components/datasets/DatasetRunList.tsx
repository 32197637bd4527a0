import Link from "next/link";
import { Badge, Flex, Heading, Link as ThemeLink, Table, Text } from "@radix-ui/themes";
import type { DatasetRunSummary } from "@/contracts/datasetRuns";
import { formatTime } from "@/components/traces/format";
import { TableCaption } from "@/components/settings/TableCaption";
import { percent, runReportHref, runStateBadge } from "@/components/datasets/runStatus";

/** A dataset's newest regression runs, each linking to its report. */
export function DatasetRunList({ projectId, dataset, runs }: { projectId: string; dataset: string; runs: DatasetRunSummary[] }) {
  return (
    <Flex direction="column" gap="2">
      <Heading as="h3" size="3">
        Regression runs
      </Heading>
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
