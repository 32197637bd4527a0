"use client";

import { Badge, Button, Flex, Table, Text, VisuallyHidden } from "@radix-ui/themes";
import type { EvaluatorView } from "@/contracts/evaluators";
import { callApi } from "@/components/ui/apiClient";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { formatUsd } from "@/components/traces/format";
import { SettingsCard } from "@/components/settings/SettingsCard";
import { TableCaption } from "@/components/settings/TableCaption";
import { LockedNote } from "@/components/settings/LockedNote";
import { useMutation } from "@/components/settings/useMutation";
import { EvaluatorDialog } from "@/components/evaluation/EvaluatorDialog";
import { BackfillDialog } from "@/components/evaluation/BackfillDialog";
import { ToxicityLimits } from "@/components/evaluation/ToxicityLimits";
import { EvaluatorAgreement } from "@/components/evaluation/EvaluatorAgreement";
import { evaluatorKindInfo } from "@/components/evaluation/evaluatorKinds";
import type { EvaluatorsSettingsView } from "@/server/evaluation/evaluatorsView";

/** "2 min" for 120 s: settle delays are chosen in round minutes mostly. */
export function formatSettle(seconds: number): string {
  if (seconds === 0) return "none";
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** 0.125 as "12.5%": the rate is a share, people set it in percent. */
export function formatRate(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

function State({ evaluator }: { evaluator: EvaluatorView }) {
  if (evaluator.enabled) return <Badge color="green">Enabled</Badge>;
  return (
    <Flex direction="column" gap="1" align="start" style={{ maxWidth: "28ch" }}>
      <Badge color="amber">Paused</Badge>
      {evaluator.pausedReason ? (
        <Text size="1" color="gray">
          {evaluator.pausedReason}
        </Text>
      ) : null}
    </Flex>
  );
}

function Judge({ evaluator }: { evaluator: EvaluatorView }) {
  const judge = evaluator.judge;
  if (!judge) return <Text color="gray">—</Text>;
  const spent =
    judge.dailyBudgetUsd === null
      ? `${formatUsd(evaluator.spentTodayUsd)} today, no budget`
      : `${formatUsd(evaluator.spentTodayUsd)} of $${judge.dailyBudgetUsd.toLocaleString("en")} today`;
  return (
    <Flex direction="column" gap="1" style={{ minWidth: "16ch" }}>
      <Text size="2">{judge.model}</Text>
      <Text size="1" color="gray">
        {spent}
      </Text>
    </Flex>
  );
}

function Counts({ counts }: { counts: EvaluatorView["counts"] }) {
  const count = (value: number) => value.toLocaleString("en");
  return (
    <Flex direction="column">
      <Text size="1">
        {count(counts.scored)} scored · {count(counts.failed)} failed
      </Text>
      <Text size="1" color="gray">
        {count(counts.pending)} pending · {count(counts.skipped)} skipped
      </Text>
    </Flex>
  );
}

/**
 * The project's evaluators with what they have done (this version's traces by outcome, the
 * judge's spending today); those who manage evaluators add, change, pause and backfill them.
 */
export function EvaluatorsPanel({ projectId, evaluators, agreements, manageable, rubrics, toxicityLimits }: EvaluatorsSettingsView) {
  const { run, error, busy } = useMutation();
  const dialogProps = { projectId, rubrics, toxicityLimits };
  const toggle = (evaluator: EvaluatorView) =>
    void run(() => callApi("PATCH", `/api/v1/projects/${projectId}/evaluators/${evaluator.id}`, { enabled: !evaluator.enabled }), {
      success: `${evaluator.name} ${evaluator.enabled ? "paused" : "resumed"}`,
    });
  const hasToxicity = evaluators.some((evaluator) => evaluator.kind === "toxicity");

  return (
    <SettingsCard
      id="evaluators"
      title="Evaluators"
      description="Evaluators score settled traces in the background: built-in checks that need no model, or an LLM judge you configure. Changing what one scores starts a new version and a new score series."
    >
      {manageable ? (
        <Flex>
          <EvaluatorDialog {...dialogProps} trigger={<Button>Add evaluator</Button>} />
        </Flex>
      ) : (
        <LockedNote>Owners and admins add, change, pause and backfill evaluators.</LockedNote>
      )}
      <ErrorMessage error={error} />
      {evaluators.length === 0 ? (
        <Text size="2" color="gray">
          No evaluators yet: traces are not scored.
        </Text>
      ) : (
        <Table.Root variant="surface" size="1">
          <TableCaption>Evaluators</TableCaption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Name</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Kind</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>State</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Sampling</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Settle</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Version</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Traces (this version)</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Judge</Table.ColumnHeaderCell>
              {manageable ? (
                <Table.ColumnHeaderCell>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.ColumnHeaderCell>
              ) : null}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {evaluators.map((evaluator) => (
              <Table.Row key={evaluator.id} align="center">
                <Table.RowHeaderCell style={{ whiteSpace: "nowrap" }}>{evaluator.name}</Table.RowHeaderCell>
                <Table.Cell style={{ whiteSpace: "nowrap" }}>{evaluatorKindInfo[evaluator.kind].label}</Table.Cell>
                <Table.Cell>
                  <State evaluator={evaluator} />
                </Table.Cell>
                <Table.Cell justify="end">{formatRate(evaluator.samplingRate)}</Table.Cell>
                <Table.Cell>{formatSettle(evaluator.settleSeconds)}</Table.Cell>
                <Table.Cell justify="end">{evaluator.version}</Table.Cell>
                <Table.Cell>
                  <Counts counts={evaluator.counts} />
                </Table.Cell>
                <Table.Cell>
                  <Judge evaluator={evaluator} />
                </Table.Cell>
                {manageable ? (
                  <Table.Cell>
                    <Flex gap="2" wrap="nowrap">
                      <Button
                        size="1"
                        variant="soft"
                        color={evaluator.enabled ? "amber" : "green"}
                        disabled={busy}
                        aria-label={`${evaluator.enabled ? "Pause" : "Resume"} ${evaluator.name}`}
                        onClick={() => {
                          toggle(evaluator);
                        }}
                      >
                        {evaluator.enabled ? "Pause" : "Resume"}
                      </Button>
                      <EvaluatorDialog
                        {...dialogProps}
                        evaluator={evaluator}
                        trigger={
                          <Button size="1" variant="soft" color="gray" aria-label={`Edit ${evaluator.name}`}>
                            Edit
                          </Button>
                        }
                      />
                      <BackfillDialog projectId={projectId} evaluator={evaluator} />
                    </Flex>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
      <EvaluatorAgreement evaluators={evaluators} agreements={agreements} />
      {hasToxicity ? <ToxicityLimits limits={toxicityLimits} /> : null}
    </SettingsCard>
  );
}
