"use client";

import { useState } from "react";
import { Button, Flex, Select, Text } from "@radix-ui/themes";
import { callApi } from "@/components/ui/apiClient";
import {
  datasetResultText,
  reviewResultText,
  type DatasetActionResult,
  type ReviewActionResult,
} from "@/components/drift/driftActionResults";

export interface DriftActionsContext {
  projectId: string;
  runId: string;
  /** Datasets examples can be added to; "golden" is offered (and made on first use) even when it does not exist yet. */
  datasets: readonly { name: string }[];
}

const defaultDataset = "golden";

/** "Send to review" and "Add to golden set" for the chosen live traces of a run, with what each did. */
export function DriftExampleActions({ context, traceIds, label }: { context: DriftActionsContext; traceIds: string[]; label: string }) {
  const [dataset, setDataset] = useState(defaultDataset);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);
  const base = `/api/v1/projects/${context.projectId}/drift/runs/${context.runId}`;
  const names = [defaultDataset, ...context.datasets.map((entry) => entry.name).filter((name) => name !== defaultDataset)];

  async function act(describe: () => Promise<string>) {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ text: await describe(), failed: false });
    } catch (caught) {
      setOutcome({ text: caught instanceof Error ? caught.message : "Something went wrong", failed: true });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Flex gap="2" align="center" wrap="wrap" role="group" aria-label={`Actions on ${label}`}>
      <Button
        size="1"
        variant="soft"
        disabled={busy}
        onClick={() => void act(async () => reviewResultText(await callApi<ReviewActionResult>("POST", `${base}/review`, { traceIds })))}
      >
        Send to review ({traceIds.length})
      </Button>
      <Button
        size="1"
        variant="soft"
        disabled={busy}
        onClick={() =>
          void act(async () =>
            datasetResultText(dataset, await callApi<DatasetActionResult>("POST", `${base}/dataset`, { dataset, traceIds })),
          )
        }
      >
        Add to golden set ({traceIds.length})
      </Button>
      <Select.Root size="1" value={dataset} onValueChange={setDataset}>
        <Select.Trigger variant="ghost" aria-label="Golden dataset to add to" />
        <Select.Content position="popper">
          {names.map((name) => (
            <Select.Item key={name} value={name}>
              {name}
            </Select.Item>
          ))}
        </Select.Content>
      </Select.Root>
      {outcome ? (
        <Text size="1" color={outcome.failed ? "red" : "green"} role="status">
          {outcome.text}
        </Text>
      ) : null}
    </Flex>
  );
}
