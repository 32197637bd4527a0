"use client";

import Link from "next/link";
import { useState, type SubmitEvent } from "react";
import { callApi } from "@/components/ui/apiClient";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { useMutation } from "@/components/settings/useMutation";
import { NewPasswordFields, newPasswordOf } from "@/components/accounts/NewPasswordFields";

export function ResetPasswordForm({ token }: { token: string }) {
  const { run, error, setError, busy } = useMutation({ refresh: false });
  const [done, setDone] = useState(false);
  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const newPassword = newPasswordOf(new FormData(event.currentTarget));
    if (typeof newPassword !== "string") {
      setError(newPassword.error);
      return;
    }
    void run(async () => {
      await callApi("POST", "/api/v1/password-resets", { token, newPassword });
      setDone(true);
    });
  }
  if (done) {
    return (
      <p role="status">
        Your password is set and every earlier session is signed out. <Link href="/signin">Sign in</Link>
      </p>
    );
  }
  return (
    <form className="stack" onSubmit={submit}>
      <NewPasswordFields />
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>
        Set password
      </button>
    </form>
  );
}
