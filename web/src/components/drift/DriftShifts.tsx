import { Card, Grid, Heading, Table, Text } from "@radix-ui/themes";
import type { DriftRunResult } from "@/contracts/drift";
import { formatShare } from "@/components/drift/driftLabels";

type Shape = DriftRunResult["shape"]["live"];

const characters = (value: number) => `${Math.round(value).toLocaleString("en")} characters`;

/** The text-shape measures, in the order a person checks them: how long, then what the texts are made of. */
const shapeRows: { label: string; format: (shape: Shape) => string }[] = [
  { label: "Texts", format: (shape) => shape.count.toLocaleString("en") },
  { label: "Mean length", format: (shape) => characters(shape.meanLength) },
  { label: "Median length", format: (shape) => characters(shape.medianLength) },
  { label: "90th percentile length", format: (shape) => characters(shape.p90Length) },
  { label: "Mean words", format: (shape) => shape.meanWords.toFixed(1) },
  { label: "With an emoji", format: (shape) => formatShare(shape.emojiShare) },
  { label: "Non-ASCII characters", format: (shape) => formatShare(shape.nonAsciiShare) },
  { label: "With a link", format: (shape) => formatShare(shape.urlShare) },
  { label: "Ending with a question mark", format: (shape) => formatShare(shape.questionShare) },
];

/** Language mix and text shape, baseline against live: the plain-words side of a drift. */
export function DriftShifts({ result }: { result: DriftRunResult }) {
  const languages = [...result.languages].sort((a, b) => Math.max(b.baselineShare, b.liveShare) - Math.max(a.baselineShare, a.liveShare));
  return (
    <Grid columns={{ initial: "1", md: "2" }} gap="4">
      <Card size="2" asChild>
        <section aria-labelledby="drift-languages-heading">
          <Heading as="h3" size="3" id="drift-languages-heading" mb="2">
            Language
          </Heading>
          {languages.length === 0 ? (
            <Text size="2" color="gray">
              No language identified.
            </Text>
          ) : (
            <Table.Root size="1">
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>Language</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell justify="end">Baseline</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell justify="end">Live</Table.ColumnHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {languages.map((language) => (
                  <Table.Row key={language.code}>
                    <Table.RowHeaderCell>{language.label}</Table.RowHeaderCell>
                    <Table.Cell justify="end">{formatShare(language.baselineShare)}</Table.Cell>
                    <Table.Cell justify="end">{formatShare(language.liveShare)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table.Root>
          )}
        </section>
      </Card>
      <Card size="2" asChild>
        <section aria-labelledby="drift-shape-heading">
          <Heading as="h3" size="3" id="drift-shape-heading" mb="2">
            Text shape
          </Heading>
          <Table.Root size="1">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Measure</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell justify="end">Baseline</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell justify="end">Live</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {shapeRows.map((row) => (
                <Table.Row key={row.label}>
                  <Table.RowHeaderCell>{row.label}</Table.RowHeaderCell>
                  <Table.Cell justify="end">{row.format(result.shape.baseline)}</Table.Cell>
                  <Table.Cell justify="end">{row.format(result.shape.live)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        </section>
      </Card>
    </Grid>
  );
}
