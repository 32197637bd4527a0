"use client";

import { useState, type SubmitEvent } from "react";
import { Button, Flex } from "@radix-ui/themes";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { formText } from "@/components/ui/formData";
import { callApi } from "@/components/ui/apiClient";
import { TextInput } from "@/components/accounts/TextInput";

export function NewProjectForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = formText(new FormData(event.currentTarget), "name");
    setBusy(true);
    try {
      const project = await callApi<{ id: string }>("POST", "/api/v1/projects", { name });
      window.location.assign(`/projects/${project.id}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not create the project");
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(event) => void submit(event)}>
      <Flex direction="column" gap="3">
        <TextInput label="Project name" name="name" required maxLength={100} placeholder="Support assistant" />
        <ErrorMessage error={error} />
        <Button size="3" type="submit" disabled={busy} loading={busy}>
          Create project
        </Button>
      </Flex>
    </form>
  );
}
