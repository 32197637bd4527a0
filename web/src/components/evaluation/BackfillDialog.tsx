"use client";

import { useCallback, useEffect, useState, type SubmitEvent } from "react";
import { Badge, Button, Dialog, Flex, Grid, Progress, Text, TextField } from "@radix-ui/themes";
import type { BackfillView, EvaluatorView } from "@/contracts/evaluators";
import { evaluatorLimits } from "@/contracts/evaluators";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { formText } from "@/components/ui/formData";
import { formatTime } from "@/components/traces/format";
import { CheckedField } from "@/components/evaluation/CheckedField";
import { formErrorsOf, sendJson } from "@/components/evaluation/evaluatorApi";
import { DialogActions } from "@/components/ui/DialogActions";

/** How often the dialog asks for progress while a backfill runs. */
const refreshMs = 2000;
/** The fields this form shows an API issue beside. */
const backfillFields = new Set(["from", "to"]);

/** A Date as a datetime-local input's value, in the browser's time zone. */
function localInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const statusBadge: Record<BackfillView["status"], { label: string; color: "blue" | "green" | "red" }> = {
  running: { label: "Running", color: "blue" },
  done: { label: "Done", color: "green" },
  failed: { label: "Failed", color: "red" },
};

/** One backfill's progress: traces scored and failed of those selected. */
export function BackfillProgress({ backfill }: { backfill: BackfillView }) {
  const finished = backfill.scored + backfill.failed;
  return (
    <Flex direction="column" gap="1" role="group" aria-label={`Backfill from ${formatTime(backfill.from)}`}>
      <Flex gap="2" align="center" wrap="wrap">
        <Badge color={statusBadge[backfill.status].color}>{statusBadge[backfill.status].label}</Badge>
        <Text size="1" color="gray">
          {formatTime(backfill.from)} to {formatTime(backfill.to)}
        </Text>
      </Flex>
      <Progress value={backfill.total === 0 ? 100 : Math.round((finished / backfill.total) * 100)} aria-label="Backfill progress" />
      <Text size="1">
        {backfill.scored.toLocaleString("en")} scored, {backfill.failed.toLocaleString("en")} failed of{" "}
        {backfill.total.toLocaleString("en")} {backfill.total === 1 ? "trace" : "traces"}
        {backfill.status === "running" ? ` (${backfill.queued.toLocaleString("en")} queued so far)` : ""}
      </Text>
      {backfill.error ? (
        <Text size="1" color="red">
          {backfill.error}
        </Text>
      ) : null}
    </Flex>
  );
}

/** Scores a past time range with the evaluator's current version, and follows the progress until it ends. */
export function BackfillDialog({ projectId, evaluator }: { projectId: string; evaluator: EvaluatorView }) {
  const [open, setOpen] = useState(false);
  const [defaults, setDefaults] = useState({ from: "", to: "" });
  const [backfills, setBackfills] = useState<BackfillView[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/v1/projects/${projectId}/evaluators/${evaluator.id}`;

  const load = useCallback(async () => {
    const list = await sendJson<{ data: BackfillView[] }>("GET", `${base}/backfills`);
    setBackfills(list.data);
  }, [base]);

  const running = backfills.some((backfill) => backfill.status === "running");
  useEffect(() => {
    if (!open) return;
    // Progress comes from the job: ask again while one runs, stop when all have ended or the dialog closes.
    const timer = running ? setTimeout(() => void load().catch(() => undefined), refreshMs) : undefined;
    return () => {
      clearTimeout(timer);
    };
  }, [open, running, backfills, load]);

  function openChange(next: boolean) {
    setOpen(next);
    setFieldErrors({});
    setError(null);
    if (next) {
      const now = new Date();
      // The inputs hold whole minutes: "to" is the next minute so traces of the last seconds are in.
      setDefaults({ from: localInputValue(new Date(now.getTime() - 86_400_000)), to: localInputValue(new Date(now.getTime() + 60_000)) });
      void load().catch((caught: unknown) => {
        setError(caught instanceof Error ? caught.message : "Could not load the backfills");
      });
    }
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = new Date(formText(form, "from"));
    const to = new Date(formText(form, "to"));
    const errors: Record<string, string> = {};
    if (Number.isNaN(from.getTime())) errors.from = "Choose a start";
    if (Number.isNaN(to.getTime())) errors.to = "Choose an end";
    setFieldErrors(errors);
    setError(null);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      await sendJson("POST", `${base}/backfill`, { from: from.toISOString(), to: to.toISOString() });
      await load();
    } catch (caught) {
      const shown = formErrorsOf(caught, backfillFields);
      setFieldErrors(shown.fieldErrors);
      setError(shown.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog.Root open={open} onOpenChange={openChange}>
      <Dialog.Trigger>
        <Button size="1" variant="soft" aria-label={`Backfill ${evaluator.name}`}>
          Backfill
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="520px">
        <Dialog.Title>Backfill {evaluator.name}</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          Score the traces that started in a time range (at most {evaluatorLimits.maxBackfillDays} days) with version {evaluator.version}.
          Traces already scored by this version are not scored again.
        </Dialog.Description>
        <form aria-label={`Backfill ${evaluator.name}`} onSubmit={(event) => void submit(event)} noValidate>
          <Flex direction="column" gap="3" mt="3">
            <Grid columns="2" gap="3">
              <CheckedField label="From (your time)" name="from" error={fieldErrors.from}>
                {(control) => <TextField.Root {...control} type="datetime-local" defaultValue={defaults.from} key={defaults.from} />}
              </CheckedField>
              <CheckedField label="To (your time)" name="to" error={fieldErrors.to}>
                {(control) => <TextField.Root {...control} type="datetime-local" defaultValue={defaults.to} key={defaults.to} />}
              </CheckedField>
            </Grid>
            <ErrorMessage error={error} />
            <DialogActions closeLabel="Close" submitLabel="Start backfill" disabled={busy || running} />
          </Flex>
        </form>
        {backfills.length > 0 ? (
          <Flex direction="column" gap="3" mt="4" aria-live="polite">
            <Text size="2" weight="medium">
              Latest backfills
            </Text>
            {backfills.slice(0, 3).map((backfill) => (
              <BackfillProgress key={backfill.id} backfill={backfill} />
            ))}
          </Flex>
        ) : null}
      </Dialog.Content>
    </Dialog.Root>
  );
}
