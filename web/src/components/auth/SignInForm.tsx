"use client";

import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { formText } from "@/components/ui/formData";
import { useState, type SubmitEvent } from "react";
import { signIn } from "next-auth/react";
import { signInErrorMessage } from "@/components/auth/signInMessages";

interface Props {
  providers: { id: string; name: string }[];
  initialError: string | null;
  /** Where to go once signed in: a path on this site (the sign-in page checks it). */
  callbackUrl: string;
}

export function SignInForm({ providers, initialError, callbackUrl }: Props) {
  const [error, setError] = useState<string | null>(initialError ? signInErrorMessage(initialError) : null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email: formText(form, "email"), password: formText(form, "password"), redirect: false });
    if (!result || result.error) {
      setError(signInErrorMessage(result?.error ?? "CredentialsSignin"));
      setBusy(false);
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <div className="stack">
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <label>
          Email
          <input name="email" type="email" required autoComplete="username" />
        </label>
        <label>
          Password
          <input name="password" type="password" required autoComplete="current-password" />
        </label>
        <ErrorMessage error={error} />
        <button className="primary" type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      {providers.map((provider) => (
        <button key={provider.id} type="button" onClick={() => void signIn(provider.id, { callbackUrl })}>
          Sign in with {provider.name}
        </button>
      ))}
    </div>
  );
}
