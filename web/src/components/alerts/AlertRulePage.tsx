import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, Card, Flex, Heading, Table, Text } from "@radix-ui/themes";
import type { AlertRulePageView } from "@/server/alerts/alertsPageView";
import { PageHeader } from "@/components/ui/PageHeader";
import { formatUtcMinute } from "@/components/drift/driftLabels";
import { AlertRuleActions, EndSilenceButton } from "@/components/alerts/AlertRuleActions";
import { AlertRuleDialog } from "@/components/alerts/AlertRuleDialog";
import { alertStateLabel, conditionText, formatAlertValue, stateBadge } from "@/components/alerts/alertLabels";

function Section({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  const headingId = `section-${title.toLowerCase()}`;
  return (
    <Flex direction="column" gap="2" asChild>
      <section aria-labelledby={headingId}>
        <Heading as="h2" size="4" id={headingId}>
          {title}
        </Heading>
        {empty ? (
          <Text size="2" color="gray">
            {empty}
          </Text>
        ) : (
          children
        )}
      </section>
    </Flex>
  );
}

/** One rule: its state and value now, each group's instance, every transition, and what was sent. */
export function AlertRulePage({ view }: { view: AlertRulePageView }) {
  const { rule } = view;
  const relative = rule.condition.relativeChange !== undefined;
  const badge = stateBadge(rule.state, rule.firingSeverity);
  const value = (entry: { value: number | null; compared: number | null }) =>
    relative
      ? `${formatAlertValue(rule.metric, entry.value)} (${formatAlertValue(rule.metric, entry.compared, true)})`
      : formatAlertValue(rule.metric, entry.value);
  return (
    <>
      <Text size="2" mb="2" as="div">
        <Link href={`/projects/${view.projectId}/alerts`}>Alerts</Link>
      </Text>
      <PageHeader
        title={
          <Flex gap="3" align="center">
            {rule.name}
            <Badge size="2" color={badge.color} variant="soft" data-testid="rule-state">
              {badge.label}
            </Badge>
          </Flex>
        }
        description={`${rule.metricLabel}${rule.groupBy ? ` by ${rule.groupBy}` : ""}: ${conditionText(rule)}${rule.enabled ? "" : " (disabled)"}`}
        actions={
          view.manageable && view.choices ? (
            <AlertRuleActions
              projectId={view.projectId}
              ruleId={rule.id}
              enabled={rule.enabled}
              change={<AlertRuleDialog projectId={view.projectId} choices={view.choices} rule={rule} />}
            />
          ) : null
        }
      />
      <Flex direction="column" gap="5">
        {rule.lastError ? (
          <Card>
            <Text color="red" size="2">
              The last evaluation failed: {rule.lastError}
            </Text>
          </Card>
        ) : null}
        {rule.silences.length ? (
          <Card>
            <Flex direction="column" gap="2">
              {rule.silences.map((silence) => (
                <Flex key={silence.id} gap="3" align="center" justify="between">
                  <Text size="2">
                    {silence.ruleId === null ? "Every rule is silenced" : silence.group ? `${silence.group} is silenced` : "Silenced"} until{" "}
                    {formatUtcMinute(silence.endsAt)} UTC: {silence.reason}
                    {silence.createdBy ? ` (${silence.createdBy})` : ""}
                  </Text>
                  {view.manageable ? <EndSilenceButton projectId={view.projectId} silenceId={silence.id} /> : null}
                </Flex>
              ))}
            </Flex>
          </Card>
        ) : null}
        <Section
          title={rule.groupBy ? "Groups" : "Now"}
          empty={rule.instances.length ? null : rule.evaluatedAt ? "Every group is OK." : "Not evaluated yet."}
        >
          <Table.Root size="1" variant="surface">
            <Table.Header>
              <Table.Row>
                {rule.groupBy ? <Table.ColumnHeaderCell>{rule.groupBy}</Table.ColumnHeaderCell> : null}
                <Table.ColumnHeaderCell>State</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Value</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Samples</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Since</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rule.instances.map((instance) => {
                const state = stateBadge(instance.state, instance.severity);
                return (
                  <Table.Row key={instance.group}>
                    {rule.groupBy ? <Table.RowHeaderCell>{instance.group}</Table.RowHeaderCell> : null}
                    <Table.Cell>
                      <Badge color={state.color} variant="soft">
                        {state.label}
                      </Badge>
                      {instance.silenced ? (
                        <Badge ml="1" color="gray">
                          Silenced
                        </Badge>
                      ) : null}
                    </Table.Cell>
                    <Table.Cell>{value(instance)}</Table.Cell>
                    <Table.Cell>{instance.samples ?? "—"}</Table.Cell>
                    <Table.Cell>{formatUtcMinute(instance.since)}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table.Root>
        </Section>
        <Section title="History" empty={rule.history.length ? null : "No state changes yet."}>
          <Table.Root size="1" variant="surface">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>At (UTC)</Table.ColumnHeaderCell>
                {rule.groupBy ? <Table.ColumnHeaderCell>{rule.groupBy}</Table.ColumnHeaderCell> : null}
                <Table.ColumnHeaderCell>Change</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Value</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Level crossed</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rule.history.map((event) => (
                <Table.Row key={`${event.at}-${event.group}`}>
                  <Table.Cell>{formatUtcMinute(event.at)}</Table.Cell>
                  {rule.groupBy ? <Table.Cell>{event.group}</Table.Cell> : null}
                  <Table.Cell>
                    {alertStateLabel[event.from].label} → {stateBadge(event.to, event.severity).label}
                  </Table.Cell>
                  <Table.Cell>{value(event)}</Table.Cell>
                  <Table.Cell>{event.level === null ? "—" : formatAlertValue(rule.metric, event.level, relative)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        </Section>
        <Section
          title="Notifications"
          empty={rule.deliveries.length ? null : rule.channels.length ? "None sent yet." : "The rule notifies no channel."}
        >
          <Table.Root size="1" variant="surface">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Queued (UTC)</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Channel</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Kind</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Attempts</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Last error</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rule.deliveries.map((delivery) => (
                <Table.Row key={delivery.id}>
                  <Table.Cell>{formatUtcMinute(delivery.createdAt)}</Table.Cell>
                  <Table.Cell>{delivery.channel}</Table.Cell>
                  <Table.Cell>{delivery.kind}</Table.Cell>
                  <Table.Cell>
                    <Badge color={delivery.status === "delivered" ? "green" : delivery.status === "failed" ? "red" : "gray"} variant="soft">
                      {delivery.status}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell>{delivery.attempts}</Table.Cell>
                  <Table.Cell>
                    <Text size="1">{delivery.lastError ?? (delivery.lastStatus ? `HTTP ${delivery.lastStatus}` : "—")}</Text>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        </Section>
      </Flex>
    </>
  );
}
