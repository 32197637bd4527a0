import Link from "next/link";
import { Button, Card, Flex, Grid, Heading, Link as RadixLink, Tabs, Text } from "@radix-ui/themes";
import type { ProjectPageAccess } from "@/server/auth/projectAccess";
import type { ProjectOverviewView } from "@/server/projects/projectOverview";
import { can } from "@/server/auth/permissions";
import { formatChartValue } from "@/components/charts/chartFormat";
import { CodeSnippet } from "@/components/projects/CodeSnippet";
import { PageHeader } from "@/components/ui/PageHeader";
import { StatTile } from "@/components/ui/StatTile";

function snippets(baseUrl: string) {
  const trace = `curl -X POST ${baseUrl}/api/v1/traces \\
  -H "Authorization: Bearer sk_..." \\
  -H "Content-Type: application/json" \\
  -d '{"traces":[{"id":"answer-42","sessionId":"chat-1","input":"Where is my order?","output":"It ships today.","startTime":"${new Date().toISOString().slice(0, 19)}Z"}]}'`;
  const script = `<div id="feedback-for-answer-42"></div>
<script>
  window.Liveloop = window.Liveloop || function () { (Liveloop.q = Liveloop.q || []).push(arguments); };
  Liveloop("init", { publicKey: "pk_..." });
  Liveloop("mount", "#feedback-for-answer-42", { traceId: "answer-42" });
</script>
<script async src="${baseUrl}/widget.js"></script>`;
  const react = `import { Feedback, FeedbackProvider } from "@liveloop/widget";

<FeedbackProvider endpoint="${baseUrl}" publicKey="pk_...">
  <Feedback.Bar traceId="answer-42" />
</FeedbackProvider>`;
  return { trace, script, react };
}

/** The project at a glance (last 24 hours, the review queue) and how to send it data. */
export function ProjectOverview({ access, view }: { access: ProjectPageAccess; view: ProjectOverviewView }) {
  const base = `/projects/${access.project.id}`;
  const { last24h } = view;
  const code = snippets(view.baseUrl);
  return (
    <>
      <PageHeader
        title={access.project.name}
        description="The last 24 hours at a glance."
        actions={
          <>
            <Button asChild variant="soft">
              <Link href={`${base}/metrics`}>Metrics</Link>
            </Button>
            <Button asChild variant="soft">
              <Link href={`${base}/traces`}>Traces</Link>
            </Button>
          </>
        }
      />
      <Flex direction="column" gap="5">
        <Grid columns={{ initial: "2", sm: "3", md: "6" }} gap="3" asChild>
          <section aria-label="Last 24 hours">
            <StatTile label="Requests" value={formatChartValue("count", last24h.requests)} />
            <StatTile label="Error rate" value={formatChartValue("percent", last24h.errorRate)} />
            <StatTile label="Latency p95" value={formatChartValue("ms", last24h.latencyP95Ms)} />
            <StatTile label="Cost" value={formatChartValue("usd", last24h.costUsd)} />
            <StatTile
              label="Thumbs-down rate"
              value={formatChartValue("percent", last24h.thumbsDownRate)}
              hint={
                last24h.thumbsUp + last24h.thumbsDown > 0
                  ? `${last24h.thumbsDown} of ${last24h.thumbsUp + last24h.thumbsDown} thumbs`
                  : "No thumbs yet"
              }
            />
            <StatTile
              label="Review queue"
              value={formatChartValue("count", view.reviewQueue)}
              hint={
                <RadixLink asChild size="1">
                  <Link href={`${base}/review`}>Open the queue</Link>
                </RadixLink>
              }
            />
          </section>
        </Grid>
        <Card size="3" asChild>
          <section aria-labelledby="getting-started-heading">
            <Flex direction="column" gap="3">
              <Heading as="h2" size="4" id="getting-started-heading">
                Getting started
              </Heading>
              <Text as="p" size="2" color="gray">
                {can(access.role, "keys:manage") ? (
                  <>
                    Create a secret key (<code>sk_</code>, for your server) and a public key (<code>pk_</code>, for the widget) in{" "}
                    <RadixLink asChild>
                      <Link href={`${base}/settings`}>Settings</Link>
                    </RadixLink>
                    , then replace <code>sk_...</code> and <code>pk_...</code> below.
                  </>
                ) : (
                  <>Ask an admin of this project for a secret key and a public key, then replace sk_... and pk_... below.</>
                )}
              </Text>
              <Tabs.Root defaultValue="trace">
                <Tabs.List>
                  <Tabs.Trigger value="trace">1. Send a trace</Tabs.Trigger>
                  <Tabs.Trigger value="script">2. Collect feedback (script tag)</Tabs.Trigger>
                  <Tabs.Trigger value="react">2. Collect feedback (React)</Tabs.Trigger>
                </Tabs.List>
                <Flex direction="column" gap="2" pt="3">
                  <Tabs.Content value="trace">
                    <CodeSnippet label="Send a trace with curl" code={code.trace} />
                  </Tabs.Content>
                  <Tabs.Content value="script">
                    <CodeSnippet label="Feedback widget script tag" code={code.script} />
                  </Tabs.Content>
                  <Tabs.Content value="react">
                    <CodeSnippet label="Feedback widget in React" code={code.react} />
                  </Tabs.Content>
                </Flex>
              </Tabs.Root>
              <Text as="p" size="2" color="gray">
                The whole API is described at{" "}
                <RadixLink href={`${view.baseUrl}/api/v1/openapi.json`}>{view.baseUrl}/api/v1/openapi.json</RadixLink>.
              </Text>
            </Flex>
          </section>
        </Card>
      </Flex>
    </>
  );
}
