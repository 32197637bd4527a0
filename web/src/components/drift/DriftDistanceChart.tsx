import Link from "next/link";
import { Badge, Card, Flex, Heading, Link as RadixLink, Table, Text } from "@radix-ui/themes";
import type { DriftPageView } from "@/server/drift/driftPageView";
import { TimeSeriesChart } from "@/components/charts/TimeSeriesChart";
import { driftDistanceSeries } from "@/components/drift/driftDistanceSeries";
import {
  driftPageHref,
  driftRunStatusLabel,
  driftVerdictLabel,
  formatDistance,
  formatPValue,
  formatShare,
  formatWindow,
} from "@/components/drift/driftLabels";
import type { DriftPageLocation } from "@/components/drift/DriftToolbar";
import { TableCaption } from "@/components/settings/TableCaption";
import styles from "@/components/drift/Drift.module.css";

const stepMs = { hour: 3_600_000, day: 86_400_000 } as const;

/**
 * The JS distance window by window with the threshold the corrected distance must reach,
 * and below it every window as a row (newest first) with its p-value and verdict; a row
 * opens that window's explanation.
 */
export function DriftDistanceChart({ view, current }: { view: DriftPageView; current: DriftPageLocation }) {
  const series = driftDistanceSeries(view.runs, stepMs[view.window]);
  const threshold = view.baseline?.thresholds.minCorrectedJsDistance ?? 0.05;
  const rows = [...view.runs].reverse();
  const span = view.window === "day" ? "daily windows (the last 14)" : "hourly windows (the last 72)";
  return (
    <Flex direction="column" gap="3">
      <TimeSeriesChart
        title="Jensen-Shannon distance"
        description={`Base 2, 0 (same) to 1 (nothing shared), over ${span}. Gaps: not enough data or not judged. Drift needs the corrected distance at or above the threshold and p < ${view.baseline?.thresholds.pValue ?? 0.01}.`}
        times={series.times}
        series={[
          { name: "JS distance", values: series.jsDistance },
          { name: "Corrected for sample size", values: series.jsDistanceCorrected },
          { name: "Threshold", values: series.times.map(() => threshold) },
        ]}
        unit="score"
        height={220}
      />
      <Card size="2" asChild>
        <section aria-labelledby="drift-windows-heading">
          <Flex justify="between" align="baseline" mb="2" gap="3" wrap="wrap">
            <Heading as="h2" size="3" id="drift-windows-heading">
              Windows
            </Heading>
            <Text size="1" color="gray">
              Choose a window to see why it was judged so.
            </Text>
          </Flex>
          {rows.length === 0 ? (
            <Text size="2" color="gray">
              No window judged against this baseline yet: the first ones follow within minutes of making it.
            </Text>
          ) : (
            <div className={styles.scrollTable}>
              <Table.Root size="1">
                <TableCaption>Windows</TableCaption>
                <Table.Header>
                  <Table.Row>
                    <Table.ColumnHeaderCell>Window</Table.ColumnHeaderCell>
                    <Table.ColumnHeaderCell justify="end">Live texts</Table.ColumnHeaderCell>
                    <Table.ColumnHeaderCell justify="end">JS distance</Table.ColumnHeaderCell>
                    <Table.ColumnHeaderCell justify="end">Corrected</Table.ColumnHeaderCell>
                    <Table.ColumnHeaderCell justify="end">p-value</Table.ColumnHeaderCell>
                    <Table.ColumnHeaderCell justify="end">Novel share</Table.ColumnHeaderCell>
                    <Table.ColumnHeaderCell>Verdict</Table.ColumnHeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {rows.map((run) => {
                    const selected = run.id === view.run?.id;
                    const verdict = run.verdict ? driftVerdictLabel[run.verdict] : null;
                    return (
                      <Table.Row key={run.id} className={selected ? styles.selectedRow : undefined}>
                        <Table.RowHeaderCell>
                          <RadixLink asChild size="1" weight={selected ? "bold" : "regular"}>
                            <Link
                              href={driftPageHref(view.projectId, current, { run: run.id })}
                              aria-current={selected ? "true" : undefined}
                            >
                              {formatWindow(run)}
                            </Link>
                          </RadixLink>
                        </Table.RowHeaderCell>
                        <Table.Cell justify="end">{run.liveCount?.toLocaleString("en") ?? "—"}</Table.Cell>
                        <Table.Cell justify="end">{formatDistance(run.result?.jsDistance)}</Table.Cell>
                        <Table.Cell justify="end">{formatDistance(run.result?.jsDistanceCorrected)}</Table.Cell>
                        <Table.Cell justify="end">{formatPValue(run.result?.pValue)}</Table.Cell>
                        <Table.Cell justify="end">{run.result ? formatShare(run.result.novelShare) : "—"}</Table.Cell>
                        <Table.Cell>
                          {verdict ? (
                            <Badge color={verdict.color} variant="soft" highContrast>
                              {verdict.label}
                            </Badge>
                          ) : (
                            <Text size="1" color={run.status === "failed" ? "red" : "gray"}>
                              {driftRunStatusLabel[run.status]}
                            </Text>
                          )}
                        </Table.Cell>
                      </Table.Row>
                    );
                  })}
                </Table.Body>
              </Table.Root>
            </div>
          )}
        </section>
      </Card>
    </Flex>
  );
}
