"use client";

import { Flex, RadioGroup, Text } from "@radix-ui/themes";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { SettingsCard } from "@/components/settings/SettingsCard";
import { LockedNote } from "@/components/settings/LockedNote";
import { LabelWithHint } from "@/components/settings/LabelWithHint";

const choices = [
  { value: "off", label: "Store as sent", hint: "Traces are kept exactly as your application sent them." },
  { value: "mask", label: "Mask before storing", hint: "Personal data is replaced by placeholders before anything is written." },
] as const;

/** Whether personal data in incoming traces is masked before it is stored. */
export function PrivacyPanel({
  projectId,
  piiRedaction,
  editable,
}: {
  projectId: string;
  piiRedaction: "off" | "mask";
  editable: boolean;
}) {
  const { run, error, busy } = useMutation();
  return (
    <SettingsCard
      id="privacy"
      title="Privacy"
      description="Masking replaces emails, phone numbers, payment card numbers, IBANs, IP addresses and secret-looking tokens in traces before anything is stored. It applies to traces received from then on."
    >
      <Flex direction="column" gap="2">
        <Text size="2" weight="medium" id="pii-label">
          Personal data in traces
        </Text>
        <RadioGroup.Root
          aria-labelledby="pii-label"
          value={piiRedaction}
          disabled={!editable || busy}
          onValueChange={(value) => {
            void run(() => callApi("PATCH", `/api/v1/projects/${projectId}`, { piiRedaction: value }), {
              success: "Privacy setting saved",
            });
          }}
        >
          {choices.map((choice) => (
            <RadioGroup.Item key={choice.value} value={choice.value}>
              <LabelWithHint label={choice.label} hint={choice.hint} />
            </RadioGroup.Item>
          ))}
        </RadioGroup.Root>
      </Flex>
      {editable ? null : <LockedNote>Admins only: owners and admins change how traces are stored.</LockedNote>}
      <ErrorMessage error={error} />
    </SettingsCard>
  );
}
