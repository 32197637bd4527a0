import { Box, Card, Flex, Heading, Table, Text } from "@radix-ui/themes";
import type { DatasetRunComparison, RunItemScore, RunScoreMean } from "@/contracts/datasetRuns";
import { TableCaption } from "@/components/settings/TableCaption";
import styles from "@/components/datasets/DatasetRunReport.module.css";
import { formatScoreNumber, formatScoreValue, scoreLabel } from "@/components/scores/scoreLabels";

const optionalNumber = (value: number | null) => (value === null ? "—" : formatScoreNumber(value));
const signed = (value: number | null) =>
  value === null ? "—" : `${value > 0 ? "+" : value < 0 ? "−" : "±"}${formatScoreNumber(Math.abs(value))}`;

/** The run's mean of each built-in score, and against the baseline its mean and the change. */
export function RunScoreMeans({ means, comparison }: { means: readonly RunScoreMean[]; comparison: DatasetRunComparison | null }) {
  const rows = comparison
    ? comparison.scoreMeans.map((row) => ({ ...row, count: means.find((mean) => mean.name === row.name)?.count ?? 0 }))
    : means.map((mean) => ({ ...mean, baselineMean: null, difference: null }));
  return (
    <Card size="3" asChild>
      <section aria-label="Built-in scores">
        <Flex direction="column" gap="3">
          <Heading as="h2" size="4">
            Built-in scores
          </Heading>
          {rows.length === 0 ? (
            <Text size="2" color="gray">
              No built-in evaluator scored this run: enable one on the Evaluators page to score later uploads.
            </Text>
          ) : (
            <Table.Root variant="surface" size="1">
              <TableCaption>Built-in score means</TableCaption>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>Score</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell justify="end">Mean (yes = 1)</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell justify="end">Outputs scored</Table.ColumnHeaderCell>
                  {comparison ? (
                    <>
                      <Table.ColumnHeaderCell justify="end">Baseline mean</Table.ColumnHeaderCell>
                      <Table.ColumnHeaderCell justify="end">Change</Table.ColumnHeaderCell>
                    </>
                  ) : null}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows.map((row) => (
                  <Table.Row key={row.name}>
                    <Table.RowHeaderCell>{scoreLabel(row.name)}</Table.RowHeaderCell>
                    <Table.Cell justify="end">{optionalNumber(row.mean)}</Table.Cell>
                    <Table.Cell justify="end">{row.count}</Table.Cell>
                    {comparison ? (
                      <>
                        <Table.Cell justify="end">{optionalNumber(row.baselineMean)}</Table.Cell>
                        <Table.Cell justify="end">{signed(row.difference)}</Table.Cell>
                      </>
                    ) : null}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table.Root>
          )}
        </Flex>
      </section>
    </Card>
  );
}

/** One output's built-in scores, each with its value or why it has none. */
export function ItemScores({ scores }: { scores: readonly RunItemScore[] }) {
  if (scores.length === 0) return null;
  return (
    <Box asChild>
      <ul aria-label="Built-in scores" className={styles.list}>
        {scores.map((score) => (
          <li key={score.name}>
            <Text size="2">
              <Text weight="medium">{scoreLabel(score.name)}</Text>{" "}
              {score.error ? (
                <Text color="amber">could not be scored: {score.error}</Text>
              ) : (
                <>
                  {formatScoreValue(score)}
                  {score.explanation ? <Text color="gray"> · {score.explanation}</Text> : null}
                </>
              )}
            </Text>
          </li>
        ))}
      </ul>
    </Box>
  );
}
