import { Flex, Table, Text } from "@radix-ui/themes";
import type { EvaluatorView } from "@/contracts/evaluators";
import type { EvaluatorAgreementView } from "@/contracts/evaluatorAgreement";
import { TableCaption } from "@/components/settings/TableCaption";
import { correctionLine, verdictLine, type AgreementLine } from "@/components/evaluation/agreementLabels";

function Line({ line }: { line: AgreementLine }) {
  return (
    <Flex direction="column">
      <Text size="1">{line.summary}</Text>
      {line.detail ? (
        <Text size="1" color="gray">
          {line.detail}
        </Text>
      ) : null}
    </Flex>
  );
}

/**
 * Trust in the judge: per evaluator and score name, how far annotators agree with it on the
 * traces they labelled, with the sample size behind each figure.
 */
export function EvaluatorAgreement({ evaluators, agreements }: { evaluators: EvaluatorView[]; agreements: EvaluatorAgreementView[] }) {
  const nameOf = new Map(evaluators.map((evaluator) => [evaluator.id, evaluator.name]));
  const rows = agreements.flatMap((agreement) =>
    agreement.scores.map((score) => ({ agreement, score, key: `${agreement.evaluatorId}:${score.name}` })),
  );
  if (rows.length === 0) return null;
  return (
    <Flex direction="column" gap="2">
      <Text as="p" size="2" weight="medium">
        Agreement with annotators
      </Text>
      <Text as="p" size="1" color="gray">
        On traces people labelled: the evaluator&apos;s latest score against annotators&apos; corrections, and its pass/fail against their
        verdicts. Each trace counts once per annotator.
      </Text>
      <Table.Root variant="surface" size="1">
        <TableCaption>Agreement with annotators</TableCaption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeaderCell>Evaluator</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Score</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Against corrections</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Against verdicts</Table.ColumnHeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map(({ agreement, score, key }) => (
            <Table.Row key={key}>
              <Table.RowHeaderCell style={{ whiteSpace: "nowrap" }}>{nameOf.get(agreement.evaluatorId) ?? "—"}</Table.RowHeaderCell>
              <Table.Cell style={{ whiteSpace: "nowrap" }}>{score.name}</Table.Cell>
              <Table.Cell>
                <Line line={correctionLine(score, agreement.minimumSample)} />
              </Table.Cell>
              <Table.Cell>
                <Line line={verdictLine(score, agreement.minimumSample)} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
    </Flex>
  );
}
