import { Badge, Callout, Card, Flex, Grid, Heading, Progress, Text } from "@radix-ui/themes";
import { InfoCircledIcon } from "@radix-ui/react-icons";
import type { DriftRunResult, DriftRunView } from "@/contracts/drift";
import type { DriftPageView } from "@/server/drift/driftPageView";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { StatTile } from "@/components/ui/StatTile";
import { DriftClusters } from "@/components/drift/DriftClusters";
import { DriftMap } from "@/components/drift/DriftMap";
import { DriftShifts } from "@/components/drift/DriftShifts";
import { DriftExampleList } from "@/components/drift/DriftExampleList";
import {
  driftRunStatusLabel,
  driftVerdictLabel,
  formatDistance,
  formatPValue,
  formatShare,
  formatWindow,
} from "@/components/drift/driftLabels";

/** One window explained: its figures, then what moved (clusters, novel texts, language and shape) and the map. */
export function DriftRunDetails({ view, run }: { view: DriftPageView; run: DriftRunView }) {
  const verdict = run.verdict ? driftVerdictLabel[run.verdict] : null;
  return (
    <Flex direction="column" gap="4" asChild>
      <section aria-labelledby="drift-run-heading">
        <Flex gap="3" align="center" wrap="wrap">
          <Heading as="h2" size="4" id="drift-run-heading">
            Window {formatWindow(run)}
          </Heading>
          {verdict ? (
            <Badge size="2" color={verdict.color} variant="soft" highContrast data-testid="run-verdict">
              {verdict.label}
            </Badge>
          ) : (
            <Badge size="2" color="gray" variant="soft" highContrast>
              {driftRunStatusLabel[run.status]}
            </Badge>
          )}
        </Flex>
        {run.status === "queued" || run.status === "running" ? (
          <Flex direction="column" gap="1" maxWidth="420px">
            <Progress value={Math.round(run.progress * 100)} aria-label="Run progress" />
            <Text size="1" color="gray">
              {driftRunStatusLabel[run.status]}: reload to see the result once it is done.
            </Text>
          </Flex>
        ) : null}
        <ErrorMessage error={run.status === "failed" ? (run.error ?? "The run failed") : null} />
        {run.status === "done" && run.verdict === "not_enough_data" ? (
          <Callout.Root color="gray" size="1">
            <Callout.Icon>
              <InfoCircledIcon />
            </Callout.Icon>
            <Callout.Text>
              Not enough data: {run.liveCount?.toLocaleString("en") ?? 0} live texts in this window, and at least{" "}
              {(view.baseline?.thresholds.minLiveCount ?? 100).toLocaleString("en")} are needed before a distance means anything.
            </Callout.Text>
          </Callout.Root>
        ) : null}
        {run.result && run.verdict !== "not_enough_data" ? <RunResult view={view} run={run} result={run.result} /> : null}
      </section>
    </Flex>
  );
}

function RunResult({ view, run, result }: { view: DriftPageView; run: DriftRunView; result: DriftRunResult }) {
  const thresholds = view.baseline?.thresholds;
  const skipped = result.skipped.withoutText + result.skipped.withoutVector + result.skipped.sampledOut;
  const tiles: [string, string, string][] = [
    ["Live texts", result.liveCount.toLocaleString("en"), `vs ${result.baselineCount.toLocaleString("en")} baseline texts`],
    ["Jensen-Shannon distance", formatDistance(result.jsDistance), "base 2, 0 to 1"],
    [
      "Corrected distance",
      formatDistance(result.jsDistanceCorrected),
      `less chance; drift from ${thresholds?.minCorrectedJsDistance ?? 0.05}`,
    ],
    ["KL divergence", `${formatDistance(result.klDivergence)} bits`, "live vs baseline"],
    ["Novel share", formatShare(result.novelShare), "about 5% when nothing is new"],
    ["p-value", formatPValue(result.pValue), `drift below ${thresholds?.pValue ?? 0.01}`],
    ["Centroid p-value", formatPValue(result.centroidPValue), `warning below ${thresholds?.centroidPValue ?? 0.005}`],
  ];
  const actions = view.manageable ? { projectId: view.projectId, runId: run.id, datasets: view.datasets } : null;
  return (
    <>
      <Grid columns={{ initial: "2", sm: "4", lg: "7" }} gap="3" asChild>
        <section aria-label="Figures">
          {tiles.map(([label, value, hint]) => (
            <StatTile key={label} label={label} value={value} hint={hint} />
          ))}
        </section>
      </Grid>
      {result.lowConfidence ? (
        <Callout.Root color="amber" size="1">
          <Callout.Icon>
            <InfoCircledIcon />
          </Callout.Icon>
          <Callout.Text>
            Low confidence: fewer than {(thresholds?.lowConfidenceBelow ?? 200).toLocaleString("en")} live texts, so these figures can move
            a lot from one window to the next.
          </Callout.Text>
        </Callout.Root>
      ) : null}
      {skipped > 0 ? (
        <Text size="1" color="gray">
          Left out: {result.skipped.withoutText.toLocaleString("en")} traces without text,{" "}
          {result.skipped.withoutVector.toLocaleString("en")} without a vector of this baseline&apos;s embedder,{" "}
          {result.skipped.sampledOut.toLocaleString("en")} over the sample size.
        </Text>
      ) : null}
      <Grid columns={{ initial: "1", md: "2" }} gap="4">
        <DriftMap map={view.map} />
        <Card size="2" asChild>
          <section aria-labelledby="drift-novel-heading">
            <Heading as="h3" size="3" id="drift-novel-heading" mb="1">
              Novel examples
            </Heading>
            <Text as="p" size="1" color="gray" mb="3">
              Live texts farther from every cluster than 95% of the baseline, farthest first.
            </Text>
            <DriftExampleList projectId={view.projectId} examples={result.examples} actions={actions} label="novel examples" />
          </section>
        </Card>
      </Grid>
      <DriftClusters projectId={view.projectId} clusters={result.clusters} actions={actions} />
      <DriftShifts result={result} />
    </>
  );
}
