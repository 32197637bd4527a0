"use client";

import { useRouter } from "next/navigation";
import { Flex, SegmentedControl, Select, Text } from "@radix-ui/themes";
import type { DriftBaselineView } from "@/contracts/drift";
import { driftPageHref } from "@/components/drift/driftLabels";

export interface DriftPageLocation {
  baseline?: string | undefined;
  window?: string | undefined;
  run?: string | undefined;
}

/** Which baseline and which window length the page shows; both live in the URL (?baseline=, ?window=). */
export function DriftToolbar({
  projectId,
  baselines,
  current,
}: {
  projectId: string;
  baselines: DriftBaselineView[];
  current: DriftPageLocation;
}) {
  const router = useRouter();
  // Another baseline or window length has other runs: the selected run does not carry over.
  const go = (changes: { baseline?: string; window?: string }) => {
    router.push(driftPageHref(projectId, current, { ...changes, run: null }));
  };
  return (
    <Flex gap="3" align="center" wrap="wrap">
      <Flex gap="2" align="center">
        <Text size="2" color="gray" id="drift-baseline-label">
          Baseline
        </Text>
        <Select.Root
          value={current.baseline ?? ""}
          onValueChange={(baseline) => {
            go({ baseline });
          }}
        >
          <Select.Trigger aria-labelledby="drift-baseline-label">{current.baseline}</Select.Trigger>
          <Select.Content position="popper">
            {baselines.map((baseline) => (
              <Select.Item key={baseline.id} value={baseline.name}>
                {baseline.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select.Root>
      </Flex>
      <SegmentedControl.Root
        value={current.window === "day" ? "day" : "hour"}
        aria-label="Window length"
        onValueChange={(window) => {
          go({ window });
        }}
      >
        <SegmentedControl.Item value="hour">Hourly</SegmentedControl.Item>
        <SegmentedControl.Item value="day">Daily</SegmentedControl.Item>
      </SegmentedControl.Root>
    </Flex>
  );
}
