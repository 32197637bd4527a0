"use client";

import { useState, type SubmitEvent } from "react";
import { useRouter } from "next/navigation";
import { Button, CheckboxGroup, Dialog, Flex, Grid, IconButton, Select, Text, TextField } from "@radix-ui/themes";
import { Cross2Icon } from "@radix-ui/react-icons";
import { releaseMetricKeys, releaseMetricLabel } from "@/contracts/releases";
import { defaultGuardrails, defaultMinDwellSeconds, defaultRolloutMinSamples, defaultRolloutStages } from "@/contracts/rollouts";
import { sendJson } from "@/components/evaluation/evaluatorApi";
import { CheckedField } from "@/components/evaluation/CheckedField";
import { DialogActions } from "@/components/ui/DialogActions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { useCheckedSubmit } from "@/components/drift/useCheckedSubmit";
import { formText } from "@/components/ui/formData";

const shownFields = new Set(["key", "baseline", "candidate", "stages", "minDwellSeconds", "minSamples", "guardrails"]);

interface GuardrailDraft {
  metric: string;
  /** Percent, as typed. */
  maxRegression: string;
}

const percentOf = (share: number) => String(Number((share * 100).toFixed(2)));
/** "1, 5, 25" (percent) as shares; a word that is no number stays NaN, for the API to name. */
const sharesOf = (text: string) =>
  text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((part) => Number(part.replace(/%$/, "")) / 100);

/** Starts a rollout: the pair of releases, the stages, how long and how much each needs, and what must not regress. */
export function NewRolloutDialog({
  projectId,
  releases,
  channels,
  scores,
  defaultBaseline,
}: {
  projectId: string;
  releases: string[];
  channels: { id: string; name: string }[];
  /** Score names a guardrail may name, as score:<name>. */
  scores: string[];
  defaultBaseline: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [guardrails, setGuardrails] = useState<GuardrailDraft[]>([]);
  const [notify, setNotify] = useState<string[]>([]);
  const { fieldErrors, error, busy, submit: send, reset } = useCheckedSubmit(shownFields);

  function openChange(next: boolean) {
    setOpen(next);
    if (next) {
      reset();
      setGuardrails(
        defaultGuardrails.map((guardrail) => ({ metric: guardrail.metric, maxRegression: percentOf(guardrail.maxRegression) })),
      );
      setNotify([]);
    }
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const key = formText(form, "key");
    await send(async () => {
      await sendJson("POST", `/api/v1/projects/${projectId}/rollouts`, {
        key,
        baseline: formText(form, "baseline"),
        candidate: formText(form, "candidate"),
        stages: sharesOf(formText(form, "stages")),
        minDwellSeconds: Math.round(Number(formText(form, "dwellMinutes")) * 60),
        minSamples: Number(formText(form, "minSamples")),
        guardrails: guardrails.map((guardrail) => ({ metric: guardrail.metric, maxRegression: Number(guardrail.maxRegression) / 100 })),
        channels: notify,
      });
      setOpen(false);
      router.push(`/projects/${projectId}/releases?rollout=${encodeURIComponent(key)}`);
      router.refresh();
    });
  }

  const metricGroups = [
    { label: "Requests and feedback", metrics: [...releaseMetricKeys] as string[] },
    ...(scores.length ? [{ label: "Scores", metrics: scores.map((name) => `score:${name}`) }] : []),
  ];
  // A new guardrail takes the first metric nobody guards yet (a metric is guarded once).
  const unguarded = metricGroups.flatMap((group) => group.metrics).find((metric) => !guardrails.some((entry) => entry.metric === metric));
  const guardrailError = Object.entries(fieldErrors).find(([field]) => field.startsWith("guardrails"))?.[1];
  return (
    <Dialog.Root open={open} onOpenChange={openChange}>
      <Dialog.Trigger>
        <Button>Start a rollout</Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="600px">
        <Dialog.Title>Start a rollout</Dialog.Title>
        <Dialog.Description size="2" color="gray" mb="3">
          The candidate meets a growing share of users. Each minute a guard compares it with the baseline since the stage began: it rolls
          back on a significant regression, and moves on once the dwell time has passed and every guardrail holds.
        </Dialog.Description>
        <form aria-label="Start a rollout" onSubmit={(event) => void submit(event)} noValidate>
          <Flex direction="column" gap="3">
            <CheckedField
              label="Key"
              name="key"
              error={fieldErrors.key}
              hint="What your application asks for: /api/v1/rollouts/{key}/assign"
            >
              {(control) => <TextField.Root {...control} aria-label="Key" placeholder="chat-answer" />}
            </CheckedField>
            <Grid columns="2" gap="3">
              <CheckedField label="Baseline" name="baseline" error={fieldErrors.baseline}>
                {(control) => <TextField.Root {...control} aria-label="Baseline" defaultValue={defaultBaseline} list="rollout-releases" />}
              </CheckedField>
              <CheckedField label="Candidate" name="candidate" error={fieldErrors.candidate} hint="The release label its traces will carry">
                {(control) => <TextField.Root {...control} aria-label="Candidate" list="rollout-releases" />}
              </CheckedField>
            </Grid>
            <datalist id="rollout-releases">
              {releases.map((release) => (
                <option key={release} value={release} />
              ))}
            </datalist>
            <CheckedField label="Stages (% of users)" name="stages" error={fieldErrors.stages} hint="Increasing, ending at 100">
              {(control) => (
                <TextField.Root {...control} aria-label="Stages" defaultValue={defaultRolloutStages.map(percentOf).join(", ")} />
              )}
            </CheckedField>
            <Grid columns="2" gap="3">
              <CheckedField label="Dwell time per stage (minutes)" name="dwellMinutes" error={fieldErrors.minDwellSeconds}>
                {(control) => (
                  <TextField.Root
                    {...control}
                    aria-label="Dwell time per stage (minutes)"
                    inputMode="numeric"
                    defaultValue={String(defaultMinDwellSeconds / 60)}
                  />
                )}
              </CheckedField>
              <CheckedField label="Samples per stage" name="minSamples" error={fieldErrors.minSamples} hint="Per metric, in each release">
                {(control) => (
                  <TextField.Root
                    {...control}
                    aria-label="Samples per stage"
                    inputMode="numeric"
                    defaultValue={String(defaultRolloutMinSamples)}
                  />
                )}
              </CheckedField>
            </Grid>
            <Flex direction="column" gap="2" role="group" aria-label="Guardrails">
              <Text size="2" weight="medium">
                Guardrails: the largest acceptable regression
              </Text>
              {guardrails.map((guardrail, index) => (
                <Flex key={index} gap="2" align="center">
                  <Select.Root
                    value={guardrail.metric}
                    onValueChange={(metric) => {
                      setGuardrails(guardrails.map((entry, at) => (at === index ? { ...entry, metric } : entry)));
                    }}
                  >
                    <Select.Trigger aria-label={`Guardrail ${index + 1} metric`} style={{ flex: 1 }} />
                    <Select.Content>
                      {metricGroups.map((group) => (
                        <Select.Group key={group.label}>
                          <Select.Label>{group.label}</Select.Label>
                          {group.metrics.map((metric) => (
                            <Select.Item key={metric} value={metric}>
                              {releaseMetricLabel(metric)}
                            </Select.Item>
                          ))}
                        </Select.Group>
                      ))}
                    </Select.Content>
                  </Select.Root>
                  <TextField.Root
                    aria-label={`Guardrail ${index + 1} largest regression (%)`}
                    inputMode="decimal"
                    value={guardrail.maxRegression}
                    onChange={(event) => {
                      const maxRegression = event.currentTarget.value;
                      setGuardrails(guardrails.map((entry, at) => (at === index ? { ...entry, maxRegression } : entry)));
                    }}
                    style={{ width: 90 }}
                  >
                    <TextField.Slot side="right">%</TextField.Slot>
                  </TextField.Root>
                  <IconButton
                    type="button"
                    variant="ghost"
                    color="gray"
                    aria-label={`Remove guardrail ${index + 1}`}
                    onClick={() => {
                      setGuardrails(guardrails.filter((_, at) => at !== index));
                    }}
                  >
                    <Cross2Icon />
                  </IconButton>
                </Flex>
              ))}
              <Flex>
                <Button
                  type="button"
                  size="1"
                  variant="soft"
                  disabled={unguarded === undefined}
                  onClick={() => {
                    if (unguarded) setGuardrails([...guardrails, { metric: unguarded, maxRegression: "5" }]);
                  }}
                >
                  Add guardrail
                </Button>
              </Flex>
              {guardrails.some((guardrail) => guardrail.metric.startsWith("score:")) ? (
                <Text size="1" color="gray">
                  A score guardrail holds the stage until both releases have enough scored traces (an evaluator must be scoring them).
                </Text>
              ) : null}
              {guardrailError ? (
                <Text size="1" color="red" role="alert">
                  {guardrailError}
                </Text>
              ) : null}
            </Flex>
            {channels.length ? (
              <CheckedField label="Tell these channels when the guard acts" name="channels">
                {() => (
                  <CheckboxGroup.Root value={notify} onValueChange={setNotify} aria-label="Tell these channels when the guard acts">
                    {channels.map((channel) => (
                      <CheckboxGroup.Item key={channel.id} value={channel.id}>
                        {channel.name}
                      </CheckboxGroup.Item>
                    ))}
                  </CheckboxGroup.Root>
                )}
              </CheckedField>
            ) : null}
            <ErrorMessage error={error} />
            <DialogActions closeLabel="Cancel" submitLabel="Start" loading={busy} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}
