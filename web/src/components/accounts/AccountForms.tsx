"use client";

import { useState, type SubmitEvent } from "react";
import { callApi } from "@/components/ui/apiClient";
import { formText } from "@/components/ui/formData";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { useMutation } from "@/components/settings/useMutation";
import { NewPasswordFields, newPasswordOf } from "@/components/accounts/NewPasswordFields";

export function ChangePasswordForm() {
  const { run, error, setError, busy } = useMutation({ refresh: false });
  const [done, setDone] = useState(false);
  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = newPasswordOf(form);
    setDone(false);
    if (typeof newPassword !== "string") {
      setError(newPassword.error);
      return;
    }
    void run(async () => {
      await callApi("POST", "/api/v1/account/password", { currentPassword: formText(form, "currentPassword"), newPassword });
      formElement.reset();
      setDone(true);
    });
  }
  return (
    <form className="stack" onSubmit={submit}>
      <label>
        Current password
        <input name="currentPassword" type="password" required autoComplete="current-password" />
      </label>
      <NewPasswordFields />
      <ErrorMessage error={error} />
      {done ? <p role="status">Password changed. Your other sessions are signed out; this one stays.</p> : null}
      <button type="submit" className="primary" disabled={busy}>
        Change password
      </button>
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
    <div className="stack">
      <button type="button" className="danger" disabled={busy} onClick={signOutEverywhere}>
        Sign out everywhere
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
