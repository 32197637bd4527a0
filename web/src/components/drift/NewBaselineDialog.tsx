"use client";

import { useState, type SubmitEvent } from "react";
import { useRouter } from "next/navigation";
import { Button, Dialog, Flex, Grid, SegmentedControl, Select, Text, TextField } from "@radix-ui/themes";
import { driftLimits, type DriftBaselineView } from "@/contracts/drift";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { formText } from "@/components/ui/formData";
import { CheckedField } from "@/components/evaluation/CheckedField";
import { sendJson } from "@/components/evaluation/evaluatorApi";
import { useCheckedSubmit } from "@/components/drift/useCheckedSubmit";
import { UtcRangeFields } from "@/components/drift/UtcRangeFields";
import { baselineRequest, isoToUtcInput, type BaselineFormValues } from "@/components/drift/driftForms";
import { driftEmbedderLabel, driftFieldLabel, driftPageHref } from "@/components/drift/driftLabels";
import { DialogActions } from "@/components/ui/DialogActions";

/** The fields this form shows an API issue beside. */
const baselineFields = new Set(["name", "dataset", "version", "from", "to", "field", "embedder"]);

/**
 * Makes a baseline from a published golden dataset version or a stretch of traffic, then
 * opens the page on it. The API judges the choice; its refusals show beside the fields.
 */
export function NewBaselineDialog({
  projectId,
  datasets,
  embedders,
}: {
  projectId: string;
  datasets: readonly { name: string; latestVersion: number | null }[];
  embedders: readonly string[];
}) {
  const router = useRouter();
  const published = datasets.filter((dataset) => dataset.latestVersion !== null);
  const [open, setOpen] = useState(false);
  const [source, setSource] = useState<BaselineFormValues["source"]>(published.length > 0 ? "dataset" : "traffic");
  const [dataset, setDataset] = useState(published[0]?.name ?? "");
  const [version, setVersion] = useState("latest");
  const [field, setField] = useState<BaselineFormValues["field"]>("input");
  const [embedder, setEmbedder] = useState(embedders[0] ?? "");
  const [defaults, setDefaults] = useState({ from: "", to: "" });
  const { fieldErrors, error, busy, submit: send, reset, check } = useCheckedSubmit(baselineFields);
  const latest = published.find((entry) => entry.name === dataset)?.latestVersion ?? null;

  function openChange(next: boolean) {
    setOpen(next);
    reset();
    if (next) {
      // "Last week was fine" is the usual traffic baseline.
      const to = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
      setDefaults({ from: isoToUtcInput(new Date(to.getTime() - 7 * 86_400_000)), to: isoToUtcInput(to) });
    }
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = baselineRequest({
      name: formText(form, "name"),
      source,
      dataset,
      version,
      from: formText(form, "from"),
      to: formText(form, "to"),
      field,
      embedder,
    });
    // The API's word for a blank name is a schema message; the form says it in words first.
    if (!check(body.name === "" ? { name: "Give the baseline a name" } : {})) return;
    await send(async () => {
      const created = await sendJson<DriftBaselineView>("POST", `/api/v1/projects/${projectId}/drift/baselines`, body);
      setOpen(false);
      router.push(driftPageHref(projectId, {}, { baseline: created.name }));
      router.refresh();
    });
  }

  return (
    <Dialog.Root open={open} onOpenChange={openChange}>
      <Dialog.Trigger>
        <Button>New baseline</Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="560px">
        <Dialog.Title>New baseline</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          The texts live prompts are compared with. They are embedded now (at most {driftLimits.maxBaselinePoints.toLocaleString("en")},
          sampled beyond that), and the last 72 hours are judged against them at once.
        </Dialog.Description>
        <form aria-label="New baseline" onSubmit={(event) => void submit(event)} noValidate>
          <Flex direction="column" gap="3" mt="3">
            <CheckedField label="Name" name="name" error={fieldErrors.name}>
              {(control) => <TextField.Root {...control} placeholder="golden-v1" autoComplete="off" />}
            </CheckedField>
            <Flex direction="column" gap="1">
              <Text size="2" weight="medium" id="baseline-source-label">
                Made of
              </Text>
              <SegmentedControl.Root
                value={source}
                aria-labelledby="baseline-source-label"
                onValueChange={(value) => {
                  setSource(value === "traffic" ? "traffic" : "dataset");
                }}
              >
                <SegmentedControl.Item value="dataset">A golden dataset</SegmentedControl.Item>
                <SegmentedControl.Item value="traffic">A stretch of traffic</SegmentedControl.Item>
              </SegmentedControl.Root>
            </Flex>
            {source === "dataset" ? (
              <Grid columns="2fr 1fr" gap="3">
                <CheckedField
                  label="Dataset"
                  name="dataset"
                  error={fieldErrors.dataset ?? (published.length === 0 ? "No published dataset yet: publish a version first" : undefined)}
                >
                  {(control) => (
                    <Select.Root
                      value={dataset}
                      onValueChange={(value) => {
                        setDataset(value);
                        setVersion("latest");
                      }}
                    >
                      <Select.Trigger {...control} placeholder="Choose a dataset" />
                      <Select.Content position="popper">
                        {published.map((entry) => (
                          <Select.Item key={entry.name} value={entry.name}>
                            {entry.name}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select.Root>
                  )}
                </CheckedField>
                <CheckedField label="Version" name="version" error={fieldErrors.version}>
                  {(control) => (
                    <Select.Root value={version} onValueChange={setVersion}>
                      <Select.Trigger {...control} />
                      <Select.Content position="popper">
                        <Select.Item value="latest">{latest === null ? "Latest" : `Latest (${latest})`}</Select.Item>
                        {Array.from({ length: latest ?? 0 }, (_, index) => (latest ?? 0) - index).map((number) => (
                          <Select.Item key={number} value={String(number)}>
                            Version {number}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select.Root>
                  )}
                </CheckedField>
              </Grid>
            ) : (
              <UtcRangeFields defaults={defaults} fieldErrors={fieldErrors} />
            )}
            <Grid columns="1fr 2fr" gap="3">
              <CheckedField label="Compare" name="field" error={fieldErrors.field}>
                {(control) => (
                  <Select.Root
                    value={field}
                    onValueChange={(value) => {
                      setField(value === "output" ? "output" : "input");
                    }}
                  >
                    <Select.Trigger {...control} />
                    <Select.Content position="popper">
                      {(["input", "output"] as const).map((value) => (
                        <Select.Item key={value} value={value}>
                          {driftFieldLabel[value]}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select.Root>
                )}
              </CheckedField>
              <CheckedField label="Embedder" name="embedder" error={fieldErrors.embedder}>
                {(control) => (
                  <Select.Root value={embedder} onValueChange={setEmbedder}>
                    <Select.Trigger {...control} />
                    <Select.Content position="popper">
                      {embedders.map((value) => (
                        <Select.Item key={value} value={value}>
                          {driftEmbedderLabel(value)}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select.Root>
                )}
              </CheckedField>
            </Grid>
            <ErrorMessage error={error} />
            <DialogActions closeLabel="Cancel" submitLabel="Make baseline" loading={busy} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}
