import { Badge, Blockquote, Flex, Text } from "@radix-ui/themes";
import { StarFilledIcon } from "@radix-ui/react-icons";
import type { FeedbackSummary } from "@/server/feedback/feedbackSummary";
import { feedbackReasonLabel, reportCategoryLabel } from "@/components/ui/labels";

/**
 * What the end user said, as badges: thumb, rating, reasons, report, rephrase. `full` adds
 * their comments and report texts in full (the item page); otherwise the latest comment is
 * one shortened line (the queue).
 */
export function FeedbackAtGlance({ summary, full = false }: { summary: FeedbackSummary; full?: boolean }) {
  const badges = (
    <Flex gap="1" wrap="wrap">
      {summary.thumb === "down" ? (
        <Badge color="red" variant="soft">
          Thumbs down
        </Badge>
      ) : null}
      {summary.thumb === "up" ? (
        <Badge color="green" variant="soft">
          Thumbs up
        </Badge>
      ) : null}
      {summary.rating ? (
        <Badge color="amber" variant="soft" highContrast>
          <StarFilledIcon aria-hidden />
          {summary.rating.value} of {summary.rating.scale}
        </Badge>
      ) : null}
      {summary.reports.map((report, index) => (
        <Badge key={`report-${index}`} color="red" variant="outline">
          Report: {report.category ? reportCategoryLabel(report.category) : "Other"}
        </Badge>
      ))}
      {summary.reasons.map((reason) => (
        <Badge key={reason} color="gray" variant="soft">
          {feedbackReasonLabel(reason)}
        </Badge>
      ))}
      {summary.rephrased ? (
        <Badge color="blue" variant="soft">
          Rephrased
        </Badge>
      ) : null}
      {summary.regenerated ? (
        <Badge color="blue" variant="soft">
          Regenerated
        </Badge>
      ) : null}
      {summary.events === 0 ? (
        <Text size="1" color="gray">
          No feedback
        </Text>
      ) : null}
    </Flex>
  );
  if (!full) {
    const said = summary.comments[0] ?? summary.reports.find((report) => report.comment)?.comment;
    return (
      <Flex direction="column" gap="1">
        {badges}
        {said ? (
          <Text size="1" color="gray" truncate title={said}>
            “{said}”
          </Text>
        ) : null}
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="2">
      {badges}
      {summary.reports
        .filter((report) => report.comment)
        .map((report, index) => (
          <Blockquote key={`report-text-${index}`} size="2" color="red">
            {report.comment}
          </Blockquote>
        ))}
      {summary.comments.map((comment, index) => (
        <Blockquote key={`comment-${index}`} size="2">
          {comment}
        </Blockquote>
      ))}
    </Flex>
  );
}
