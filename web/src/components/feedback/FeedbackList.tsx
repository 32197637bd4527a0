import type { ReactNode } from "react";
import { Blockquote, Flex, Text } from "@radix-ui/themes";
import { ChatBubbleIcon, CopyIcon, ExclamationTriangleIcon, ReloadIcon, StarFilledIcon, UpdateIcon } from "@radix-ui/react-icons";
import type { StoredFeedbackEvent } from "@/contracts/feedback";
import { formatTime } from "@/components/traces/format";
import { feedbackReasonLabel, reportCategoryLabel } from "@/components/ui/labels";
import { ThumbDownIcon, ThumbUpIcon } from "@/components/feedback/FeedbackIcons";

/** What one event says, in words a reviewer reads at a glance (labels, never stored keys). */
export function describeFeedback(event: StoredFeedbackEvent): string {
  switch (event.type) {
    case "thumb":
      return event.value === 1 ? "Thumbs up" : event.value === -1 ? "Thumbs down" : "Thumb withdrawn";
    case "rating":
      return `Rated ${event.value ?? "?"} of ${event.scale ?? 5}`;
    case "reasons":
      return `Reasons: ${event.reasons.map(feedbackReasonLabel).join(", ")}`;
    case "comment":
      return "Comment";
    case "report":
      return `Reported: ${reportCategoryLabel(event.category ?? "other")}`;
    case "copy":
      return "Copied the answer";
    case "rephrase":
      return `Rephrased the question (similarity ${event.value?.toFixed(2) ?? "?"})`;
    case "regenerate":
      return "Asked to regenerate";
  }
}

function iconOf(event: StoredFeedbackEvent): { icon: ReactNode; color: "green" | "red" | "amber" | "gray" } {
  switch (event.type) {
    case "thumb":
      return event.value === 1
        ? { icon: <ThumbUpIcon />, color: "green" }
        : { icon: <ThumbDownIcon />, color: event.value === -1 ? "red" : "gray" };
    case "rating":
      return { icon: <StarFilledIcon aria-hidden="true" />, color: "amber" };
    case "report":
      return { icon: <ExclamationTriangleIcon aria-hidden="true" />, color: "red" };
    case "copy":
      return { icon: <CopyIcon aria-hidden="true" />, color: "gray" };
    case "rephrase":
      return { icon: <UpdateIcon aria-hidden="true" />, color: "amber" };
    case "regenerate":
      return { icon: <ReloadIcon aria-hidden="true" />, color: "amber" };
    case "reasons":
    case "comment":
      return { icon: <ChatBubbleIcon aria-hidden="true" />, color: "gray" };
  }
}

/** A trace's feedback, newest first, with comments and report texts in full. */
export function FeedbackList({ events }: { events: StoredFeedbackEvent[] }) {
  if (events.length === 0)
    return (
      <Text as="p" size="2" color="gray">
        No feedback on this trace yet.
      </Text>
    );
  return (
    <Flex asChild direction="column" gap="3" m="0" p="0" style={{ listStyle: "none" }}>
      <ul aria-label="Feedback events">
        {events.map((event) => {
          const { icon, color } = iconOf(event);
          return (
            <li key={event.id} data-type={event.type}>
              <Flex gap="2" align="center" wrap="wrap">
                <Flex asChild gap="1" align="center">
                  <Text size="2" weight="medium" color={color}>
                    {icon}
                    {describeFeedback(event)}
                  </Text>
                </Flex>
                <Text size="1" color="gray">
                  {formatTime(event.timestamp)}
                  {event.userId ? ` · user ${event.userId}` : ""}
                </Text>
              </Flex>
              {event.comment ? (
                <Blockquote size="2" mt="1">
                  {event.comment}
                </Blockquote>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Flex>
  );
}
