"use client";

import type { SubmitEvent } from "react";
import { Button, Code, DataList, Flex, TextField } from "@radix-ui/themes";
import { formText } from "@/components/ui/formData";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { SettingsCard } from "@/components/settings/SettingsCard";
import { FormField } from "@/components/settings/FormField";
import { LockedNote } from "@/components/settings/LockedNote";

export function ProjectNameForm({ projectId, name, editable }: { projectId: string; name: string; editable: boolean }) {
  const { run, error, busy } = useMutation();
  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = formText(new FormData(event.currentTarget), "name");
    void run(() => callApi("PATCH", `/api/v1/projects/${projectId}`, { name: next }), { success: "Project renamed" });
  }
  return (
    <SettingsCard id="project" title="Project" description="The project's name, as the project switcher and invitations show it.">
      <form onSubmit={submit}>
        <Flex gap="3" align="end" wrap="wrap">
          <FormField label="Project name">
            <TextField.Root name="name" defaultValue={name} required maxLength={100} disabled={!editable} style={{ minWidth: 280 }} />
          </FormField>
          <Button type="submit" disabled={busy || !editable}>
            Rename
          </Button>
        </Flex>
      </form>
      {editable ? null : <LockedNote>Admins only: owners and admins rename the project.</LockedNote>}
      <DataList.Root size="2">
        <DataList.Item>
          <DataList.Label>Project id</DataList.Label>
          <DataList.Value>
            <Code variant="ghost">{projectId}</Code>
          </DataList.Value>
        </DataList.Item>
      </DataList.Root>
      <ErrorMessage error={error} />
    </SettingsCard>
  );
}
