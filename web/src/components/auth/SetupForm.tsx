"use client";

import { useState, type SubmitEvent } from "react";
import { signIn } from "next-auth/react";
import { Button, Flex } from "@radix-ui/themes";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { formText } from "@/components/ui/formData";
import { callApi } from "@/components/ui/apiClient";
import { TextInput } from "@/components/accounts/TextInput";

export function SetupForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: formText(form, "name"),
      email: formText(form, "email"),
      password: formText(form, "password"),
      projectName: formText(form, "projectName"),
    };
    setBusy(true);
    setError(null);
    try {
      const { projectId } = await callApi<{ projectId: string }>("POST", "/api/v1/setup", input);
      const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      if (result?.error) throw new Error("Set-up worked, but signing in failed: sign in by hand");
      window.location.assign(`/projects/${projectId}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Set-up failed");
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Flex direction="column" gap="3">
        <TextInput label="Your name" name="name" required autoComplete="name" />
        <TextInput label="Email" name="email" type="email" required autoComplete="email" />
        <TextInput
          label="Password (at least 8 characters)"
          name="password"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
        />
        <TextInput label="First project" name="projectName" required defaultValue="My assistant" />
        <ErrorMessage error={error} />
        <Button size="3" type="submit" disabled={busy} loading={busy}>
          Create owner and project
        </Button>
      </Flex>
    </form>
  );
}
