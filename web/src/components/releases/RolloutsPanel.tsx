import Link from "next/link";
import { Badge, Card, Flex, Heading, Table, Text } from "@radix-ui/themes";
import { releaseMetricLabel } from "@/contracts/releases";
import type { GuardrailCheck, Rollout, RolloutCheck, RolloutEvent } from "@/contracts/rollouts";
import type { ReleasesPageView, SelectedRollout } from "@/server/releases/releasesPageView";
import { formatUtcMinute } from "@/components/drift/driftLabels";
import { formatShare } from "@/components/releases/formatShare";
import { RolloutActions } from "@/components/releases/RolloutActions";

type BadgeColor = "blue" | "amber" | "red" | "green" | "gray";
const stateBadge: Record<Rollout["state"], { label: string; color: BadgeColor }> = {
  running: { label: "Running", color: "blue" },
  paused: { label: "Paused", color: "amber" },
  rolled_back: { label: "Rolled back", color: "red" },
  completed: { label: "Completed", color: "green" },
};
const decisionLabel: Record<RolloutCheck["decision"], string> = {
  wait: "Waiting",
  advance: "Advancing",
  pause: "Pausing",
  rollback: "Rolling back",
};
const guardrailBadge: Record<GuardrailCheck["status"], { label: string; color: BadgeColor }> = {
  holds: { label: "Holds", color: "green" },
  breached: { label: "Breached", color: "red" },
  inconclusive: { label: "Inconclusive", color: "amber" },
  waiting: { label: "Too few samples", color: "gray" },
};
const actionLabel: Record<RolloutEvent["action"], string> = {
  created: "Started",
  advanced: "Advanced",
  paused: "Paused",
  resumed: "Resumed",
  rolled_back: "Rolled back",
  completed: "Completed",
};

const percent = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value * 100).toFixed(1)} %`;

function StateBadge({ state }: { state: Rollout["state"] }) {
  const badge = stateBadge[state];
  return (
    <Badge color={badge.color} variant="soft">
      {badge.label}
    </Badge>
  );
}

/** "Stage 2 of 5 · 5%": where the rollout is, by share of users on the candidate. */
function stageText(rollout: Rollout): string {
  return rollout.state === "rolled_back"
    ? `0% (rolled back at stage ${rollout.stage + 1})`
    : `${formatShare(rollout.candidateShare)} · stage ${rollout.stage + 1} of ${rollout.stages.length}`;
}

function GuardrailTable({ check }: { check: RolloutCheck }) {
  return (
    <Table.Root variant="surface" size="1">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Guardrail</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Allowed</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Regression</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Samples (baseline / candidate)</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {check.guardrails.map((guardrail) => {
          const badge = guardrailBadge[guardrail.status];
          const ci = guardrail.regressionCi;
          return (
            <Table.Row key={guardrail.metric}>
              <Table.RowHeaderCell>{releaseMetricLabel(guardrail.metric)}</Table.RowHeaderCell>
              <Table.Cell>{percent(guardrail.maxRegression)}</Table.Cell>
              <Table.Cell>
                {guardrail.regression === null ? "—" : percent(guardrail.regression)}
                {ci && ci.lower !== null && ci.upper !== null ? (
                  <Text as="div" size="1" color="gray">
                    {percent(ci.lower)} to {percent(ci.upper)}
                  </Text>
                ) : null}
              </Table.Cell>
              <Table.Cell>
                {guardrail.n.baseline.toLocaleString("en")} / {guardrail.n.candidate.toLocaleString("en")}
              </Table.Cell>
              <Table.Cell>
                <Badge color={badge.color} variant="soft">
                  {badge.label}
                </Badge>
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table.Root>
  );
}

/** One rollout in full: the guard's last look at it, and every change with who made it and why. */
function RolloutDetail({ projectId, manageable, selected }: { projectId: string; manageable: boolean; selected: SelectedRollout }) {
  const { rollout, history } = selected;
  const check = rollout.lastCheck;
  return (
    <Card aria-label={`Rollout ${rollout.key}`}>
      <Flex direction="column" gap="3">
        <Flex justify="between" align="start" gap="3" wrap="wrap">
          <Flex direction="column" gap="1">
            <Heading as="h3" size="3">
              {rollout.key}: {rollout.candidate} against {rollout.baseline} <StateBadge state={rollout.state} />
            </Heading>
            <Text size="2" color="gray">
              {stageText(rollout)}, since {formatUtcMinute(rollout.stageStartedAt)}. Stages {rollout.stages.map(formatShare).join(", ")};
              each at least {Math.round(rollout.minDwellSeconds / 60)} min and {rollout.minSamples.toLocaleString("en")} samples.
            </Text>
            <Text size="2" color="gray">
              {/* A rollout has at least one guardrail (rolloutInputSchema). */}
              Guardrails:{" "}
              {rollout.guardrails
                .map((guardrail) => `${releaseMetricLabel(guardrail.metric)} at most ${formatShare(guardrail.maxRegression)} worse`)
                .join(", ")}
              .
            </Text>
          </Flex>
          {manageable ? <RolloutActions projectId={projectId} rollout={rollout} /> : null}
        </Flex>
        {check ? (
          <>
            <Text size="2">
              <Text weight="medium">Guard, {formatUtcMinute(check.at)}:</Text> {decisionLabel[check.decision]}. {check.reason}.
              {check.srm
                ? ` Users ${check.srm.units.baseline.toLocaleString("en")} / ${check.srm.units.candidate.toLocaleString("en")} fit the split: ${check.srm.mismatch ? "no" : "yes"}.`
                : ""}
            </Text>
            <GuardrailTable check={check} />
          </>
        ) : (
          <Text size="2" color="gray">
            The guard has not looked yet: it does every minute once the stage is a minute old.
          </Text>
        )}
        <Heading as="h4" size="2">
          History
        </Heading>
        <Table.Root size="1" variant="ghost">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>When</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Change</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>By</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Why</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {history.map((event, index) => (
              <Table.Row key={`${event.at}-${index}`}>
                <Table.Cell>{formatUtcMinute(event.at)}</Table.Cell>
                <Table.Cell>
                  {actionLabel[event.action]}: {formatShare(event.fromShare)} → {formatShare(event.toShare)}
                </Table.Cell>
                <Table.Cell>{event.actor === "guard" ? "Guard" : event.actor}</Table.Cell>
                <Table.Cell>{event.reason}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      </Flex>
    </Card>
  );
}

/** The project's rollouts, most recently changed first, and the selected one in full. */
export function RolloutsPanel({ view }: { view: ReleasesPageView }) {
  const { rollouts, selected, projectId, manageable } = view;
  if (rollouts.length === 0)
    return (
      <Text size="2" color="gray">
        No rollouts yet. A rollout gives a candidate release to a growing share of users and rolls it back by itself when a guardrail breaks
        {manageable ? "" : " (admins start them)"}.
      </Text>
    );
  return (
    <Flex direction="column" gap="3">
      <Table.Root variant="surface" aria-label="Rollouts">
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeaderCell>Rollout</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Candidate / baseline</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>State</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Share</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Guard</Table.ColumnHeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rollouts.map((rollout) => (
            <Table.Row key={rollout.key} aria-current={selected?.rollout.key === rollout.key ? "true" : undefined}>
              <Table.RowHeaderCell>
                <Link href={`/projects/${projectId}/releases?rollout=${encodeURIComponent(rollout.key)}`}>{rollout.key}</Link>
              </Table.RowHeaderCell>
              <Table.Cell>
                {rollout.candidate} / {rollout.baseline}
              </Table.Cell>
              <Table.Cell>
                <StateBadge state={rollout.state} />
              </Table.Cell>
              <Table.Cell>{stageText(rollout)}</Table.Cell>
              <Table.Cell>
                <Text size="1" color="gray">
                  {rollout.lastCheck ? decisionLabel[rollout.lastCheck.decision] : "Not looked yet"}
                </Text>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
      {selected ? <RolloutDetail projectId={projectId} manageable={manageable} selected={selected} /> : null}
    </Flex>
  );
}
