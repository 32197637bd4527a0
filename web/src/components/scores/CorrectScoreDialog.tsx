"use client";

import { useState, type SubmitEvent } from "react";
import { useRouter } from "next/navigation";
import { Button, Checkbox, Dialog, Flex, Select, Text, TextArea, TextField } from "@radix-ui/themes";
import type { Score, ScoreCorrection, ScoreCorrectionInput } from "@/contracts/scores";
import type { ScoreDisplayConfig } from "@/server/traces/traceConsole";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { CheckedField } from "@/components/evaluation/CheckedField";
import { formErrorsOf, sendJson } from "@/components/evaluation/evaluatorApi";
import { formatScoreNumber, formatScoreValue, scoreLabel, scoreSource } from "@/components/scores/scoreLabels";

/** The value field's starting text: the viewer's earlier correction, else the evaluator's score. */
/** The fields this form shows an API issue beside. */
const correctionFields = new Set(["value", "category", "comment", "useAsExample"]);

function startingValue(score: Pick<Score, "value" | "category">): string {
  if (typeof score.value === "boolean") return String(score.value);
  if (typeof score.value === "number") return String(score.value);
  return score.category ?? "";
}

function rangeHint(config: ScoreDisplayConfig | undefined): string | undefined {
  if (!config || config.dataType !== "numeric") return undefined;
  if (config.minValue === null && config.maxValue === null) return undefined;
  const [min, max] = [config.minValue, config.maxValue];
  if (min !== null && max !== null) return `From ${formatScoreNumber(min)} to ${formatScoreNumber(max)}`;
  return min !== null ? `At least ${formatScoreNumber(min)}` : `At most ${formatScoreNumber(max ?? 0)}`;
}

/** The body for what the form holds, or the field errors the browser can tell alone. */
function correctionBody(
  dataType: Score["dataType"],
  value: string,
  comment: string,
  useAsExample: boolean,
): { ok: true; body: ScoreCorrectionInput } | { ok: false; errors: Record<string, string> } {
  if (comment.trim() === "") return { ok: false, errors: { comment: "Say why the score should be different" } };
  if (dataType === "categorical") {
    return value === ""
      ? { ok: false, errors: { category: "Choose a category" } }
      : { ok: true, body: { category: value, comment, useAsExample } };
  }
  if (dataType === "boolean") return { ok: true, body: { value: value === "true", comment, useAsExample } };
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number)) return { ok: false, errors: { value: "Enter a number" } };
  return { ok: true, body: { value: number, comment, useAsExample } };
}

/**
 * An annotator's correction of an evaluator's score: the right value (an input fitting the
 * score's type), why, and for an LLM judge whether it becomes one of the judge's examples.
 */
export function CorrectScoreDialog({
  projectId,
  score,
  config,
  mine,
  isJudge,
}: {
  projectId: string;
  score: Score;
  config: ScoreDisplayConfig | undefined;
  /** The viewer's earlier correction of this score. */
  mine: ScoreCorrection | undefined;
  isJudge: boolean;
}) {
  const router = useRouter();
  const dataType = config?.dataType ?? score.dataType;
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(startingValue(mine ?? score));
  const [comment, setComment] = useState(mine?.comment ?? "");
  const [useAsExample, setUseAsExample] = useState(mine?.useAsExample ?? false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/v1/projects/${projectId}/scores/${encodeURIComponent(score.id)}/correction`;
  const evaluator = scoreSource(score);
  const label = scoreLabel(score.name);

  function openChange(next: boolean) {
    setOpen(next);
    setFieldErrors({});
    setError(null);
  }

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setOpen(false);
      router.refresh();
    } catch (caught) {
      const shown = formErrorsOf(caught, correctionFields);
      setFieldErrors(shown.fieldErrors);
      setError(shown.message);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = correctionBody(dataType, value, comment, isJudge && useAsExample);
    setFieldErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) void run(() => sendJson("PUT", path, checked.body));
  }

  const valueField =
    dataType === "numeric" ? (
      <CheckedField label="Corrected score" name="value" hint={rangeHint(config)} error={fieldErrors.value}>
        {(control) => (
          <TextField.Root
            {...control}
            type="number"
            inputMode="decimal"
            step="any"
            min={config?.minValue ?? undefined}
            max={config?.maxValue ?? undefined}
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
            }}
          />
        )}
      </CheckedField>
    ) : (
      <CheckedField
        label="Corrected value"
        name={dataType === "categorical" ? "category" : "value"}
        error={fieldErrors[dataType === "categorical" ? "category" : "value"]}
      >
        {(control) => (
          <Select.Root name={control.name} value={value} onValueChange={setValue}>
            <Select.Trigger aria-invalid={control["aria-invalid"]} aria-describedby={control["aria-describedby"]} placeholder="Choose…" />
            <Select.Content>
              {dataType === "boolean" ? (
                <>
                  <Select.Item value="true">Yes</Select.Item>
                  <Select.Item value="false">No</Select.Item>
                </>
              ) : (
                (config?.categories ?? []).map((category) => (
                  <Select.Item key={category} value={category}>
                    {category}
                  </Select.Item>
                ))
              )}
            </Select.Content>
          </Select.Root>
        )}
      </CheckedField>
    );

  return (
    <Dialog.Root open={open} onOpenChange={openChange}>
      <Dialog.Trigger>
        <Button size="1" variant="soft" aria-label={`Correct ${label} by ${evaluator}`}>
          {mine ? "Edit correction" : "Correct"}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="520px">
        <Dialog.Title>Correct {label}</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          {evaluator} scored this trace {formatScoreValue(score)}. Give the score it should have had and why; the agreement between people
          and the evaluator is measured on corrections like this one.
        </Dialog.Description>
        <form aria-label={`Correct ${label}`} onSubmit={submit} noValidate>
          <Flex direction="column" gap="3" mt="3">
            {valueField}
            <CheckedField label="Reasoning" name="comment" error={fieldErrors.comment}>
              {(control) => (
                <TextArea
                  {...control}
                  rows={4}
                  value={comment}
                  onChange={(event) => {
                    setComment(event.target.value);
                  }}
                />
              )}
            </CheckedField>
            {isJudge ? (
              <Text as="label" size="2">
                <Flex gap="2" align="center">
                  <Checkbox
                    checked={useAsExample}
                    onCheckedChange={(checked) => {
                      setUseAsExample(checked === true);
                    }}
                  />
                  Use as few-shot example for {score.evaluator ?? "this judge"}
                </Flex>
              </Text>
            ) : null}
            {fieldErrors.useAsExample ? (
              <Text size="1" color="red">
                {fieldErrors.useAsExample}
              </Text>
            ) : null}
            <ErrorMessage error={error} />
            <Flex gap="3" justify="between" align="center">
              {mine ? (
                <Button type="button" variant="ghost" color="red" disabled={busy} onClick={() => void run(() => sendJson("DELETE", path))}>
                  Remove my correction
                </Button>
              ) : (
                <span />
              )}
              <Flex gap="3">
                <Dialog.Close>
                  <Button type="button" variant="soft" color="gray">
                    Cancel
                  </Button>
                </Dialog.Close>
                <Button type="submit" disabled={busy}>
                  Save correction
                </Button>
              </Flex>
            </Flex>
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}
