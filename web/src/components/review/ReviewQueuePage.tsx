import NextLink from "next/link";
import { Badge, Button, Flex, Grid, Link, Table, Text, VisuallyHidden } from "@radix-ui/themes";
import type { ReviewQueueRow, ReviewQueueView } from "@/server/review/reviewQueueView";
import { PageHeader } from "@/components/ui/PageHeader";
import { StatTile } from "@/components/ui/StatTile";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { decisionLabel, failureCategoryLabel, reviewReasonLabel, reviewStatusLabel, settledLabel } from "@/components/ui/labels";
import { reviewReasons } from "@/contracts/review";
import { StartReviewing } from "@/components/review/StartReviewing";
import { PriorityBadge } from "@/components/review/PriorityBadge";
import { FeedbackAtGlance } from "@/components/review/FeedbackAtGlance";
import { reasonTexts } from "@/components/review/reasonTexts";
import { QueueFilters } from "@/components/review/QueueFilters";
import styles from "./ReviewQueuePage.module.css";

/** Where the item stands: waiting, held by someone, or the verdicts given (labels, never keys). */
function StatusCell({ row }: { row: ReviewQueueRow }) {
  if (row.status === "open" || row.status === "in_review") {
    return (
      <Flex direction="column" gap="1" align="start">
        <Badge color={row.status === "open" ? "gray" : "blue"} variant="soft">
          {reviewStatusLabel[row.status]}
        </Badge>
        {row.leasedBy ? (
          <Text size="1" color="gray">
            {row.leasedBy}
          </Text>
        ) : null}
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="1" align="start">
      {row.verdicts.map((verdict, index) => (
        <Text key={index} size="1">
          <Badge
            color={verdict.decision === "corrected_failure" ? "red" : verdict.decision === "good_example" ? "green" : "gray"}
            variant="soft"
          >
            {decisionLabel[verdict.decision]}
          </Badge>{" "}
          {verdict.category ? failureCategoryLabel(verdict.category) : null}
        </Text>
      ))}
      {row.settled ? <Text size="1">Settled: {settledLabel(row.settled.category)}</Text> : null}
      {row.hiddenVerdicts > 0 ? (
        <Text size="1" color="gray">
          Labelled by {row.hiddenVerdicts} {row.hiddenVerdicts === 1 ? "other" : "others"}
        </Text>
      ) : null}
      {row.verdicts.length === 0 && row.hiddenVerdicts === 0 ? (
        <Badge color="gray" variant="soft">
          {reviewStatusLabel[row.status]}
        </Badge>
      ) : null}
    </Flex>
  );
}

/**
 * The queue: progress, the filter bar, and each item's question, answer and feedback at a
 * glance. Data comes from reviewQueueView; rendering only reads.
 */
export function ReviewQueuePage({ projectId, view }: { projectId: string; view: ReviewQueueView }) {
  const { query, progress } = view;
  const byReason = reviewReasons
    .filter((reason) => (progress.openByReason[reason] ?? 0) > 0)
    .map((reason) => `${progress.openByReason[reason] ?? 0} ${reviewReasonLabel[reason].toLowerCase()}`)
    .join(" · ");
  const filterValues = {
    status: query.status,
    reason: query.reason,
    category: query.category,
    sort: query.sort,
    model: query.model,
    release: query.release,
    from: query.from,
    to: query.to,
    cluster: query.cluster,
  };
  const base = `/projects/${projectId}/review`;
  return (
    <>
      <PageHeader
        title="Review queue"
        description={<span data-testid="routing-freshness">{view.freshness}</span>}
        actions={
          <>
            <Button asChild variant="soft" color="gray">
              <NextLink href={`${base}/agreement`}>Annotator agreement</NextLink>
            </Button>
            <Button asChild variant="soft" color="gray">
              <NextLink href={`/projects/${projectId}/datasets`}>Datasets</NextLink>
            </Button>
            {view.canAnnotate ? <StartReviewing projectId={projectId} /> : null}
          </>
        }
      />
      <Grid columns={{ initial: "2", md: "4" }} gap="3" mb="4" aria-label="Progress" role="group">
        <StatTile label="Left in queue" value={progress.leftInQueue} hint={byReason || "Nothing waiting"} />
        <StatTile label="In review now" value={progress.inReview} />
        <StatTile label="Done today" value={progress.doneToday} hint="Items finished since 00:00 UTC" />
        <StatTile label="Labelled by you today" value={progress.labelledByYouToday} />
      </Grid>
      <Flex direction="column" gap="3">
        <QueueFilters key={JSON.stringify(filterValues)} values={filterValues} categories={view.failureCategories} />
        {query.cluster ? (
          <Text size="2">
            Showing one cluster of similar complaints.{" "}
            <Link asChild>
              <NextLink href={`${base}?status=${query.status ?? "open"}`}>Show all</NextLink>
            </Link>
          </Text>
        ) : null}
        <ErrorMessage
          error={view.filterError ? `Some filters in the address were not valid, so they are ignored: ${view.filterError}` : null}
        />
        {view.rows.length === 0 ? (
          <EmptyState
            title={
              query.status === "open" && !query.reason && !query.category ? "Nothing waiting for review" : "No items match these filters"
            }
          >
            {query.status === "open"
              ? "Thumbs-down, low ratings, reports and rephrased questions land here as the routing job picks them up."
              : "Try another status or clear the filters."}
          </EmptyState>
        ) : (
          <Table.Root variant="surface" size="1" className={styles.table}>
            {/* Names the table itself (Table.Root's props land on its wrapper, not on the <table>). */}
            <VisuallyHidden asChild>
              <caption>Review items</caption>
            </VisuallyHidden>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell className={styles.priority}>Priority</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Question and answer</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell className={styles.feedback}>Feedback</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell className={styles.status}>
                  {query.status === "done" || query.status === "dismissed" ? "Verdict" : "Status"}
                </Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell className={styles.age}>Waiting</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {view.rows.map((row) => (
                <Table.Row key={row.id}>
                  <Table.Cell>
                    <Flex direction="column" gap="1" align="start">
                      <PriorityBadge priority={row.priority} />
                      <Text size="1" color="gray">
                        {reasonTexts(row.reasons, row.lowScores).join(", ")}
                      </Text>
                      {row.clusterId ? (
                        <Link asChild size="1">
                          <NextLink href={`${base}?status=${query.status ?? "open"}&cluster=${row.clusterId}`}>Show similar</NextLink>
                        </Link>
                      ) : null}
                    </Flex>
                  </Table.Cell>
                  <Table.Cell>
                    <Flex direction="column" gap="1" className={styles.conversation}>
                      <Link asChild weight="medium" size="2">
                        <NextLink href={`${base}/${row.id}`}>{row.question ?? "Trace not received yet"}</NextLink>
                      </Link>
                      {row.answer ? (
                        <Text size="1" color="gray" className={styles.answer}>
                          {row.answer}
                        </Text>
                      ) : null}
                    </Flex>
                  </Table.Cell>
                  <Table.Cell>
                    <FeedbackAtGlance summary={row.feedback} />
                  </Table.Cell>
                  <Table.Cell>
                    <StatusCell row={row} />
                  </Table.Cell>
                  <Table.Cell>
                    <Text size="1" color="gray" title={row.createdAt}>
                      {row.queuedAgo}
                    </Text>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        )}
      </Flex>
    </>
  );
}
