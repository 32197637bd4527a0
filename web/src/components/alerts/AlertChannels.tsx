"use client";

import { useState, type SubmitEvent } from "react";
import { useRouter } from "next/navigation";
import { Badge, Button, Code, Dialog, Flex, Heading, Select, Table, Text, TextField } from "@radix-ui/themes";
import type { AlertChannelTestResult, AlertChannelView } from "@/contracts/alerts";
import { sendJson } from "@/components/evaluation/evaluatorApi";
import { CheckedField } from "@/components/evaluation/CheckedField";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { DialogActions } from "@/components/ui/DialogActions";
import { useCheckedSubmit } from "@/components/drift/useCheckedSubmit";
import { formText } from "@/components/ui/formData";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useMutation } from "@/components/settings/useMutation";

const channelFields = new Set(["name", "url", "to"]);
const typeLabel = { webhook: "Webhook (signed)", slack: "Slack", email: "E-mail" } as const;

/** Adds a channel; a webhook's signing secret is shown here once. */
function NewChannelDialog({ projectId }: { projectId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<keyof typeof typeLabel>("webhook");
  const [secret, setSecret] = useState<string | null>(null);
  const { fieldErrors, error, busy, submit: send, reset } = useCheckedSubmit(channelFields);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = formText(form, "target");
    await send(async () => {
      const created = await sendJson<{ secret?: string }>("POST", `/api/v1/projects/${projectId}/alert-channels`, {
        name: formText(form, "name"),
        type,
        ...(type === "email" ? { to: target.split(/[,\s]+/).filter(Boolean) } : { url: target }),
      });
      router.refresh();
      if (created.secret) setSecret(created.secret);
      else setOpen(false);
    });
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setSecret(null);
        reset();
      }}
    >
      <Dialog.Trigger>
        <Button variant="soft">Add channel</Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="520px">
        <Dialog.Title>Add a channel</Dialog.Title>
        {secret ? (
          <Flex direction="column" gap="3">
            <Text size="2">
              Verify each delivery&apos;s <Code>webhook-signature</Code> with this secret (Standard Webhooks). It is shown only now.
            </Text>
            <Code size="2" data-testid="webhook-secret" style={{ wordBreak: "break-all" }}>
              {secret}
            </Code>
            <Flex justify="end">
              <Dialog.Close>
                <Button>Done</Button>
              </Dialog.Close>
            </Flex>
          </Flex>
        ) : (
          <form aria-label="Add a channel" onSubmit={(event) => void submit(event)} noValidate>
            <Flex direction="column" gap="3">
              <CheckedField label="Name" name="name" error={fieldErrors.name}>
                {(control) => <TextField.Root {...control} aria-label="Name" />}
              </CheckedField>
              <CheckedField label="Type" name="type">
                {() => (
                  <Select.Root
                    value={type}
                    onValueChange={(value) => {
                      setType(value as keyof typeof typeLabel);
                    }}
                  >
                    <Select.Trigger aria-label="Type" />
                    <Select.Content>
                      {Object.entries(typeLabel).map(([value, label]) => (
                        <Select.Item key={value} value={value}>
                          {label}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select.Root>
                )}
              </CheckedField>
              <CheckedField
                label={type === "email" ? "Recipients" : "URL"}
                name="target"
                error={fieldErrors[type === "email" ? "to" : "url"]}
              >
                {(control) => <TextField.Root {...control} aria-label={type === "email" ? "Recipients" : "URL"} />}
              </CheckedField>
              <ErrorMessage error={error} />
              <DialogActions closeLabel="Cancel" submitLabel="Add" loading={busy} />
            </Flex>
          </form>
        )}
      </Dialog.Content>
    </Dialog.Root>
  );
}

function TestButton({ projectId, channelId }: { projectId: string; channelId: string }) {
  const router = useRouter();
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function test() {
    setBusy(true);
    try {
      const outcome = await sendJson<AlertChannelTestResult>("POST", `/api/v1/projects/${projectId}/alert-channels/${channelId}/test`);
      setResult(
        outcome.delivered
          ? `Delivered${outcome.status ? ` (${outcome.status})` : ""}`
          : `Failed: ${outcome.error ?? outcome.status ?? "no answer"}`,
      );
      router.refresh();
    } catch (caught) {
      setResult(caught instanceof Error ? caught.message : "The test failed");
    } finally {
      setBusy(false);
    }
  }
  return (
    <Flex gap="2" align="center">
      <Button size="1" variant="soft" loading={busy} onClick={() => void test()}>
        Send test
      </Button>
      {result ? (
        <Text size="1" role="status">
          {result}
        </Text>
      ) : null}
    </Flex>
  );
}

function DeleteChannelButton({ projectId, channel }: { projectId: string; channel: AlertChannelView }) {
  const { run, error, busy } = useMutation();
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button size="1" variant="soft" color="red" loading={busy} aria-label={`Delete ${channel.name}`}>
            Delete
          </Button>
        }
        title={`Delete the channel ${channel.name}?`}
        description={
          channel.rules
            ? `${channel.rules === 1 ? "One rule notifies" : `${channel.rules} rules notify`} it; they stop notifying it, and its queued notifications are dropped.`
            : "No rule notifies it."
        }
        confirmLabel="Delete"
        color="red"
        onConfirm={() =>
          void run(() => sendJson("DELETE", `/api/v1/projects/${projectId}/alert-channels/${channel.id}`), { success: "Channel deleted" })
        }
      />
      <ErrorMessage error={error} />
    </>
  );
}

/** Where notifications go, with each channel's health, a test button and delete. */
export function AlertChannels({
  projectId,
  channels,
  manageable,
}: {
  projectId: string;
  channels: AlertChannelView[];
  manageable: boolean;
}) {
  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="center">
        <Heading as="h2" size="4">
          Channels
        </Heading>
        {manageable ? <NewChannelDialog projectId={projectId} /> : null}
      </Flex>
      {channels.length === 0 ? (
        <Text size="2" color="gray">
          No channels: firing alerts show in the console only. Add a signed webhook, a Slack incoming webhook or e-mail.
        </Text>
      ) : (
        <Table.Root size="1" variant="surface">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Name</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Type</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Sends to</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Health</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Rules</Table.ColumnHeaderCell>
              {manageable ? <Table.ColumnHeaderCell /> : null}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {channels.map((channel) => (
              <Table.Row key={channel.id}>
                <Table.RowHeaderCell>{channel.name}</Table.RowHeaderCell>
                <Table.Cell>{typeLabel[channel.type]}</Table.Cell>
                <Table.Cell>
                  <Text size="1">{channel.url ?? channel.to.join(", ")}</Text>
                </Table.Cell>
                <Table.Cell>
                  {channel.failing ? (
                    <Flex direction="column" gap="1" align="start">
                      <Badge color="red">Failing</Badge>
                      {channel.lastError ? (
                        <Text size="1" color="red">
                          {channel.lastError}
                        </Text>
                      ) : null}
                    </Flex>
                  ) : (
                    <Badge color="green">OK</Badge>
                  )}
                </Table.Cell>
                <Table.Cell>{channel.rules}</Table.Cell>
                {manageable ? (
                  <Table.Cell>
                    <Flex gap="2" align="center">
                      <TestButton projectId={projectId} channelId={channel.id} />
                      <DeleteChannelButton projectId={projectId} channel={channel} />
                    </Flex>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
    </Flex>
  );
}
