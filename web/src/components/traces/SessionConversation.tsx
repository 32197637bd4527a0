import Link from "next/link";
import { Card, Flex, Heading, Link as RadixLink, Text } from "@radix-ui/themes";
import type { SessionView } from "@/server/traces/traceConsole";
import { LongText } from "@/components/traces/LongText";
import { StatusBadge } from "@/components/traces/StatusBadge";
import { formatMs, formatTime } from "@/components/traces/format";
import { FeedbackList } from "@/components/feedback/FeedbackList";
import { FeedbackSummaryView } from "@/components/feedback/FeedbackSummaryView";
import { PageHeader } from "@/components/ui/PageHeader";
import styles from "@/components/traces/Session.module.css";

/** A session read as the conversation it was: each turn's question and answer, oldest first, with its feedback. */
export function SessionConversation({ projectId, view }: { projectId: string; view: SessionView }) {
  const first = view.turns[0];
  return (
    <>
      <PageHeader
        title={`Session ${view.sessionId}`}
        description={`${view.turns.length} ${view.turns.length === 1 ? "turn" : "turns"}${view.userId ? ` with ${view.userId}` : ""}${first ? `, from ${formatTime(first.startTime)}` : ""}`}
        actions={<FeedbackSummaryView summary={view.feedback} maxReasons={4} />}
      />
      <ol className={styles.turns} aria-label="Turns">
        {view.turns.map((turn, index) => (
          <li key={turn.id}>
            <Card size="2">
              <Flex direction="column" gap="3">
                <Flex justify="between" align="center" gap="3" wrap="wrap">
                  <Text size="1" color="gray">
                    Turn {index + 1} · {formatTime(turn.startTime)} · {formatMs(turn.latencyMs)}
                  </Text>
                  <Flex gap="3" align="center">
                    <StatusBadge status={turn.status} />
                    <RadixLink asChild size="2">
                      <Link href={`/projects/${projectId}/traces/${encodeURIComponent(turn.id)}`}>open trace</Link>
                    </RadixLink>
                  </Flex>
                </Flex>
                <section aria-label={`Question ${index + 1}`} className={styles.question}>
                  <Heading as="h2" size="1" color="gray" mb="1">
                    User
                  </Heading>
                  <LongText text={turn.question || "—"} />
                </section>
                <section aria-label={`Answer ${index + 1}`} className={styles.answer}>
                  <Heading as="h2" size="1" color="gray" mb="1">
                    Assistant
                  </Heading>
                  <LongText text={turn.answer || "—"} />
                </section>
                {turn.feedback.length > 0 ? <FeedbackList events={turn.feedback} /> : null}
              </Flex>
            </Card>
          </li>
        ))}
      </ol>
    </>
  );
}
