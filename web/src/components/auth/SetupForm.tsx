"use client";

import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { formText } from "@/components/ui/formData";
import { useState, type SubmitEvent } from "react";
import { signIn } from "next-auth/react";
import { callApi } from "@/components/ui/apiClient";

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
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <label>
        Your name
        <input name="name" required autoComplete="name" />
      </label>
      <label>
        Email
        <input name="email" type="email" required autoComplete="email" />
      </label>
      <label>
        Password (at least 8 characters)
        <input name="password" type="password" required minLength={8} autoComplete="new-password" />
      </label>
      <label>
        First project
        <input name="projectName" required defaultValue="My assistant" />
      </label>
      <ErrorMessage error={error} />
      <button className="primary" type="submit" disabled={busy}>
        Create owner and project
      </button>
    </form>
  );
}
