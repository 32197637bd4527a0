"use client";

import type { SubmitEvent } from "react";
import { signIn } from "next-auth/react";
import { callApi } from "@/components/ui/apiClient";
import { formText } from "@/components/ui/formData";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { useMutation } from "@/components/settings/useMutation";
import { NewPasswordFields, newPasswordOf } from "@/components/accounts/NewPasswordFields";

export function AcceptInvitationButton({ token }: { token: string }) {
  const { run, error, busy } = useMutation({ refresh: false });
  function accept() {
    void run(async () => {
      const { projectId } = await callApi<{ projectId: string }>("POST", "/api/v1/invitations/accept", { token });
      window.location.assign(`/projects/${projectId}`);
    });
  }
  return (
    <div className="stack">
      <button type="button" className="primary" disabled={busy} onClick={accept}>
        Accept invitation
      </button>
      <ErrorMessage error={error} />
    </div>
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
    <form className="stack" onSubmit={submit}>
      <label>
        Email
        <input name="email" type="email" value={email} readOnly autoComplete="username" />
      </label>
      <label>
        Your name
        <input name="name" required maxLength={100} autoComplete="name" />
      </label>
      <NewPasswordFields />
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>
        Create account and join
      </button>
    </form>
  );
}
