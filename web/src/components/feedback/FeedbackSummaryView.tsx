import { Badge, Flex, Text } from "@radix-ui/themes";
import { StarFilledIcon } from "@radix-ui/react-icons";
import type { FeedbackSummary } from "@/server/feedback/feedbackSummary";
import { feedbackReasonLabel, reportCategoryLabel } from "@/components/ui/labels";
import { ThumbDownIcon, ThumbUpIcon } from "@/components/feedback/FeedbackIcons";

/**
 * A trace's or session's feedback in one line: thumbs up and down, the average rating,
 * the reasons and report categories people picked (as labels). A dash when there is none.
 */
export function FeedbackSummaryView({ summary, maxReasons = 2 }: { summary: FeedbackSummary; maxReasons?: number }) {
  if (summary.events === 0)
    return (
      <Text size="1" color="gray">
        —
      </Text>
    );
  // A list cell names each report category once (a report without one is "other").
  const reportCategories = [...new Set(summary.reports.map((report) => report.category ?? "other"))];
  const reasons = summary.reasons.slice(0, maxReasons);
  const more = summary.reasons.length - reasons.length;
  return (
    <Flex gap="2" align="center" wrap="wrap">
      {summary.thumbsUp > 0 ? (
        <Flex gap="1" align="center" asChild>
          <Text size="1" color="green" highContrast aria-label={`${summary.thumbsUp} thumbs up`}>
            <ThumbUpIcon /> {summary.thumbsUp}
          </Text>
        </Flex>
      ) : null}
      {summary.thumbsDown > 0 ? (
        <Flex gap="1" align="center" asChild>
          <Text size="1" color="red" aria-label={`${summary.thumbsDown} thumbs down`}>
            <ThumbDownIcon /> {summary.thumbsDown}
          </Text>
        </Flex>
      ) : null}
      {summary.averageRating !== null ? (
        <Flex gap="1" align="center" asChild>
          <Text size="1" color="amber" highContrast aria-label={`Rated ${summary.averageRating.toFixed(1)} of 5`}>
            <StarFilledIcon aria-hidden="true" /> {summary.averageRating.toFixed(1)}
          </Text>
        </Flex>
      ) : null}
      {reportCategories.map((category) => (
        <Badge key={category} color="red" variant="soft" size="1">
          Reported: {reportCategoryLabel(category)}
        </Badge>
      ))}
      {reasons.map((reason) => (
        <Badge key={reason} color="gray" variant="soft" size="1">
          {feedbackReasonLabel(reason)}
        </Badge>
      ))}
      {more > 0 ? (
        <Text size="1" color="gray">
          +{more}
        </Text>
      ) : null}
      {summary.comments.length > 0 ? (
        <Text size="1" color="gray">
          {summary.comments.length === 1 ? "1 comment" : `${summary.comments.length} comments`}
        </Text>
      ) : null}
    </Flex>
  );
}
