"use client";

import type { SubmitEvent } from "react";
import { signIn } from "next-auth/react";
import { Button, Flex } from "@radix-ui/themes";
import { callApi } from "@/components/ui/apiClient";
import { formText } from "@/components/ui/formData";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { useMutation } from "@/components/settings/useMutation";
import { NewPasswordFields, newPasswordOf } from "@/components/accounts/NewPasswordFields";
import { TextInput } from "@/components/accounts/TextInput";

export function AcceptInvitationButton({ token }: { token: string }) {
  const { run, error, busy } = useMutation({ refresh: false });
  function accept() {
    void run(async () => {
      const { projectId } = await callApi<{ projectId: string }>("POST", "/api/v1/invitations/accept", { token });
      window.location.assign(`/projects/${projectId}`);
    });
  }
  return (
    <Flex direction="column" gap="2">
      <Button size="3" type="button" disabled={busy} loading={busy} onClick={accept}>
        Accept invitation
      </Button>
      <ErrorMessage error={error} />
    </Flex>
  );
}

/** Creates the invitee's account with the name and password they choose, then signs them in. */
export function RegisterWithInvitationForm({ token, email }: { token: string; email: string }) {
  const { run, error, setError, busy } = useMutation({ refresh: false });
  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = newPasswordOf(form);
    if (typeof password !== "string") {
      setError(password.error);
      return;
    }
    void run(async () => {
      const { projectId } = await callApi<{ projectId: string }>("POST", "/api/v1/invitations/register", {
        token,
        name: formText(form, "name"),
        password,
      });
      const signedIn = await signIn("credentials", { email, password, redirect: false });
      window.location.assign(signedIn && !signedIn.error ? `/projects/${projectId}` : "/signin");
    });
  }
  return (
    <form onSubmit={submit}>
      <Flex direction="column" gap="3">
        <TextInput label="Email" name="email" type="email" value={email} readOnly autoComplete="username" variant="soft" color="gray" />
        <TextInput label="Your name" name="name" required maxLength={100} autoComplete="name" />
        <NewPasswordFields />
        <ErrorMessage error={error} />
        <Button size="3" type="submit" disabled={busy} loading={busy}>
          Create account and join
        </Button>
      </Flex>
    </form>
  );
}
