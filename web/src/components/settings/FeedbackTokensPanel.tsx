"use client";

import { useState } from "react";
import { Button, Code, Flex, Switch, Text } from "@radix-ui/themes";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { SettingsCard } from "@/components/settings/SettingsCard";
import { LockedNote } from "@/components/settings/LockedNote";
import { CopyButton } from "@/components/settings/CopyButton";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";

/** Per-answer authorisation of feedback: the requirement switch and the secret backends sign tokens with. */
export function FeedbackTokensPanel({
  projectId,
  required,
  editable,
  signingSecret,
  managesSecret,
}: {
  projectId: string;
  required: boolean;
  editable: boolean;
  /** Only for those who manage keys; null too for a project made before secrets came with projects. */
  signingSecret: string | null;
  managesSecret: boolean;
}) {
  const { run, error, busy } = useMutation();
  const [revealed, setRevealed] = useState(false);
  const secretUrl = `/api/v1/projects/${projectId}/feedback-signing-secret`;
  return (
    <SettingsCard
      id="feedback-tokens"
      title="Feedback tokens"
      description={
        <>
          A public key can be read from any page that embeds the widget. With tokens required, feedback is accepted only with a token your
          backend minted for that very answer (<Code>POST /api/v1/feedback-tokens</Code>, or <Code>signFeedbackToken()</Code> from{" "}
          <Code>@liveloop/widget/server</Code>): <Code>v1.&lt;expires&gt;.&lt;signature&gt;</Code>, the signature being base64url
          HMAC-SHA256 of <Code>v1:&lt;projectId&gt;:&lt;expires&gt;:&lt;traceId&gt;</Code> under the signing secret below.
        </>
      }
    >
      <Text as="label" size="2">
        <Flex gap="3" align="center">
          <Switch
            checked={required}
            disabled={!editable || busy}
            onCheckedChange={(checked) => {
              void run(() => callApi("PATCH", `/api/v1/projects/${projectId}`, { requireFeedbackTokens: checked }), {
                success: checked ? "Feedback tokens required" : "Feedback tokens no longer required",
              });
            }}
          />
          Require a valid feedback token with every feedback event
        </Flex>
      </Text>
      {editable ? null : <LockedNote>Admins only: owners and admins decide whether tokens are required.</LockedNote>}
      {signingSecret ? (
        <Flex direction="column" gap="2">
          <Text size="2" weight="medium">
            Signing secret
          </Text>
          <Flex align="center" gap="2" wrap="wrap">
            {/* Hidden until asked for, as before: a screen share should not show it by accident. */}
            {revealed ? (
              <Code size="2" data-testid="feedback-signing-secret" style={{ wordBreak: "break-all" }}>
                {signingSecret}
              </Code>
            ) : (
              <Button
                type="button"
                size="1"
                variant="soft"
                color="gray"
                onClick={() => {
                  setRevealed(true);
                }}
              >
                Show signing secret
              </Button>
            )}
            <CopyButton value={signingSecret} label="Copy secret" />
            <ConfirmDialog
              trigger={
                <Button type="button" size="1" variant="soft" color="red" disabled={busy}>
                  Rotate signing secret
                </Button>
              }
              title="Rotate the signing secret?"
              description="Tokens minted with the current secret stop working at once. Give your backend the new secret right after."
              confirmLabel="Rotate"
              color="red"
              onConfirm={() => void run(() => callApi("POST", secretUrl), { success: "Signing secret rotated" })}
            />
          </Flex>
        </Flex>
      ) : managesSecret ? (
        // An older project has none until it first signs: creating it is this POST, never the page's render.
        <Flex align="center" gap="3">
          <Text size="2" color="gray">
            This project has no signing secret yet.
          </Text>
          <Button
            type="button"
            size="1"
            variant="soft"
            disabled={busy}
            onClick={() => {
              void run(() => callApi("POST", secretUrl), { success: "Signing secret created" });
            }}
          >
            Create signing secret
          </Button>
        </Flex>
      ) : (
        <LockedNote>Admins only: owners and admins see the signing secret.</LockedNote>
      )}
      <ErrorMessage error={error} />
    </SettingsCard>
  );
}
