"use client";

import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { formText } from "@/components/ui/formData";
import { useState, type SubmitEvent } from "react";
import { callApi } from "@/components/ui/apiClient";

export function NewProjectForm() {
  const [error, setError] = useState<string | null>(null);
  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = formText(new FormData(event.currentTarget), "name");
    try {
      const project = await callApi<{ id: string }>("POST", "/api/v1/projects", { name });
      window.location.assign(`/projects/${project.id}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not create the project");
    }
  }
  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <label>
        Project name
        <input name="name" required maxLength={100} />
      </label>
      <ErrorMessage error={error} />
      <button className="primary" type="submit">
        Create project
      </button>
    </form>
  );
}
