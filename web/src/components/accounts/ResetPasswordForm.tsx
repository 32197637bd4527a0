"use client";

import Link from "next/link";
import { useState, type SubmitEvent } from "react";
import { callApi } from "@/components/ui/apiClient";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { NewPasswordFields, newPasswordOf } from "@/components/accounts/NewPasswordFields";

export function ResetPasswordForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const newPassword = newPasswordOf(new FormData(event.currentTarget));
    if (typeof newPassword !== "string") {
      setError(newPassword.error);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await callApi("POST", "/api/v1/password-resets", { token, newPassword });
      setDone(true);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Setting the password failed");
    } finally {
      setBusy(false);
    }
  }
  if (done) {
    return (
      <p role="status">
        Your password is set and every earlier session is signed out. <Link href="/signin">Sign in</Link>
      </p>
    );
  }
  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <NewPasswordFields />
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>
        Set password
      </button>
    </form>
  );
}
