import NextLink from "next/link";
import { Badge, Blockquote, Card, Flex, Heading, Link, Text } from "@radix-ui/themes";
import { ArrowLeftIcon, ExternalLinkIcon } from "@radix-ui/react-icons";
import type { ReviewItemPageView } from "@/server/review/reviewItemView";
import { decisionLabel, failureCategoryLabel, reviewStatusLabel, settledLabel, severityLabel } from "@/components/ui/labels";
import { formatMs, formatTime } from "@/components/traces/format";
import { ChatTurn } from "@/components/review/ChatTurn";
import { toolNamesById } from "@/components/review/ToolCalls";
import { LabelForm } from "@/components/review/LabelForm";
import { StartReviewing } from "@/components/review/StartReviewing";
import { AdjudicationForm } from "@/components/review/AdjudicationForm";
import { PriorityBadge } from "@/components/review/PriorityBadge";
import { FeedbackAtGlance } from "@/components/review/FeedbackAtGlance";
import { reasonTexts } from "@/components/review/reasonTexts";
import styles from "./ReviewItemPage.module.css";

type Fields = ReviewItemPageView["history"][number]["before"];

/** "Hallucination (High), Corrected failure": one saved verdict in words. */
function describeVerdict(fields: Fields): string {
  if (!fields) return "nothing";
  const category = fields.category ? failureCategoryLabel(fields.category) : "No failure";
  const severity = fields.severity && fields.severity in severityLabel ? severityLabel[fields.severity as keyof typeof severityLabel] : "?";
  const decision = fields.decision && fields.decision in decisionLabel ? decisionLabel[fields.decision as keyof typeof decisionLabel] : "?";
  return `${category} (${severity}), ${decision}`;
}

/**
 * One item under review, side by side: what the user asked, what they got and what they
 * said about it on the left; the label form on the right, in view without scrolling.
 */
export function ReviewItemPage({ projectId, view }: { projectId: string; view: ReviewItemPageView }) {
  const traceHref = `/projects/${projectId}/traces/${encodeURIComponent(view.traceId)}`;
  const toolNames = toolNamesById(view.trace ? [...view.trace.messages, view.trace.answer] : []);
  // The correction starts from the answer's text (an answer that only calls tools has none).
  const originalAnswer = typeof view.trace?.answer.content === "string" ? view.trace.answer.content : "";
  const side = view.heldByMe ? (
    <LabelForm projectId={projectId} itemId={view.id} categories={view.failureCategories} originalAnswer={originalAnswer} />
  ) : view.canAnnotate ? (
    <Card size="2" className={styles.sticky}>
      <Flex direction="column" gap="3" align="start">
        <Text size="2">
          {view.status === "in_review"
            ? `${view.leasedBy ?? "Someone"} is reviewing this item.`
            : `This item is ${reviewStatusLabel[view.status].toLowerCase()}.`}
        </Text>
        <StartReviewing projectId={projectId} label="Review the next item" />
      </Flex>
    </Card>
  ) : null;

  return (
    <>
      <Flex align="center" gap="3" wrap="wrap" mb="4">
        <Link asChild size="2" color="gray">
          <NextLink href={`/projects/${projectId}/review`} aria-label="Back to the review queue">
            <Flex as="span" align="center" gap="1">
              <ArrowLeftIcon aria-hidden /> Queue
            </Flex>
          </NextLink>
        </Link>
        <Heading as="h1" size="5">
          Review
        </Heading>
        <PriorityBadge priority={view.priority} />
        {reasonTexts(view.reasons, view.lowScores).map((reason) => (
          <Badge key={reason} color="gray" variant="outline">
            {reason}
          </Badge>
        ))}
        <Text size="1" color="gray">
          {reviewStatusLabel[view.status]} · queued {formatTime(view.createdAt)}
        </Text>
      </Flex>

      <div className={side ? styles.workspace : undefined}>
        <Flex direction="column" gap="4" className={styles.reading}>
          <Card size="2" asChild>
            <section aria-labelledby="feedback-heading">
              <Heading as="h2" size="2" id="feedback-heading" mb="2" color="gray">
                What the user said
              </Heading>
              <FeedbackAtGlance summary={view.feedback} full />
            </section>
          </Card>

          {view.trace ? (
            <>
              <section aria-label="Conversation" className={styles.conversation}>
                {view.trace.messages.map((message, index) => (
                  <ChatTurn key={index} message={message} toolNames={toolNames} />
                ))}
              </section>
              <section aria-label="Answer">
                <ChatTurn message={view.trace.answer} toolNames={toolNames} heading="Answer under review" className={styles.answer} />
              </section>
              <Text size="1" color="gray" as="p">
                {view.trace.failed ? "Failed · " : ""}Model {view.trace.model ?? "—"} · release {view.trace.release ?? "—"} · prompt version{" "}
                {view.trace.promptVersion ?? "—"} · {formatMs(view.trace.latencyMs)} · {view.trace.steps}{" "}
                {view.trace.steps === 1 ? "step" : "steps"} ·{" "}
                <Link asChild size="1">
                  <NextLink href={traceHref}>
                    Trace details <ExternalLinkIcon aria-hidden />
                  </NextLink>
                </Link>
              </Text>
            </>
          ) : (
            <Card>
              <Text size="2">
                The trace has not been received yet: only its feedback is known.{" "}
                <Link asChild>
                  <NextLink href={traceHref}>Trace {view.traceId}</NextLink>
                </Link>
              </Text>
            </Card>
          )}

          {view.neighbours.length > 0 ? (
            <Card size="2" asChild>
              <section aria-labelledby="similar-heading">
                <Heading as="h2" size="3" id="similar-heading" mb="2">
                  Similar complaints
                </Heading>
                <ul className={styles.list}>
                  {view.neighbours.map((neighbour) => (
                    <li key={neighbour.id}>
                      <Link asChild size="2">
                        <NextLink href={`/projects/${projectId}/review/${neighbour.id}`}>
                          {neighbour.question || "Trace not received yet"}
                        </NextLink>
                      </Link>{" "}
                      <Badge color="gray" variant="soft">
                        {reviewStatusLabel[neighbour.status]}
                      </Badge>
                    </li>
                  ))}
                </ul>
              </section>
            </Card>
          ) : null}

          {view.annotations.length > 0 ? (
            <Card size="2" asChild>
              <section aria-labelledby="annotations-heading">
                <Heading as="h2" size="3" id="annotations-heading" mb="2">
                  Annotations
                </Heading>
                <Flex direction="column" gap="2" asChild>
                  <ul className={styles.list}>
                    {view.annotations.map((annotation) => (
                      <li key={annotation.id}>
                        <Text size="2">
                          <Text weight="medium">{annotation.annotatorEmail}</Text>: {describeVerdict(annotation)} ·{" "}
                          <Text color="gray">{formatTime(annotation.updatedAt)}</Text>
                        </Text>
                        {annotation.notes ? <Blockquote size="1">{annotation.notes}</Blockquote> : null}
                      </li>
                    ))}
                  </ul>
                </Flex>
                {view.settled ? (
                  <Text as="p" size="2" mt="2">
                    Settled: {settledLabel(view.settled.category)}
                  </Text>
                ) : null}
                {view.canAdjudicate ? (
                  <AdjudicationForm projectId={projectId} itemId={view.id} categories={view.failureCategories} />
                ) : null}
                <details className={styles.history}>
                  <summary>
                    <Text size="2">History ({view.history.length})</Text>
                  </summary>
                  <ol aria-label="Annotation history" className={styles.list}>
                    {view.history.map((change) => (
                      <li key={change.id}>
                        <Text size="1">
                          {formatTime(change.at)} · {change.editor}: {describeVerdict(change.before)} → {describeVerdict(change.after)}
                        </Text>
                      </li>
                    ))}
                  </ol>
                </details>
              </section>
            </Card>
          ) : null}
        </Flex>
        {side ? <aside className={styles.side}>{side}</aside> : null}
      </div>
    </>
  );
}
