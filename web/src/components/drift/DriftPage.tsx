import { Badge, Flex, Text } from "@radix-ui/themes";
import type { DriftPageView } from "@/server/drift/driftPageView";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { DriftToolbar } from "@/components/drift/DriftToolbar";
import { DriftDistanceChart } from "@/components/drift/DriftDistanceChart";
import { DriftRunDetails } from "@/components/drift/DriftRunDetails";
import { NewBaselineDialog } from "@/components/drift/NewBaselineDialog";
import { RunNowDialog } from "@/components/drift/RunNowDialog";
import { baselineSummary, driftVerdictLabel, formatUtcMinute } from "@/components/drift/driftLabels";

/**
 * The drift page: whether live prompts still look like the baseline they were checked
 * against, how that moved window by window, and one window explained (which clusters
 * grew, the texts farthest from anything in the baseline, the language and shape of the
 * texts, and a map), with the actions that turn it into work for people.
 */
export function DriftPage({ view }: { view: DriftPageView }) {
  const { baseline, status } = view;
  const current = { baseline: baseline?.name, window: view.window, run: view.run?.id };
  const newBaseline = view.manageable ? (
    <NewBaselineDialog projectId={view.projectId} datasets={view.datasets} embedders={view.embedders} />
  ) : null;
  return (
    <>
      <PageHeader
        title="Drift"
        description="Whether live prompts still look like the baseline the application was checked against."
        actions={
          <>
            {/* Without a baseline the empty state offers the one button. */}
            {baseline ? newBaseline : null}
            {view.manageable && baseline ? <RunNowDialog projectId={view.projectId} baseline={baseline} current={current} /> : null}
          </>
        }
      />
      {baseline === null ? (
        <EmptyState title="No baseline yet" action={newBaseline}>
          A baseline is the set of texts the application is known to handle well: a published golden dataset or a stretch of good traffic.
          Every hour and day, live prompts are compared with it.
          {view.manageable ? null : " An owner or admin can make one."}
        </EmptyState>
      ) : (
        <Flex direction="column" gap="4">
          <Flex gap="4" align="center" wrap="wrap">
            <DriftToolbar projectId={view.projectId} baselines={view.baselines} current={current} />
            <Text size="1" color="gray">
              {baselineSummary(baseline)}
            </Text>
            <Flex gap="2" align="center" role="status" aria-label="Current status">
              <Text size="2" color="gray">
                Status
              </Text>
              <Badge size="2" color={driftVerdictLabel[status.verdict].color} variant="surface" highContrast>
                {driftVerdictLabel[status.verdict].label}
              </Badge>
              <Text size="1" color="gray">
                {status.asOf ? `as of the window ending ${formatUtcMinute(status.asOf)}` : "no window judged yet"}
              </Text>
            </Flex>
          </Flex>
          <DriftDistanceChart view={view} current={current} />
          {view.run ? (
            <DriftRunDetails view={view} run={view.run} />
          ) : (
            <EmptyState title="No window judged yet">
              Windows are judged a few minutes after they close. {view.manageable ? "Run now judges any stretch of traffic at once." : null}
            </EmptyState>
          )}
        </Flex>
      )}
    </>
  );
}
