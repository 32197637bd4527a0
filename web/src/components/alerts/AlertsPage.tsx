import Link from "next/link";
import { Badge, Flex, Heading, Table, Text } from "@radix-ui/themes";
import type { AlertsPageView } from "@/server/alerts/alertsPageView";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyState } from "@/components/ui/EmptyState";
import { formatUtcMinute } from "@/components/drift/driftLabels";
import { AlertRuleDialog } from "@/components/alerts/AlertRuleDialog";
import { AlertChannels } from "@/components/alerts/AlertChannels";
import { alertRuleHref, conditionText, stateBadge } from "@/components/alerts/alertLabels";

/** The alerts page: every rule with its state now, and the channels they notify. */
export function AlertsPage({ view }: { view: AlertsPageView }) {
  const newRule = view.manageable ? <AlertRuleDialog projectId={view.projectId} choices={view.choices} /> : null;
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Rules evaluated every minute over a sliding window; they notify once when they fire and once when they recover."
        actions={view.rules.length ? newRule : null}
      />
      <Flex direction="column" gap="6">
        {view.rules.length === 0 ? (
          <EmptyState title="No alert rules yet" action={newRule}>
            Start from a preset: hallucination above 0.15 for an hour, p95 latency above 5 s for 30 minutes, the thumbs-down rate up 20 %
            within an hour, the error rate, or cost per user.{view.manageable ? null : " An owner or admin can make one."}
          </EmptyState>
        ) : (
          <Table.Root variant="surface">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Rule</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Metric</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Condition</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>State</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Notifies</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Evaluated</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {view.rules.map((rule) => {
                const badge = stateBadge(rule.state, rule.firingSeverity);
                return (
                  <Table.Row key={rule.id}>
                    <Table.RowHeaderCell>
                      <Link href={alertRuleHref(view.projectId, rule.id)}>{rule.name}</Link>
                      {rule.enabled ? null : (
                        <Badge ml="2" color="gray">
                          Disabled
                        </Badge>
                      )}
                    </Table.RowHeaderCell>
                    <Table.Cell>
                      {rule.metricLabel}
                      {rule.groupBy ? <Text color="gray"> by {rule.groupBy}</Text> : null}
                    </Table.Cell>
                    <Table.Cell>{conditionText(rule)}</Table.Cell>
                    <Table.Cell>
                      <Badge color={badge.color} variant="soft">
                        {badge.label}
                      </Badge>
                    </Table.Cell>
                    <Table.Cell>
                      {rule.channels.length === 0
                        ? "—"
                        : rule.channels.map((channel) => (
                            <Badge key={channel.id} mr="1" color={channel.failing ? "red" : "gray"} variant="outline">
                              {channel.name}
                              {channel.failing ? " (failing)" : ""}
                            </Badge>
                          ))}
                    </Table.Cell>
                    <Table.Cell>
                      <Text size="1" color="gray">
                        {rule.evaluatedAt ? formatUtcMinute(rule.evaluatedAt) : "not yet"}
                      </Text>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table.Root>
        )}
        <AlertChannels projectId={view.projectId} channels={view.choices.channels} manageable={view.manageable} />
        <Heading as="h2" size="1" color="gray" weight="regular">
          Times are UTC.
        </Heading>
      </Flex>
    </>
  );
}
