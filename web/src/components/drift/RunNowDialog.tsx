"use client";

import { useEffect, useEffectEvent, useState, type SubmitEvent } from "react";
import { useRouter } from "next/navigation";
import { Button, Dialog, Flex, Progress, Text } from "@radix-ui/themes";
import { driftLimits, type DriftBaselineView, type DriftRunView } from "@/contracts/drift";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { formText } from "@/components/ui/formData";
import { sendJson } from "@/components/evaluation/evaluatorApi";
import { useCheckedSubmit } from "@/components/drift/useCheckedSubmit";
import { UtcRangeFields } from "@/components/drift/UtcRangeFields";
import { isoToUtcInput, lastWholeHour, runRequest } from "@/components/drift/driftForms";
import { driftPageHref, driftRunStatusLabel } from "@/components/drift/driftLabels";
import type { DriftPageLocation } from "@/components/drift/DriftToolbar";
import { DialogActions } from "@/components/ui/DialogActions";

/** How often the dialog asks for the run's progress. */
const refreshMs = 1000;
const runFields = new Set(["from", "to"]);

/** Judges any stretch of traffic against the baseline now, follows the run, and opens it when it is done. */
export function RunNowDialog({
  projectId,
  baseline,
  current,
}: {
  projectId: string;
  baseline: DriftBaselineView;
  current: DriftPageLocation;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [defaults, setDefaults] = useState({ from: "", to: "" });
  const [run, setRun] = useState<DriftRunView | null>(null);
  const { fieldErrors, error, setError, busy, submit: send, reset } = useCheckedSubmit(runFields);
  const base = `/api/v1/projects/${projectId}/drift/runs`;

  const runId = run?.id;
  const finished = run?.status === "done" || run?.status === "failed";
  /** Shows the run's state; once it is done the page opens on it. */
  function follow(next: DriftRunView) {
    setRun(next);
    if (next.status !== "done") return;
    setOpen(false);
    router.push(driftPageHref(projectId, current, { run: next.id }));
  }
  const followPolled = useEffectEvent(follow);
  useEffect(() => {
    if (!open || runId === undefined || finished) return;
    // Progress comes from the job: ask again until it ends or the dialog closes.
    const timer = setTimeout(() => {
      sendJson<DriftRunView>("GET", `${base}/${runId}`)
        .then(followPolled)
        .catch((caught: unknown) => {
          setError(caught instanceof Error ? caught.message : "Could not follow the run");
        });
    }, refreshMs);
    return () => {
      clearTimeout(timer);
    };
  }, [open, runId, finished, run, base, setError]);

  function openChange(next: boolean) {
    setOpen(next);
    reset();
    setRun(null);
    if (next) {
      const hour = lastWholeHour(new Date());
      setDefaults({ from: isoToUtcInput(hour.from), to: isoToUtcInput(hour.to) });
    }
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await send(async () => {
      const started = await sendJson<{ id: string }>("POST", base, runRequest(baseline.id, formText(form, "from"), formText(form, "to")));
      follow(await sendJson<DriftRunView>("GET", `${base}/${started.id}`));
    });
  }

  return (
    <Dialog.Root open={open} onOpenChange={openChange}>
      <Dialog.Trigger>
        <Button variant="soft">Run now</Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="520px">
        <Dialog.Title>Run now</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          Judge the traces that started in a stretch of time (at most {driftLimits.maxRangeDays} days) against {baseline.name}. The same
          stretch again opens the run made before.
        </Dialog.Description>
        <form aria-label="Run now" onSubmit={(event) => void submit(event)} noValidate>
          <Flex direction="column" gap="3" mt="3">
            <UtcRangeFields defaults={defaults} fieldErrors={fieldErrors} />
            {run ? (
              <Flex direction="column" gap="1" aria-live="polite">
                <Progress value={Math.round(run.progress * 100)} aria-label="Run progress" />
                <Text size="1">
                  {driftRunStatusLabel[run.status]}
                  {run.status === "running" ? `: ${Math.round(run.progress * 100)}%` : ""}
                </Text>
              </Flex>
            ) : null}
            <ErrorMessage error={run?.status === "failed" ? (run.error ?? "The run failed") : error} />
            <DialogActions closeLabel="Close" submitLabel="Run" loading={busy} disabled={run !== null && !finished} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}
