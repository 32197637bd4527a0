"use client";

import type { SubmitEvent } from "react";
import { Box, Button, Flex } from "@radix-ui/themes";
import { callApi } from "@/components/ui/apiClient";
import { formText } from "@/components/ui/formData";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useMutation } from "@/components/settings/useMutation";
import { NewPasswordFields, newPasswordOf } from "@/components/accounts/NewPasswordFields";
import { TextInput } from "@/components/accounts/TextInput";

export function ChangePasswordForm() {
  const { run, error, setError, busy } = useMutation({ refresh: false });
  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = newPasswordOf(form);
    if (typeof newPassword !== "string") {
      setError(newPassword.error);
      return;
    }
    void run(
      async () => {
        await callApi("POST", "/api/v1/account/password", { currentPassword: formText(form, "currentPassword"), newPassword });
        formElement.reset();
      },
      { success: "Password changed. Your other sessions are signed out; this one stays." },
    );
  }
  return (
    <form onSubmit={submit}>
      <Flex direction="column" gap="3">
        <TextInput label="Current password" name="currentPassword" type="password" required autoComplete="current-password" />
        <NewPasswordFields />
        <ErrorMessage error={error} />
        <Box>
          <Button type="submit" disabled={busy} loading={busy}>
            Change password
          </Button>
        </Box>
      </Flex>
    </form>
  );
}

export function SignOutEverywhereButton() {
  const { run, error, busy } = useMutation({ refresh: false });
  function signOutEverywhere() {
    void run(async () => {
      await callApi("DELETE", "/api/v1/account/sessions");
      window.location.assign("/signin");
    });
  }
  return (
    <Flex direction="column" gap="2" align="start">
      <ConfirmDialog
        trigger={
          <Button type="button" color="red" variant="soft" disabled={busy}>
            Sign out everywhere
          </Button>
        }
        title="Sign out everywhere?"
        description="Every session of your account ends, this one included."
        confirmLabel="Sign out all sessions"
        color="red"
        onConfirm={signOutEverywhere}
        maxWidth="420px"
      />
      <ErrorMessage error={error} />
    </Flex>
  );
}
