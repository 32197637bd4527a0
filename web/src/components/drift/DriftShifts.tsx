import { Card, Grid, Heading, Table, Text } from "@radix-ui/themes";
import type { DriftRunResult } from "@/contracts/drift";
import { TableCaption } from "@/components/settings/TableCaption";
import { formatShare } from "@/components/drift/driftLabels";

type Shape = DriftRunResult["shape"]["live"];

// A side without texts has no measures: a dash, not a zero.
const characters = (value: number | null) => (value === null ? "—" : `${Math.round(value).toLocaleString("en")} characters`);
const share = (value: number | null) => (value === null ? "—" : formatShare(value));

/** The text-shape measures, in the order a person checks them: how long, then what the texts are made of. */
const shapeRows: { label: string; format: (shape: Shape) => string }[] = [
  { label: "Texts", format: (shape) => shape.count.toLocaleString("en") },
  { label: "Mean length", format: (shape) => characters(shape.meanLength) },
  { label: "Median length", format: (shape) => characters(shape.medianLength) },
  { label: "90th percentile length", format: (shape) => characters(shape.p90Length) },
  { label: "Mean words", format: (shape) => shape.meanWords?.toFixed(1) ?? "—" },
  { label: "With an emoji", format: (shape) => share(shape.emojiShare) },
  { label: "Non-ASCII characters", format: (shape) => share(shape.nonAsciiShare) },
  { label: "With a link", format: (shape) => share(shape.urlShare) },
  { label: "Ending with a question mark", format: (shape) => share(shape.questionShare) },
];

/** Language mix and text shape, baseline against live: the plain-words side of a drift. */
export function DriftShifts({ result }: { result: DriftRunResult }) {
  const languages = [...result.languages].sort((a, b) => Math.max(b.baselineShare, b.liveShare) - Math.max(a.baselineShare, a.liveShare));
  return (
    <Grid columns={{ initial: "1", md: "2" }} gap="4">
      <ComparisonTable
        title="Language"
        firstColumn="Language"
        empty="No language identified."
        rows={languages.map((language) => [language.label, formatShare(language.baselineShare), formatShare(language.liveShare)])}
      />
      <ComparisonTable
        title="Text shape"
        firstColumn="Measure"
        empty="No texts."
        rows={shapeRows.map((row) => [row.label, row.format(result.shape.baseline), row.format(result.shape.live)])}
      />
    </Grid>
  );
}

/** A small table of one measure per row, baseline and live side by side. */
function ComparisonTable({
  title,
  firstColumn,
  empty,
  rows,
}: {
  title: string;
  firstColumn: string;
  empty: string;
  rows: [label: string, baseline: string, live: string][];
}) {
  const headingId = `drift-${title.toLowerCase().replace(/\W+/g, "-")}-heading`;
  return (
    <Card size="2" asChild>
      <section aria-labelledby={headingId}>
        <Heading as="h3" size="3" id={headingId} mb="2">
          {title}
        </Heading>
        {rows.length === 0 ? (
          <Text size="2" color="gray">
            {empty}
          </Text>
        ) : (
          <Table.Root size="1">
            <TableCaption>{`${title}, baseline against live`}</TableCaption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>{firstColumn}</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell justify="end">Baseline</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell justify="end">Live</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map(([label, baseline, live]) => (
                <Table.Row key={label}>
                  <Table.RowHeaderCell>{label}</Table.RowHeaderCell>
                  <Table.Cell justify="end">{baseline}</Table.Cell>
                  <Table.Cell justify="end">{live}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        )}
      </section>
    </Card>
  );
}
