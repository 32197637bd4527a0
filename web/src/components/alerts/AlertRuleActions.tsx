"use client";

import { useState, type ReactNode, type SubmitEvent } from "react";
import { useRouter } from "next/navigation";
import { Button, Dialog, Flex, TextField } from "@radix-ui/themes";
import { sendJson } from "@/components/evaluation/evaluatorApi";
import { CheckedField } from "@/components/evaluation/CheckedField";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DialogActions } from "@/components/ui/DialogActions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { useCheckedSubmit } from "@/components/drift/useCheckedSubmit";
import { formText } from "@/components/ui/formData";
import { useMutation } from "@/components/settings/useMutation";

const silenceFields = new Set(["endsAt", "reason"]);
const hourMs = 3_600_000;

/** Ends a silence now: notifications held back by it are sent on the next evaluation. */
export function EndSilenceButton({ projectId, silenceId }: { projectId: string; silenceId: string }) {
  const { run, error, busy } = useMutation();
  return (
    <>
      <Button
        size="1"
        variant="soft"
        loading={busy}
        onClick={() => void run(() => sendJson("DELETE", `/api/v1/projects/${projectId}/alert-silences/${silenceId}`))}
      >
        End silence
      </Button>
      <ErrorMessage error={error} />
    </>
  );
}

/** Change (the dialog is given), evaluate now, silence for a while with a reason, switch on or off, delete. */
export function AlertRuleActions({
  projectId,
  ruleId,
  enabled,
  change,
}: {
  projectId: string;
  ruleId: string;
  enabled: boolean;
  change: ReactNode;
}) {
  const router = useRouter();
  const base = `/api/v1/projects/${projectId}`;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [silenceOpen, setSilenceOpen] = useState(false);
  const silence = useCheckedSubmit(silenceFields);

  async function act(
    name: string,
    work: () => Promise<unknown>,
    after: () => void = () => {
      router.refresh();
    },
  ) {
    setBusy(name);
    setError(null);
    try {
      await work();
      after();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "That did not work");
    } finally {
      setBusy(null);
    }
  }

  async function submitSilence(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const hours = Number(formText(form, "hours"));
    await silence.submit(async () => {
      await sendJson("POST", `${base}/alert-silences`, {
        ruleId,
        endsAt: new Date(Date.now() + (Number.isFinite(hours) ? hours : Number.NaN) * hourMs).toISOString(),
        reason: formText(form, "reason"),
      });
      setSilenceOpen(false);
      router.refresh();
    });
  }

  return (
    <Flex direction="column" gap="2" align="end">
      <Flex gap="2" wrap="wrap">
        {change}
        <Button
          loading={busy === "evaluate"}
          onClick={() => void act("evaluate", () => sendJson("POST", `${base}/alert-rules/${ruleId}/evaluate`))}
        >
          Evaluate now
        </Button>
        <Dialog.Root
          open={silenceOpen}
          onOpenChange={(next) => {
            setSilenceOpen(next);
            silence.reset();
          }}
        >
          <Dialog.Trigger>
            <Button variant="soft">Silence</Button>
          </Dialog.Trigger>
          <Dialog.Content maxWidth="440px">
            <Dialog.Title>Silence this rule</Dialog.Title>
            <Dialog.Description size="2" color="gray">
              It keeps being evaluated and recorded; notifications wait until the silence ends.
            </Dialog.Description>
            <form aria-label="Silence this rule" onSubmit={(event) => void submitSilence(event)} noValidate>
              <Flex direction="column" gap="3" mt="3">
                <CheckedField label="For (hours)" name="endsAt" error={silence.fieldErrors.endsAt}>
                  {(control) => <TextField.Root {...control} name="hours" aria-label="For (hours)" defaultValue="2" />}
                </CheckedField>
                <CheckedField label="Reason" name="reason" error={silence.fieldErrors.reason}>
                  {(control) => <TextField.Root {...control} aria-label="Reason" placeholder="Deploying the new retriever" />}
                </CheckedField>
                <ErrorMessage error={silence.error} />
                <DialogActions closeLabel="Cancel" submitLabel="Silence" loading={silence.busy} />
              </Flex>
            </form>
          </Dialog.Content>
        </Dialog.Root>
        <Button
          variant="soft"
          color="gray"
          loading={busy === "enable"}
          onClick={() => void act("enable", () => sendJson("PATCH", `${base}/alert-rules/${ruleId}`, { enabled: !enabled }))}
        >
          {enabled ? "Disable" : "Enable"}
        </Button>
        <ConfirmDialog
          trigger={
            <Button variant="soft" color="red" loading={busy === "delete"}>
              Delete
            </Button>
          }
          title="Delete this rule?"
          description="Its history and queued notifications go with it."
          confirmLabel="Delete"
          color="red"
          onConfirm={() =>
            void act(
              "delete",
              () => sendJson("DELETE", `${base}/alert-rules/${ruleId}`),
              () => {
                router.push(`/projects/${projectId}/alerts`);
              },
            )
          }
        />
      </Flex>
      <ErrorMessage error={error} />
    </Flex>
  );
}
