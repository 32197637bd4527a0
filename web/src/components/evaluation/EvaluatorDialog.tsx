"use client";

import { useState, type ReactNode, type SubmitEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Dialog, Flex, Grid, RadioGroup, Select, Text, TextArea, TextField } from "@radix-ui/themes";
import { evaluatorKinds, type EvaluatorKind, type EvaluatorView } from "@/contracts/evaluators";
import { judgeTemplatePlaceholders } from "@/contracts/judgeTemplateVariables";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { formText } from "@/components/ui/formData";
import { LabelWithHint } from "@/components/settings/LabelWithHint";
import { CheckedField } from "@/components/evaluation/CheckedField";
import { ToxicityLimits } from "@/components/evaluation/ToxicityLimits";
import { formErrorsOf, sendJson } from "@/components/evaluation/evaluatorApi";
import { evaluatorKindInfo, rubricLabels } from "@/components/evaluation/evaluatorKinds";
import {
  choicesOf,
  createRequest,
  jsonSchemaText,
  updateRequest,
  type RetrievalChoice,
  type RubricChoice,
} from "@/components/evaluation/evaluatorForm";
import type { RubricChoice as RubricOption } from "@/server/evaluation/evaluatorsView";
import { DialogActions } from "@/components/ui/DialogActions";

// The fields this form shows, by body path: an issue on any other path is shown above the buttons.
const shownFields = new Set([
  "name",
  "samplingRate",
  "settleSeconds",
  "filter.model",
  "filter.release",
  "filter.promptVersion",
  "judge.baseUrl",
  "judge.model",
  "judge.apiKey",
  "judge.rubric",
  "judge.template",
  "judge.dailyBudgetUsd",
  "judge.timeoutSeconds",
  "jsonSchema",
]);

const retrievalLabels: Record<RetrievalChoice, string> = { any: "Any trace", with: "With retrieval", without: "Without retrieval" };

export interface EvaluatorDialogProps {
  projectId: string;
  rubrics: readonly RubricOption[];
  toxicityLimits: readonly string[];
  /** The evaluator to change; absent to add one. */
  evaluator?: EvaluatorView;
  trigger: ReactNode;
}

/** Adds or changes an evaluator: kind, sampling, settle delay, filter, and the judge or JSON schema for kinds that take one. */
export function EvaluatorDialog({ projectId, rubrics, toxicityLimits, evaluator, trigger }: EvaluatorDialogProps) {
  const router = useRouter();
  const start = evaluator
    ? choicesOf(evaluator)
    : { kind: "llm_judge" as EvaluatorKind, rubric: "relevance" as RubricChoice, retrieval: "any" as RetrievalChoice };
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState(start.kind);
  const [rubric, setRubric] = useState(start.rubric);
  const [retrieval, setRetrieval] = useState(start.retrieval);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/v1/projects/${projectId}/evaluators`;
  const judge = evaluator?.judge ?? null;

  function reset(nextOpen: boolean) {
    setOpen(nextOpen);
    setFieldErrors({});
    setError(null);
    if (nextOpen) {
      setKind(start.kind);
      setRubric(start.rubric);
      setRetrieval(start.retrieval);
    }
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = (name: string) => formText(form, name);
    const choices = { kind, rubric, retrieval };
    const request = evaluator ? updateRequest(read, choices, evaluator) : createRequest(read, choices);
    setError(null);
    if (!request.ok) {
      setFieldErrors(request.fieldErrors);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await (evaluator ? sendJson("PATCH", `${base}/${evaluator.id}`, request.body) : sendJson("POST", base, request.body));
      setOpen(false);
      toast.success(evaluator ? `${evaluator.name} saved` : `Evaluator ${read("name").trim()} added`);
      router.refresh();
    } catch (caught) {
      const shown = formErrorsOf(caught, shownFields);
      setFieldErrors(shown.fieldErrors);
      setError(shown.message);
    } finally {
      setBusy(false);
    }
  }

  const title = evaluator ? `Edit ${evaluator.name}` : "Add evaluator";
  return (
    <Dialog.Root open={open} onOpenChange={reset}>
      <Dialog.Trigger>{trigger}</Dialog.Trigger>
      <Dialog.Content maxWidth="680px" aria-describedby={undefined}>
        <Dialog.Title>{title}</Dialog.Title>
        <form aria-label={title} onSubmit={(event) => void submit(event)} noValidate>
          <Flex direction="column" gap="4">
            {evaluator ? (
              <Text size="2">
                <Text weight="medium">Kind:</Text> {evaluatorKindInfo[evaluator.kind].label} —{" "}
                {evaluatorKindInfo[evaluator.kind].description}
              </Text>
            ) : (
              <Flex direction="column" gap="2">
                <Text size="2" weight="medium" id="evaluator-kind-label">
                  Kind
                </Text>
                <RadioGroup.Root
                  aria-labelledby="evaluator-kind-label"
                  value={kind}
                  onValueChange={(value) => {
                    setKind(value as EvaluatorKind);
                  }}
                >
                  <Grid columns={{ initial: "1", sm: "2" }} gapX="4" gapY="2">
                    {evaluatorKinds.map((choice) => (
                      <RadioGroup.Item key={choice} value={choice}>
                        <LabelWithHint label={evaluatorKindInfo[choice].label} hint={evaluatorKindInfo[choice].description} />
                      </RadioGroup.Item>
                    ))}
                  </Grid>
                </RadioGroup.Root>
              </Flex>
            )}
            {kind === "toxicity" ? <ToxicityLimits limits={toxicityLimits} /> : null}
            <Grid columns={{ initial: "1", sm: "3" }} gap="3">
              {evaluator ? null : (
                <CheckedField
                  label="Name"
                  name="name"
                  error={fieldErrors.name}
                  hint={kind === "llm_judge" ? "The judge's scores carry this name" : undefined}
                >
                  {(control) => <TextField.Root {...control} required autoComplete="off" />}
                </CheckedField>
              )}
              <CheckedField label="Sampling rate (%)" name="samplingRate" error={fieldErrors.samplingRate} hint="Share of traces scored">
                {(control) => (
                  <TextField.Root
                    {...control}
                    type="number"
                    min="0"
                    max="100"
                    step="any"
                    defaultValue={String(Math.round((evaluator?.samplingRate ?? 1) * 1000) / 10)}
                  />
                )}
              </CheckedField>
              <CheckedField
                label="Settle delay (seconds)"
                name="settleSeconds"
                error={fieldErrors.settleSeconds}
                hint="Quiet time before a trace is scored"
              >
                {(control) => (
                  <TextField.Root {...control} type="number" min="0" step="1" defaultValue={String(evaluator?.settleSeconds ?? 120)} />
                )}
              </CheckedField>
            </Grid>
            <Flex direction="column" gap="2">
              <Text size="2" weight="bold">
                Only traces with (leave empty for all)
              </Text>
              <Grid columns={{ initial: "1", sm: "4" }} gap="3" align="end">
                <CheckedField label="Model" name="filter.model" error={fieldErrors["filter.model"]}>
                  {(control) => <TextField.Root {...control} defaultValue={evaluator?.filter.model ?? ""} />}
                </CheckedField>
                <CheckedField label="Release" name="filter.release" error={fieldErrors["filter.release"]}>
                  {(control) => <TextField.Root {...control} defaultValue={evaluator?.filter.release ?? ""} />}
                </CheckedField>
                <CheckedField label="Prompt version" name="filter.promptVersion" error={fieldErrors["filter.promptVersion"]}>
                  {(control) => <TextField.Root {...control} defaultValue={evaluator?.filter.promptVersion ?? ""} />}
                </CheckedField>
                <Flex direction="column" gap="1">
                  <Text size="2" weight="medium" id="evaluator-retrieval-label">
                    Retrieval
                  </Text>
                  <Select.Root
                    value={retrieval}
                    onValueChange={(value) => {
                      setRetrieval(value as RetrievalChoice);
                    }}
                  >
                    <Select.Trigger aria-labelledby="evaluator-retrieval-label" />
                    <Select.Content>
                      {(Object.keys(retrievalLabels) as RetrievalChoice[]).map((choice) => (
                        <Select.Item key={choice} value={choice}>
                          {retrievalLabels[choice]}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select.Root>
                </Flex>
              </Grid>
            </Flex>
            {kind === "llm_judge" ? (
              <JudgeFields judge={judge} rubrics={rubrics} rubric={rubric} onRubric={setRubric} fieldErrors={fieldErrors} />
            ) : null}
            {kind === "format" ? (
              <CheckedField
                label="JSON schema (optional)"
                name="jsonSchema"
                error={fieldErrors.jsonSchema}
                hint={
                  evaluator?.jsonSchema
                    ? "Empty it to remove the schema: then any valid JSON passes."
                    : "Without one, any valid JSON passes."
                }
              >
                {(control) => (
                  <TextArea
                    {...control}
                    rows={5}
                    defaultValue={jsonSchemaText(evaluator?.jsonSchema ?? null)}
                    placeholder='{"type": "object", "required": ["answer"]}'
                    style={{ fontFamily: "var(--code-font-family)" }}
                  />
                )}
              </CheckedField>
            ) : null}
            <ErrorMessage error={error} />
            <DialogActions closeLabel="Cancel" submitLabel={evaluator ? "Save" : "Add evaluator"} disabled={busy} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}

function JudgeFields({
  judge,
  rubrics,
  rubric,
  onRubric,
  fieldErrors,
}: {
  judge: EvaluatorView["judge"];
  rubrics: readonly RubricOption[];
  rubric: RubricChoice;
  onRubric: (rubric: RubricChoice) => void;
  fieldErrors: Record<string, string>;
}) {
  return (
    <Flex direction="column" gap="3">
      <Text size="2" weight="bold">
        Judge
      </Text>
      <Grid columns={{ initial: "1", sm: "2" }} gap="3">
        <CheckedField label="Base URL" name="judge.baseUrl" error={fieldErrors["judge.baseUrl"]} hint="OpenAI-compatible, ending in /v1">
          {(control) => (
            <TextField.Root {...control} type="url" placeholder="https://api.openai.com/v1" defaultValue={judge?.baseUrl ?? ""} />
          )}
        </CheckedField>
        <CheckedField label="Judge model" name="judge.model" error={fieldErrors["judge.model"]}>
          {(control) => <TextField.Root {...control} placeholder="gpt-4o-mini" defaultValue={judge?.model ?? ""} />}
        </CheckedField>
        <CheckedField
          label="API key"
          name="judge.apiKey"
          error={fieldErrors["judge.apiKey"]}
          hint={judge?.hasApiKey ? "Stored encrypted; leave empty to keep it." : "Stored encrypted; never shown again."}
        >
          {(control) => <TextField.Root {...control} type="password" autoComplete="new-password" />}
        </CheckedField>
        <Grid columns="2" gap="3">
          <CheckedField
            label="Daily budget (USD)"
            name="judge.dailyBudgetUsd"
            error={fieldErrors["judge.dailyBudgetUsd"]}
            hint="Pauses when spent"
          >
            {(control) => (
              <TextField.Root {...control} type="number" min="0" step="any" defaultValue={judge?.dailyBudgetUsd?.toString() ?? ""} />
            )}
          </CheckedField>
          <CheckedField label="Timeout (seconds)" name="judge.timeoutSeconds" error={fieldErrors["judge.timeoutSeconds"]} hint="Default 30">
            {(control) => (
              <TextField.Root {...control} type="number" min="1" step="any" defaultValue={judge?.timeoutSeconds?.toString() ?? ""} />
            )}
          </CheckedField>
        </Grid>
      </Grid>
      <Flex direction="column" gap="2">
        <Text size="2" weight="medium" id="judge-rubric-label">
          What the judge scores
        </Text>
        <RadioGroup.Root
          aria-labelledby="judge-rubric-label"
          aria-describedby={fieldErrors["judge.rubric"] ? "field-error-judge-rubric" : undefined}
          value={rubric}
          onValueChange={(value) => {
            onRubric(value as RubricChoice);
          }}
        >
          <Grid columns={{ initial: "1", sm: "2" }} gapX="4" gapY="2">
            {rubrics.map((choice) => (
              <RadioGroup.Item key={choice.name} value={choice.name}>
                <LabelWithHint label={rubricLabels[choice.name]} hint={choice.description} />
              </RadioGroup.Item>
            ))}
            <RadioGroup.Item value="custom">
              <LabelWithHint label="Custom template" hint="Your own instructions; the answer is a score from 0 to 1." />
            </RadioGroup.Item>
          </Grid>
        </RadioGroup.Root>
        {fieldErrors["judge.rubric"] ? (
          <Text size="1" color="red" id="field-error-judge-rubric">
            {fieldErrors["judge.rubric"]}
          </Text>
        ) : null}
      </Flex>
      {rubric === "custom" ? (
        <CheckedField
          label="Template"
          name="judge.template"
          error={fieldErrors["judge.template"]}
          hint={`Variables: ${judgeTemplatePlaceholders.join(", ")} (input, answer, retrieved context, expected answer).`}
        >
          {(control) => <TextArea {...control} rows={5} defaultValue={judge?.template ?? ""} />}
        </CheckedField>
      ) : null}
    </Flex>
  );
}
