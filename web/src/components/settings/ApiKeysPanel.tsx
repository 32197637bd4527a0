"use client";

import { useRef, useState, type SubmitEvent } from "react";
import { Badge, Box, Button, Code, Flex, IconButton, Table, Text, TextField, Tooltip } from "@radix-ui/themes";
import { CheckIcon, Pencil1Icon } from "@radix-ui/react-icons";
import { ShownOnceCallout } from "@/components/settings/ShownOnceCallout";
import { formText } from "@/components/ui/formData";
import type { ApiKeySummary } from "@/contracts/apiKeys";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { SettingsCard } from "@/components/settings/SettingsCard";
import { FormField } from "@/components/settings/FormField";
import { LabelledSelect } from "@/components/settings/LabelledSelect";
import { LockedNote } from "@/components/settings/LockedNote";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";

const keyKinds = [
  { value: "public", label: "Public (pk_)" },
  { value: "secret", label: "Secret (sk_)" },
] as const;

function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : "never";
}

/** How a public key's origin list reads: what the server will accept with it. */
function describeOrigins(origins: string[]): string {
  if (origins.includes("*")) return ["any page, and servers (*)", ...origins.filter((origin) => origin !== "*")].join(", ");
  return origins.join(", ") || "none (only this app's own pages)";
}

function parseOrigins(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Edits one public key's allowed origins in place. */
function OriginsEditor({
  keyName,
  origins,
  onSave,
  busy,
}: {
  keyName: string;
  origins: string[];
  onSave: (origins: string[]) => void;
  busy: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(origins.join(", "));
  if (!editing)
    return (
      <Flex align="center" gap="2">
        <Text>{describeOrigins(origins)}</Text>
        <Tooltip content="Edit allowed origins">
          <IconButton
            type="button"
            size="1"
            variant="ghost"
            color="gray"
            aria-label={`Edit origins of ${keyName}`}
            disabled={busy}
            onClick={() => {
              setText(origins.join(", "));
              setEditing(true);
            }}
          >
            <Pencil1Icon />
          </IconButton>
        </Tooltip>
      </Flex>
    );
  return (
    <Flex asChild gap="2" align="center" wrap="wrap">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave(parseOrigins(text));
          setEditing(false);
        }}
      >
        <TextField.Root
          size="1"
          aria-label={`Allowed origins of ${keyName}`}
          value={text}
          placeholder="https://chat.example.com, or *"
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        <Button type="submit" size="1" disabled={busy}>
          Save origins
        </Button>
        <Button
          type="button"
          size="1"
          variant="soft"
          color="gray"
          onClick={() => {
            setEditing(false);
          }}
        >
          Cancel
        </Button>
      </form>
    </Flex>
  );
}

/** Revoking cannot be undone and breaks whatever uses the key, so it asks first. */
function RevokeKeyButton({ keyName, busy, onRevoke }: { keyName: string; busy: boolean; onRevoke: () => void }) {
  return (
    <ConfirmDialog
      trigger={
        // Short on screen (key names can be long); the name says which key to a screen reader.
        <Button type="button" size="1" variant="soft" color="red" disabled={busy} aria-label={`Revoke ${keyName}`}>
          Revoke
        </Button>
      }
      title={<>Revoke “{keyName}”?</>}
      description="Every request made with this key is refused from now on. This cannot be undone; create a new key to replace it."
      confirmLabel="Revoke key"
      color="red"
      onConfirm={onRevoke}
    />
  );
}

/** The full key, shown this once, with a copy button. */
function CreatedKey({ name, value }: { name: string; value: string }) {
  return (
    <ShownOnceCallout color="green" icon={<CheckIcon />} value={value} testId="new-api-key" copyLabel="Copy key">
      Copy the key “{name}” now: it is not shown again.
    </ShownOnceCallout>
  );
}

export function ApiKeysPanel({ projectId, keys, manageable }: { projectId: string; keys: ApiKeySummary[]; manageable: boolean }) {
  const { run, error, busy } = useMutation();
  const [kind, setKind] = useState<"public" | "secret">("public");
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const base = `/api/v1/projects/${projectId}/api-keys`;

  function create(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const origins = parseOrigins(formText(form, "allowedOrigins"));
    const input = { kind, name: formText(form, "name"), allowedOrigins: kind === "public" ? origins : [] };
    void run(
      async () => {
        const result = await callApi<{ apiKey: ApiKeySummary; key: string }>("POST", base, input);
        setCreated({ name: result.apiKey.name, key: result.key });
        // The form is done with: the next key starts from empty fields.
        formRef.current?.reset();
      },
      { success: "Key created" },
    );
  }

  return (
    <SettingsCard
      id="keys"
      title="API keys"
      description={
        <>
          Public keys (pk_) go in browsers and can only send feedback, from the pages of their allowed origins (each request must carry a
          matching Origin; <Code>*</Code> allows any page and servers); secret keys (sk_) stay on servers.
        </>
      }
    >
      {manageable ? null : <LockedNote>Admins only: owners and admins create and revoke keys.</LockedNote>}
      <Table.Root variant="surface" size="2">
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeaderCell>Name</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Key</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Allowed origins</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Last used</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {keys.map((key) => (
            <Table.Row key={key.id} align="center">
              <Table.RowHeaderCell>{key.name}</Table.RowHeaderCell>
              <Table.Cell>
                <Code variant="ghost" style={{ whiteSpace: "nowrap" }}>
                  {key.displayPrefix}…
                </Code>
              </Table.Cell>
              <Table.Cell>
                {key.kind !== "public" ? (
                  <Text color="gray">—</Text>
                ) : manageable && !key.revokedAt ? (
                  <OriginsEditor
                    keyName={key.name}
                    origins={key.allowedOrigins}
                    busy={busy}
                    onSave={(allowedOrigins) =>
                      void run(() => callApi("PATCH", `${base}/${key.id}`, { allowedOrigins }), { success: "Origins saved" })
                    }
                  />
                ) : (
                  describeOrigins(key.allowedOrigins)
                )}
              </Table.Cell>
              <Table.Cell>{formatTime(key.lastUsedAt)}</Table.Cell>
              <Table.Cell>
                {key.revokedAt ? (
                  <Badge color="gray">revoked {formatTime(key.revokedAt)}</Badge>
                ) : (
                  <Flex align="center" gap="3">
                    <Badge color="green">active</Badge>
                    {manageable ? (
                      <RevokeKeyButton
                        keyName={key.name}
                        busy={busy}
                        onRevoke={() => void run(() => callApi("DELETE", `${base}/${key.id}`), { success: `Key “${key.name}” revoked` })}
                      />
                    ) : null}
                  </Flex>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
      {created ? <CreatedKey name={created.name} value={created.key} /> : null}
      {manageable ? (
        <Box asChild>
          <form ref={formRef} aria-label="Create a key" onSubmit={create}>
            <Flex gap="3" align="end" wrap="wrap">
              <LabelledSelect
                id="key-kind-label"
                label="Kind"
                value={kind}
                onChange={(value) => {
                  setKind(value === "secret" ? "secret" : "public");
                }}
                options={keyKinds}
              />
              <FormField label="Key name">
                <TextField.Root name="name" required maxLength={100} placeholder="chat widget" />
              </FormField>
              {kind === "public" ? (
                <FormField label="Allowed origins" grow>
                  <TextField.Root name="allowedOrigins" placeholder="https://chat.example.com" />
                </FormField>
              ) : null}
              <Button type="submit" disabled={busy}>
                Create key
              </Button>
            </Flex>
          </form>
        </Box>
      ) : null}
      <ErrorMessage error={error} />
    </SettingsCard>
  );
}
