import Link from "next/link";
import { Link as RadixLink, Table, Text } from "@radix-ui/themes";
import type { SessionListRow } from "@/server/traces/traceConsole";
import { formatTime } from "@/components/traces/format";
import { FeedbackSummaryView } from "@/components/feedback/FeedbackSummaryView";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import styles from "@/components/traces/Traces.module.css";

/** Conversations (traces sharing a sessionId), latest activity first. */
export function SessionsPage({ projectId, rows }: { projectId: string; rows: SessionListRow[] }) {
  return (
    <>
      <PageHeader title="Sessions" description="Conversations: the traces that share a session id, latest activity first." />
      {rows.length === 0 ? (
        <EmptyState title="No sessions yet">
          Traces sent with a sessionId are grouped here into the conversations they belong to.
        </EmptyState>
      ) : (
        <Table.Root size="1" variant="surface">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Session</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>First message</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Turns</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Feedback</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>User</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Started (UTC)</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Last activity (UTC)</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((session) => (
              <Table.Row key={session.sessionId}>
                <Table.RowHeaderCell className={styles.nameCell}>
                  <RadixLink asChild weight="medium">
                    <Link href={`/projects/${projectId}/sessions/${encodeURIComponent(session.sessionId)}`}>{session.sessionId}</Link>
                  </RadixLink>
                </Table.RowHeaderCell>
                <Table.Cell className={styles.textCell}>
                  <Text size="1">{session.firstMessage || "—"}</Text>
                </Table.Cell>
                <Table.Cell justify="end">{session.traceCount}</Table.Cell>
                <Table.Cell>
                  <FeedbackSummaryView summary={session.feedback} />
                </Table.Cell>
                <Table.Cell className={styles.nowrap}>{session.userId ?? "—"}</Table.Cell>
                <Table.Cell className={styles.nowrap}>
                  <Text size="1">{formatTime(session.firstAt).slice(0, 19)}</Text>
                </Table.Cell>
                <Table.Cell className={styles.nowrap}>
                  <Text size="1">{formatTime(session.lastAt).slice(0, 19)}</Text>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
    </>
  );
}
