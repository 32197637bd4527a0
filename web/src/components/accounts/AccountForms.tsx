"use client";

import { useState, type SubmitEvent } from "react";
import { callApi } from "@/components/ui/apiClient";
import { formText } from "@/components/ui/formData";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { NewPasswordFields, newPasswordOf } from "@/components/accounts/NewPasswordFields";

export function ChangePasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = newPasswordOf(form);
    if (typeof newPassword !== "string") {
      setError(newPassword.error);
      return;
    }
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await callApi("POST", "/api/v1/account/password", { currentPassword: formText(form, "currentPassword"), newPassword });
      formElement.reset();
      setDone(true);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Changing the password failed");
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
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
  const [error, setError] = useState<string | null>(null);
  async function signOutEverywhere() {
    try {
      await callApi("DELETE", "/api/v1/account/sessions");
      window.location.assign("/signin");
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Signing out failed");
    }
  }
  return (
    <div className="stack">
      <button type="button" className="danger" onClick={() => void signOutEverywhere()}>
        Sign out everywhere
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
