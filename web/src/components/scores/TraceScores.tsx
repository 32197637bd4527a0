import { Badge, Table, Text } from "@radix-ui/themes";
import type { Score } from "@/contracts/scores";
import type { ScoreDisplayConfig } from "@/server/traces/traceConsole";
import { LongText } from "@/components/traces/LongText";
import { formatUsd } from "@/components/traces/format";
import { directionText, formatScoreValue, isBadScore, scoreLabel } from "@/components/scores/scoreLabels";

const sourceLabel = { api: "API", annotation: "Annotation" } as const;

/** Who gave the score: the API, an annotator, or an evaluator by name and version. */
export function scoreSource(score: Pick<Score, "source" | "evaluator" | "evaluatorVersion">): string {
  if (score.source !== "evaluator") return sourceLabel[score.source];
  const name = score.evaluator ?? "Evaluator";
  return score.evaluatorVersion === null ? name : `${name} v${score.evaluatorVersion}`;
}

function ScoreValue({ score, config }: { score: Score; config: ScoreDisplayConfig | undefined }) {
  const bad = config ? isBadScore(score.value, config) : null;
  const text = formatScoreValue(score);
  if (bad === null) return <Text>{text}</Text>;
  // The colour follows the config's direction: "Yes" is bad for pii_leak, good for format.
  return (
    <Badge color={bad ? "red" : "green"} variant="soft" title={bad ? "At or past the review threshold" : "Within the review threshold"}>
      {text}
    </Badge>
  );
}

/** A trace's scores, newest first: what was scored, the value, who scored it and why, and what it cost. */
export function TraceScores({ scores, configs }: { scores: Score[]; configs: Record<string, ScoreDisplayConfig> }) {
  if (scores.length === 0) {
    return (
      <Text as="p" size="2" color="gray">
        No scores on this trace yet: evaluator, API and annotator scores appear here once recorded.
      </Text>
    );
  }
  return (
    <Table.Root size="1">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Score</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Value</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Source</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Comment</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Cost</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {scores.map((score) => {
          const config = configs[score.name];
          return (
            <Table.Row key={score.id}>
              <Table.RowHeaderCell style={{ whiteSpace: "nowrap" }}>
                <Text weight="medium" title={config?.description ?? undefined}>
                  {scoreLabel(score.name)}
                </Text>
                {config && config.dataType !== "categorical" ? (
                  <Text as="div" size="1" color="gray">
                    {directionText(config.higherIsBetter)}
                  </Text>
                ) : null}
              </Table.RowHeaderCell>
              <Table.Cell>
                <ScoreValue score={score} config={config} />
              </Table.Cell>
              <Table.Cell style={{ whiteSpace: "nowrap" }}>{scoreSource(score)}</Table.Cell>
              <Table.Cell style={{ minWidth: "16rem" }}>
                {score.comment ? <LongText text={score.comment} previewLength={240} /> : <Text color="gray">—</Text>}
              </Table.Cell>
              <Table.Cell justify="end" style={{ whiteSpace: "nowrap" }}>
                {formatUsd(score.costUsd)}
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table.Root>
  );
}
