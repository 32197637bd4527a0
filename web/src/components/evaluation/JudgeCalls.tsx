import type { z } from "zod";
import { Badge, Code, Flex, Table, Text } from "@radix-ui/themes";
import type { judgeCallListSchema } from "@/contracts/evaluators";
import { formatMs, formatTime, formatUsd } from "@/components/traces/format";
import { TableCaption } from "@/components/settings/TableCaption";

export type JudgeCallList = z.infer<typeof judgeCallListSchema>;
type JudgeCall = JudgeCallList["data"][number];

function status(call: JudgeCall): { label: string; color: "green" | "red" | "amber" } {
  if (call.scoreId) return { label: "Scored", color: "green" };
  if (call.error) return { label: call.httpStatus ? `Failed (HTTP ${call.httpStatus})` : "Failed", color: "red" };
  return { label: call.httpStatus ? `Answered (HTTP ${call.httpStatus})` : "No score", color: "amber" };
}

function tokens(call: JudgeCall): string {
  if (call.inputTokens === null && call.outputTokens === null) return "—";
  const count = (value: number | null) => (value === null ? "?" : value.toLocaleString("en"));
  return `${count(call.inputTokens)} in · ${count(call.outputTokens)} out`;
}

function Disclosure({ summary, text }: { summary: string; text: string }) {
  return (
    <details>
      <summary>
        <Text size="1">{summary}</Text>
      </summary>
      <Code size="1" variant="ghost" style={{ display: "block", whiteSpace: "pre-wrap", wordBreak: "break-word", maxWidth: "70ch" }}>
        {text}
      </Code>
    </details>
  );
}

/**
 * Every call a judge made for a trace, oldest first, as the judge-calls endpoint returns
 * them: attempt, outcome, latency, tokens, cost, the error, and the prompt and raw answer
 * behind disclosures (they are long; the table stays scannable).
 */
export function JudgeCalls({ calls }: { calls: JudgeCallList["data"] }) {
  if (calls.length === 0)
    return (
      <Text size="2" color="gray">
        No judge calls for this trace.
      </Text>
    );
  return (
    <Table.Root variant="surface" size="1">
      <TableCaption>Judge calls</TableCaption>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Attempt</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Started</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Latency</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Tokens</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Cost</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Details</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {calls.map((call) => {
          const badge = status(call);
          return (
            <Table.Row key={call.id} align="start">
              <Table.RowHeaderCell>{call.attempt}</Table.RowHeaderCell>
              <Table.Cell>
                <Badge color={badge.color}>{badge.label}</Badge>
              </Table.Cell>
              <Table.Cell>{formatTime(call.startedAt)}</Table.Cell>
              <Table.Cell justify="end">{formatMs(call.latencyMs)}</Table.Cell>
              <Table.Cell>{tokens(call)}</Table.Cell>
              <Table.Cell justify="end">{formatUsd(call.costUsd)}</Table.Cell>
              <Table.Cell>
                <Flex direction="column" gap="1">
                  {call.error ? (
                    <Text size="1" color="red">
                      {call.error}
                    </Text>
                  ) : null}
                  <Disclosure summary="Prompt" text={JSON.stringify(call.prompt, null, 2)} />
                  {call.response !== null ? <Disclosure summary="Response" text={call.response} /> : null}
                </Flex>
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table.Root>
  );
}
