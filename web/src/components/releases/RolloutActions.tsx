"use client";

import { Button, Flex } from "@radix-ui/themes";
import type { Rollout } from "@/contracts/rollouts";
import { sendJson } from "@/components/evaluation/evaluatorApi";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { useMutation } from "@/components/settings/useMutation";
import { formatShare } from "@/components/releases/formatShare";

/** Promote, pause or resume, and roll back by hand; what the guard would do, done now. */
export function RolloutActions({ projectId, rollout }: { projectId: string; rollout: Rollout }) {
  const { run, error, busy } = useMutation();
  const act = (action: "promote" | "pause" | "resume" | "rollback", success: string) =>
    void run(() => sendJson("POST", `/api/v1/projects/${projectId}/rollouts/${encodeURIComponent(rollout.key)}/${action}`), { success });
  const active = rollout.state === "running" || rollout.state === "paused";
  const nextShare = rollout.stages[Math.min(rollout.stage + 1, rollout.stages.length - 1)] ?? 1;
  return (
    <Flex direction="column" gap="1">
      <Flex gap="2" wrap="wrap">
        {active ? (
          <ConfirmDialog
            trigger={
              <Button size="1" variant="soft" loading={busy}>
                Promote
              </Button>
            }
            title={`Promote ${rollout.key} to ${formatShare(nextShare)}?`}
            description={`${rollout.candidate} will serve ${formatShare(nextShare)} of users now, without waiting for the guard.`}
            confirmLabel="Promote"
            onConfirm={() => {
              act("promote", `${rollout.key} promoted to ${formatShare(nextShare)}`);
            }}
          />
        ) : null}
        {rollout.state === "running" ? (
          <Button
            size="1"
            variant="soft"
            color="gray"
            loading={busy}
            onClick={() => {
              act("pause", `${rollout.key} paused`);
            }}
          >
            Pause
          </Button>
        ) : null}
        {rollout.state === "paused" ? (
          <Button
            size="1"
            variant="soft"
            loading={busy}
            onClick={() => {
              act("resume", `${rollout.key} resumed`);
            }}
          >
            Resume
          </Button>
        ) : null}
        {rollout.state !== "rolled_back" ? (
          <ConfirmDialog
            trigger={
              <Button size="1" variant="soft" color="red" loading={busy}>
                Roll back
              </Button>
            }
            title={`Roll back ${rollout.key}?`}
            description={`Every user goes back to ${rollout.baseline}. To try ${rollout.candidate} again, start the rollout again.`}
            confirmLabel="Roll back"
            color="red"
            onConfirm={() => {
              act("rollback", `${rollout.key} rolled back`);
            }}
          />
        ) : null}
      </Flex>
      <ErrorMessage error={error} />
    </Flex>
  );
}
