"use client";

import { useEffect, useState, type SubmitEvent } from "react";
import { useRouter } from "next/navigation";
import { Button, Card, CheckboxGroup, Dialog, Flex, Grid, Select, Text, TextField } from "@radix-ui/themes";
import { parseAlertMetric, type AlertFilterField, type AlertGroupBy } from "@/contracts/alertMetrics";
import type { AlertPreview, AlertRuleSummary, AlertRuleView } from "@/contracts/alerts";
import type { AlertRuleChoices } from "@/server/alerts/alertsPageView";
import { alertPresetDefinitions } from "@/contracts/alertPresets";
import { sendJson } from "@/components/evaluation/evaluatorApi";
import { CheckedField } from "@/components/evaluation/CheckedField";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { DialogActions } from "@/components/ui/DialogActions";
import { useCheckedSubmit } from "@/components/drift/useCheckedSubmit";
import { AlertRulePreview } from "@/components/alerts/AlertRulePreview";
import { alertRuleHref } from "@/components/alerts/alertLabels";
import { blankDraft, metricOptions, presetDraft, ruleBody, ruleDraft, type AlertRuleDraft } from "@/components/alerts/alertRuleForm";

const shownFields = new Set([
  "name",
  "metric",
  "groupBy",
  "windowSeconds",
  "condition.threshold",
  "condition.relativeChange",
  "condition.warning",
  "condition.recovery",
  "condition.warningRecovery",
  "severity",
  "forSeconds",
  "keepFiringForSeconds",
  "minSamples",
  "reminderSeconds",
  "filter.model",
  "filter.release",
  "filter.promptVersion",
  "filter.evaluator",
]);
const groupByLabels: Record<AlertGroupBy, string> = {
  model: "Model",
  release: "Release",
  promptVersion: "Prompt version",
  user: "User",
  session: "Session",
};
const filterLabels: Record<AlertFilterField, string> = {
  model: "Model",
  release: "Release",
  promptVersion: "Prompt version",
  evaluator: "Evaluator",
};
/** The draft's fields typed into text inputs. */
type TextKey = { [K in keyof AlertRuleDraft]: AlertRuleDraft[K] extends string ? K : never }[keyof AlertRuleDraft];
/** The preview is asked for once the person stops typing for this long. */
const previewDelayMs = 400;

/**
 * Makes a rule from a preset (one click) or from scratch, or changes a saved `rule`; its
 * last 7 days are replayed as it is edited.
 */
export function AlertRuleDialog({
  projectId,
  choices: { channels, scoreNames, baselines },
  rule,
}: {
  projectId: string;
  choices: AlertRuleChoices;
  rule?: AlertRuleSummary;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<AlertRuleDraft>(blankDraft);
  const [preview, setPreview] = useState<{ metric: string; data: AlertPreview } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const { fieldErrors, error, busy, submit: send, reset } = useCheckedSubmit(shownFields);
  const base = `/api/v1/projects/${projectId}/alert-rules`;
  const metric = parseAlertMetric(draft.metric);
  const groupBys = typeof metric === "string" ? [] : metric.groupBys;
  const filters = typeof metric === "string" ? [] : metric.filters;
  const set = (change: Partial<AlertRuleDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
  };

  const body = JSON.stringify(ruleBody(draft, filters));
  useEffect(() => {
    if (!open || draft.level.trim() === "") return;
    let current = true;
    const timer = setTimeout(() => {
      sendJson<AlertPreview>("POST", `${base}/preview`, JSON.parse(body))
        .then((data) => {
          if (!current) return;
          setPreview({ metric: draft.metric, data });
          setPreviewError(null);
        })
        .catch((caught: unknown) => {
          if (current) setPreviewError(caught instanceof Error ? caught.message : "The preview failed");
        });
    }, previewDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, body, base, draft.level, draft.metric]);

  function openChange(next: boolean) {
    setOpen(next);
    reset();
    setPreview(null);
    setPreviewError(null);
    if (next) setDraft(rule ? ruleDraft(rule) : blankDraft);
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    await send(async () => {
      if (rule) {
        // The whole rule, so that what the form shows is what is saved.
        await sendJson<AlertRuleView>("PATCH", `${base}/${rule.id}`, ruleBody(draft, filters));
        setOpen(false);
        router.refresh();
        return;
      }
      const created = await sendJson<AlertRuleView>("POST", base, ruleBody(draft, filters));
      setOpen(false);
      router.push(alertRuleHref(projectId, created.id));
    });
  }

  const text = (label: string, field: TextKey, errorKey: string, hint?: string) => (
    <CheckedField label={label} name={errorKey} error={fieldErrors[errorKey]} hint={hint}>
      {(control) => (
        <TextField.Root
          {...control}
          aria-label={label}
          value={draft[field]}
          onChange={(event) => {
            set({ [field]: event.target.value });
          }}
        />
      )}
    </CheckedField>
  );
  const title = rule ? "Change alert rule" : "New alert rule";

  return (
    <Dialog.Root open={open} onOpenChange={openChange}>
      <Dialog.Trigger>{rule ? <Button variant="soft">Change</Button> : <Button>New rule</Button>}</Dialog.Trigger>
      <Dialog.Content maxWidth="900px">
        <Dialog.Title>{title}</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          {rule
            ? "A change to what is measured starts the rule's groups afresh; its history stays."
            : "Start from a preset or from scratch. The rule is evaluated every minute over a sliding window."}
        </Dialog.Description>
        {rule ? null : (
          <Grid columns={{ initial: "1", sm: "3", md: "5" }} gap="2" mt="3" role="group" aria-label="Presets">
            {alertPresetDefinitions.map((definition) => (
              <Card key={definition.preset} asChild variant={draft.preset === definition.preset ? "classic" : "surface"}>
                <button
                  type="button"
                  aria-pressed={draft.preset === definition.preset}
                  onClick={() => {
                    set(presetDraft(definition.preset));
                  }}
                >
                  <Text as="div" size="2" weight="bold">
                    {definition.title}
                  </Text>
                  <Text as="div" size="1" color="gray">
                    {definition.description}
                  </Text>
                </button>
              </Card>
            ))}
          </Grid>
        )}
        <form aria-label={title} onSubmit={(event) => void submit(event)} noValidate>
          <Grid columns={{ initial: "1", md: "2" }} gap="4" mt="4">
            <Flex direction="column" gap="3">
              {text("Name", "name", "name")}
              <CheckedField label="Metric" name="metric" error={fieldErrors.metric}>
                {() => (
                  <Select.Root
                    value={draft.metric}
                    onValueChange={(value) => {
                      set({ metric: value, groupBy: "" });
                    }}
                  >
                    <Select.Trigger aria-label="Metric" />
                    <Select.Content>
                      {metricOptions(scoreNames, baselines).map((group) => (
                        <Select.Group key={group.group}>
                          <Select.Label>{group.group}</Select.Label>
                          {group.options.map((option) => (
                            <Select.Item key={option.value} value={option.value}>
                              {option.label}
                            </Select.Item>
                          ))}
                        </Select.Group>
                      ))}
                    </Select.Content>
                  </Select.Root>
                )}
              </CheckedField>
              <Flex gap="3">
                <CheckedField label="Split by" name="groupBy" error={fieldErrors.groupBy}>
                  {() => (
                    <Select.Root
                      value={draft.groupBy || "none"}
                      onValueChange={(value) => {
                        set({ groupBy: value === "none" ? "" : (value as AlertGroupBy) });
                      }}
                    >
                      <Select.Trigger aria-label="Split by" />
                      <Select.Content>
                        <Select.Item value="none">Not split</Select.Item>
                        {groupBys.map((groupBy) => (
                          <Select.Item key={groupBy} value={groupBy}>
                            {groupByLabels[groupBy]}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select.Root>
                  )}
                </CheckedField>
                {text("Window (minutes)", "windowMinutes", "windowSeconds")}
                {text("Min samples", "minSamples", "minSamples")}
              </Flex>
              <Flex gap="3">
                <CheckedField label="Condition" name="op">
                  {() => (
                    <Select.Root
                      value={`${draft.kind}:${draft.op}`}
                      onValueChange={(value) => {
                        const [kind, op] = value.split(":") as [AlertRuleDraft["kind"], AlertRuleDraft["op"]];
                        set({ kind, op });
                      }}
                    >
                      <Select.Trigger aria-label="Condition" />
                      <Select.Content>
                        <Select.Item value="threshold:above">Above a threshold</Select.Item>
                        <Select.Item value="threshold:below">Below a threshold</Select.Item>
                        <Select.Item value="change:above">Up by a share (0.2 = +20 %)</Select.Item>
                        <Select.Item value="change:below">Down by a share (-0.2 = -20 %)</Select.Item>
                      </Select.Content>
                    </Select.Root>
                  )}
                </CheckedField>
                {draft.kind === "change" ? (
                  <CheckedField label="Compared with" name="compareTo">
                    {() => (
                      <Select.Root
                        value={draft.compareTo}
                        onValueChange={(value) => {
                          set({ compareTo: value as AlertRuleDraft["compareTo"] });
                        }}
                      >
                        <Select.Trigger aria-label="Compared with" />
                        <Select.Content>
                          <Select.Item value="previous">The window before</Select.Item>
                          <Select.Item value="day">A day earlier</Select.Item>
                          <Select.Item value="week">A week earlier</Select.Item>
                        </Select.Content>
                      </Select.Root>
                    )}
                  </CheckedField>
                ) : null}
                <CheckedField label="Severity" name="severity" error={fieldErrors.severity}>
                  {() => (
                    <Select.Root
                      value={draft.severity}
                      onValueChange={(value) => {
                        set({ severity: value as AlertRuleDraft["severity"] });
                      }}
                    >
                      <Select.Trigger aria-label="Severity" />
                      <Select.Content>
                        <Select.Item value="critical">Critical</Select.Item>
                        <Select.Item value="warning">Warning</Select.Item>
                      </Select.Content>
                    </Select.Root>
                  )}
                </CheckedField>
              </Flex>
              <Flex gap="3">
                {draft.kind === "change"
                  ? text("Change", "level", "condition.relativeChange")
                  : text(`Threshold (${draft.severity})`, "level", "condition.threshold")}
                {text("Recovery", "recovery", "condition.recovery")}
              </Flex>
              {draft.severity === "critical" ? (
                <Flex gap="3">
                  {text("Warning", "warning", "condition.warning")}
                  {text("Warning recovery", "warningRecovery", "condition.warningRecovery")}
                </Flex>
              ) : null}
              <Flex gap="3">
                {text("For (minutes)", "forMinutes", "forSeconds")}
                {text("Keep firing (minutes)", "keepFiringForMinutes", "keepFiringForSeconds")}
              </Flex>
            </Flex>
            <Flex direction="column" gap="3">
              {preview ? (
                <AlertRulePreview metric={preview.metric} preview={preview.data} />
              ) : (
                <Text size="2" color="gray">
                  {draft.level.trim() === "" ? "Give a threshold to see the last 7 days." : "Replaying the last 7 days…"}
                </Text>
              )}
              <ErrorMessage error={previewError} />
              {filters.length ? (
                <Grid columns="2" gap="3" role="group" aria-label="Only count">
                  {filters.map((field) => (
                    <CheckedField key={field} label={filterLabels[field]} name={`filter.${field}`} error={fieldErrors[`filter.${field}`]}>
                      {(control) => (
                        <TextField.Root
                          {...control}
                          aria-label={`Only ${filterLabels[field].toLowerCase()}`}
                          placeholder="Any"
                          value={draft.filter[field]}
                          onChange={(event) => {
                            set({ filter: { ...draft.filter, [field]: event.target.value } });
                          }}
                        />
                      )}
                    </CheckedField>
                  ))}
                </Grid>
              ) : null}
              {text("Remind every (minutes)", "reminderMinutes", "reminderSeconds", "Empty: one notification on firing, one on recovery.")}
              {channels.length ? (
                <CheckedField label="Notify" name="channels">
                  {() => (
                    <CheckboxGroup.Root
                      value={draft.channels}
                      onValueChange={(value) => {
                        set({ channels: value });
                      }}
                      aria-label="Notify"
                    >
                      {channels.map((channel) => (
                        <CheckboxGroup.Item key={channel.id} value={channel.id}>
                          {channel.name} ({channel.type})
                        </CheckboxGroup.Item>
                      ))}
                    </CheckboxGroup.Root>
                  )}
                </CheckedField>
              ) : (
                <Text size="1" color="gray">
                  No channels yet: the rule fires on the console only until one is added.
                </Text>
              )}
            </Flex>
          </Grid>
          <Flex direction="column" gap="3" mt="4">
            <ErrorMessage error={error} />
            <DialogActions closeLabel="Cancel" submitLabel={rule ? "Save changes" : "Create rule"} loading={busy} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}
