import { Badge, Flex, Table, Text, VisuallyHidden } from "@radix-ui/themes";
import type { Score, ScoreCorrection } from "@/contracts/scores";
import type { ScoreDisplayConfig } from "@/server/traces/traceConsole";
import type { TraceScoreCorrections } from "@/server/scores/traceScoreCorrections";
import { LongText } from "@/components/traces/LongText";
import { formatUsd } from "@/components/traces/format";
import { CorrectScoreDialog } from "@/components/scores/CorrectScoreDialog";
import { directionText, formatScoreValue, isBadScore, scoreLabel, scoreSource } from "@/components/scores/scoreLabels";

function ScoreValue({ score, config }: { score: Pick<Score, "value" | "category">; config: ScoreDisplayConfig | undefined }) {
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

/** Who corrected an evaluator's score, to what, and why: beside the score it corrects. */
function Correction({ correction, config }: { correction: ScoreCorrection; config: ScoreDisplayConfig | undefined }) {
  return (
    <Flex direction="column" gap="1" mt="1">
      <Text size="1">
        → corrected to <ScoreValue score={correction} config={config} /> by {correction.author ?? "a former member"}
        {correction.useAsExample ? (
          <Badge ml="1" size="1" color="blue" variant="soft" title="The judge sees this correction as a worked example">
            Few-shot example
          </Badge>
        ) : null}
      </Text>
      {/* A block of its own: LongText is a <pre>, which a <span> may not hold. */}
      {correction.comment ? <LongText text={correction.comment} previewLength={160} /> : null}
    </Flex>
  );
}

/**
 * A trace's scores, newest first: what was scored, the value, who scored it and why, and what
 * it cost. Annotators' corrections sit under the evaluator score they correct, and members who
 * may annotate can correct an evaluator's score from here.
 */
export function TraceScores({
  scores,
  configs,
  projectId,
  corrections,
}: {
  scores: Score[];
  configs: Record<string, ScoreDisplayConfig>;
  projectId?: string | undefined;
  corrections?: TraceScoreCorrections | undefined;
}) {
  if (scores.length === 0) {
    return (
      <Text as="p" size="2" color="gray">
        No scores on this trace yet: evaluator, API and annotator scores appear here once recorded.
      </Text>
    );
  }
  const correctionsOf = new Map<string, ScoreCorrection[]>();
  for (const correction of corrections?.corrections ?? []) {
    correctionsOf.set(correction.correctsScoreId, [...(correctionsOf.get(correction.correctsScoreId) ?? []), correction]);
  }
  const judgeScoreIds = new Set(corrections?.judgeScoreIds ?? []);
  const canCorrect = projectId !== undefined && corrections?.canCorrect === true;
  // A correction is shown with the score it corrects, not again as a row of its own.
  const rows = scores.filter((score) => score.correctsScoreId === null || !correctionsOf.has(score.correctsScoreId));
  return (
    <Table.Root size="1">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Score</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Value</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Source</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Comment</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Cost</Table.ColumnHeaderCell>
          {canCorrect ? (
            <Table.ColumnHeaderCell>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.ColumnHeaderCell>
          ) : null}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((score) => {
          const config = configs[score.name];
          const ofScore = correctionsOf.get(score.id) ?? [];
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
                {ofScore.map((correction) => (
                  <Correction key={correction.id} correction={correction} config={config} />
                ))}
              </Table.Cell>
              <Table.Cell style={{ whiteSpace: "nowrap" }}>{scoreSource(score)}</Table.Cell>
              <Table.Cell style={{ minWidth: "16rem" }}>
                {score.comment ? <LongText text={score.comment} previewLength={240} /> : <Text color="gray">—</Text>}
              </Table.Cell>
              <Table.Cell justify="end" style={{ whiteSpace: "nowrap" }}>
                {formatUsd(score.costUsd)}
              </Table.Cell>
              {canCorrect ? (
                <Table.Cell justify="end" style={{ whiteSpace: "nowrap" }}>
                  {score.source === "evaluator" ? (
                    <CorrectScoreDialog
                      projectId={projectId}
                      score={score}
                      config={config}
                      mine={ofScore.find((correction) => correction.authorId === corrections.viewerId)}
                      isJudge={judgeScoreIds.has(score.id)}
                    />
                  ) : null}
                </Table.Cell>
              ) : null}
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table.Root>
  );
}
