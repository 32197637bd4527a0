import Link from "next/link";
import { Link as RadixLink, Table, Text } from "@radix-ui/themes";
import type { TraceListRow } from "@/server/traces/traceConsole";
import { formatMs, formatTime, formatUsd } from "@/components/traces/format";
import { StatusBadge } from "@/components/traces/StatusBadge";
import { FeedbackSummaryView } from "@/components/feedback/FeedbackSummaryView";
import { formatScoreValue, scoreLabel } from "@/components/scores/scoreLabels";
import styles from "@/components/traces/Traces.module.css";

/**
 * One page of traces: when, what was asked and answered, how it went, what people said and how it scored.
 * Laid out to fit a 1366 px laptop with three score columns and no sideways scroll: the time on
 * two lines, the model under the trace's name, score headings that may wrap.
 */
export function TraceList({ projectId, rows, scoreColumns = [] }: { projectId: string; rows: TraceListRow[]; scoreColumns?: string[] }) {
  return (
    <Table.Root size="1" variant="surface" className={styles.traceTable}>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Time (UTC)</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Trace · model</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Input</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Output</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Feedback</Table.ColumnHeaderCell>
          {scoreColumns.map((name) => (
            <Table.ColumnHeaderCell key={name} justify="end" className={styles.scoreHeader}>
              <Text size="1">{scoreLabel(name)}</Text>
            </Table.ColumnHeaderCell>
          ))}
          <Table.ColumnHeaderCell justify="end">Latency</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Cost</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((trace) => (
          <Table.Row key={trace.id}>
            <Table.Cell className={styles.timeCell}>
              <Text size="1">
                {formatTime(trace.startTime).slice(0, 10)}
                <br />
                {formatTime(trace.startTime).slice(11, 19)}
              </Text>
            </Table.Cell>
            <Table.RowHeaderCell className={styles.nameCell}>
              <RadixLink asChild size="2" weight="medium">
                <Link href={`/projects/${projectId}/traces/${encodeURIComponent(trace.id)}`}>{trace.name ?? trace.id}</Link>
              </RadixLink>
              <Text as="div" size="1" color="gray">
                {trace.model ?? "No model"}
              </Text>
            </Table.RowHeaderCell>
            <Table.Cell className={styles.textCell}>
              <Text size="1">{trace.input || "—"}</Text>
            </Table.Cell>
            <Table.Cell className={styles.textCell}>
              <Text size="1" color="gray">
                {trace.output || "—"}
              </Text>
            </Table.Cell>
            <Table.Cell className={styles.feedbackCell}>
              <FeedbackSummaryView summary={trace.feedback} />
            </Table.Cell>
            {scoreColumns.map((name) => {
              const score = trace.scores[name];
              return (
                <Table.Cell key={name} justify="end" className={styles.nowrap}>
                  <Text size="1" color={score ? undefined : "gray"}>
                    {score ? formatScoreValue(score) : "—"}
                  </Text>
                </Table.Cell>
              );
            })}
            <Table.Cell justify="end" className={styles.nowrap}>
              {formatMs(trace.latencyMs)}
            </Table.Cell>
            <Table.Cell justify="end" className={styles.nowrap}>
              {formatUsd(trace.costUsd)}
            </Table.Cell>
            <Table.Cell>
              <StatusBadge status={trace.status} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table.Root>
  );
}
