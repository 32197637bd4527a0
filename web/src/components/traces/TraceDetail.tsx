import Link from "next/link";
import type { ReactNode } from "react";
import { Button, Callout, Card, Code, DataList, Flex, Grid, Heading, Link as RadixLink, Text } from "@radix-ui/themes";
import { CrossCircledIcon } from "@radix-ui/react-icons";
import type { TraceDetailView } from "@/server/traces/traceConsole";
import { IoView, JsonView } from "@/components/traces/IoView";
import { StatusBadge } from "@/components/traces/StatusBadge";
import { Waterfall } from "@/components/traces/Waterfall";
import { formatEmbeddings, formatModel, formatMs, formatTime, formatTokens, formatUsd } from "@/components/traces/format";
import { FeedbackList } from "@/components/feedback/FeedbackList";
import { FeedbackSummaryView } from "@/components/feedback/FeedbackSummaryView";
import { PageHeader } from "@/components/ui/PageHeader";
import { TraceScores } from "@/components/scores/TraceScores";
import { JudgeCalls } from "@/components/evaluation/JudgeCalls";

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <DataList.Root size="2">
      {items.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.Label minWidth="120px">{label}</DataList.Label>
          <DataList.Value>{value}</DataList.Value>
        </DataList.Item>
      ))}
    </DataList.Root>
  );
}

/**
 * Everything known about one interaction, in the order an engineer asks: how it went and
 * what people said, how evaluators scored it, what went in and came out, then the steps with their durations.
 */
export function TraceDetail({ projectId, view }: { projectId: string; view: TraceDetailView }) {
  const { trace } = view;
  const base = `/projects/${projectId}`;
  return (
    <>
      <PageHeader
        title={trace.name ?? "Trace"}
        description={
          <>
            <Code variant="ghost">{trace.id}</Code> · {formatTime(trace.startTime)}
          </>
        }
        actions={
          <>
            <StatusBadge status={trace.status} />
            {trace.sessionId ? (
              <Button asChild variant="soft" size="2">
                <Link href={`${base}/sessions/${encodeURIComponent(trace.sessionId)}`}>Session {trace.sessionId}</Link>
              </Button>
            ) : null}
          </>
        }
      />
      <Flex direction="column" gap="4">
        {trace.error ? (
          <Callout.Root color="red" role="note">
            <Callout.Icon>
              <CrossCircledIcon />
            </Callout.Icon>
            <Callout.Text>{trace.error}</Callout.Text>
          </Callout.Root>
        ) : null}
        <Grid columns={{ initial: "1", md: "2" }} gap="4" align="start">
          <Card size="2" asChild>
            <section aria-label="Summary">
              <Facts
                items={[
                  ["Latency", formatMs(trace.latencyMs)],
                  ["Time to first token", formatMs(trace.ttftMs)],
                  ["Model", formatModel(trace.model, trace.servedModel)],
                  ["Tokens", formatTokens(trace.usage)],
                  [
                    "Cost",
                    <>
                      {formatUsd(trace.costUsd)}
                      {trace.costSource === "computed" ? (
                        <Text size="1" color="gray">
                          &nbsp;(from the price table)
                        </Text>
                      ) : null}
                    </>,
                  ],
                  ["Release", trace.release ?? "—"],
                  ["Prompt version", trace.promptVersion ?? "—"],
                  ...(trace.embeddings.length > 0 ? ([["Vectors", formatEmbeddings(trace.embeddings)]] as [string, ReactNode][]) : []),
                  [
                    "Session",
                    trace.sessionId ? (
                      <RadixLink asChild>
                        <Link href={`${base}/sessions/${encodeURIComponent(trace.sessionId)}`}>{trace.sessionId}</Link>
                      </RadixLink>
                    ) : (
                      "—"
                    ),
                  ],
                  [
                    "User",
                    trace.userId ? (
                      <RadixLink asChild>
                        <Link href={`${base}/traces?userId=${encodeURIComponent(trace.userId)}`}>{trace.userId}</Link>
                      </RadixLink>
                    ) : (
                      "—"
                    ),
                  ],
                ]}
              />
            </section>
          </Card>
          <Card size="2" asChild>
            <section aria-labelledby="feedback-heading">
              <Flex direction="column" gap="3">
                <Flex justify="between" align="center" gap="3" wrap="wrap">
                  <Heading as="h2" size="3" id="feedback-heading">
                    Feedback
                  </Heading>
                  <FeedbackSummaryView summary={view.feedback} maxReasons={4} />
                </Flex>
                <FeedbackList events={trace.feedback} />
              </Flex>
            </section>
          </Card>
        </Grid>
        <Card size="2" asChild>
          <section aria-labelledby="scores-heading">
            <Heading as="h2" size="3" id="scores-heading" mb="2">
              Scores
            </Heading>
            <TraceScores scores={trace.scores} configs={view.scoreConfigs} projectId={projectId} corrections={view.scoreCorrections} />
            {view.judgeCalls.length > 0 ? (
              <details>
                <summary>Judge calls ({view.judgeCalls.length})</summary>
                <JudgeCalls calls={view.judgeCalls} />
              </details>
            ) : null}
          </section>
        </Card>
        <Grid columns={{ initial: "1", md: "2" }} gap="4" align="start">
          <Card size="2">
            <IoView label="Input" value={trace.input} note="No input was logged." />
          </Card>
          <Card size="2">
            <IoView label="Output" value={trace.output} note="No output was logged." />
          </Card>
        </Grid>
        <Card size="2" asChild>
          <section aria-labelledby="steps-heading">
            <Heading as="h2" size="3" id="steps-heading" mb="3">
              Steps
            </Heading>
            <Waterfall rows={view.steps} />
          </section>
        </Card>
        {trace.config || trace.promptTemplate || trace.metadata ? (
          <Card size="2" asChild>
            <section aria-labelledby="details-heading">
              <Heading as="h2" size="3" id="details-heading" mb="2">
                Settings and metadata
              </Heading>
              {trace.config ? <JsonView value={trace.config} summary="Model settings" /> : null}
              {trace.promptTemplate ? <JsonView value={trace.promptTemplate} summary="Prompt template" /> : null}
              {trace.metadata ? <JsonView value={trace.metadata} summary="Metadata" /> : null}
            </section>
          </Card>
        ) : null}
      </Flex>
    </>
  );
}
