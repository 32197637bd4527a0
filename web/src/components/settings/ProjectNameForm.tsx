"use client";

import { formText } from "@/components/ui/formData";
import type { SubmitEvent } from "react";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";

export function ProjectNameForm({ projectId, name, editable }: { projectId: string; name: string; editable: boolean }) {
  const { run, error, busy } = useMutation();
  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = formText(new FormData(event.currentTarget), "name");
    void run(() => callApi("PATCH", `/api/v1/projects/${projectId}`, { name: next }));
  }
  return (
    <section className="panel" aria-labelledby="project-heading">
      <h2 id="project-heading">Project</h2>
      {editable ? (
        <form className="row" onSubmit={submit}>
          <label>
            Project name
            <input name="name" defaultValue={name} required maxLength={100} />
          </label>
          <button type="submit" disabled={busy}>
            Rename
          </button>
        </form>
      ) : (
        <p>{name}</p>
      )}
      <p className="muted">
        Project id: <code>{projectId}</code>
      </p>
      <ErrorMessage error={error} />
    </section>
  );
}
