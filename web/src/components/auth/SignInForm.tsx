"use client";

import { useState, type SubmitEvent } from "react";
import { signIn } from "next-auth/react";
import { Button, Flex, Separator, Text } from "@radix-ui/themes";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { formText } from "@/components/ui/formData";
import { TextInput } from "@/components/accounts/TextInput";
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
    <Flex direction="column" gap="4">
      <form onSubmit={(event) => void submit(event)}>
        <Flex direction="column" gap="3">
          <TextInput label="Email" name="email" type="email" required autoComplete="username" />
          <TextInput label="Password" name="password" type="password" required autoComplete="current-password" />
          <ErrorMessage error={error} />
          <Button size="3" type="submit" disabled={busy} loading={busy}>
            Sign in
          </Button>
        </Flex>
      </form>
      {providers.length > 0 ? (
        <>
          <Flex align="center" gap="3">
            <Separator size="4" />
            <Text size="1" color="gray">
              or
            </Text>
            <Separator size="4" />
          </Flex>
          {providers.map((provider) => (
            <Button key={provider.id} size="3" variant="outline" type="button" onClick={() => void signIn(provider.id, { callbackUrl })}>
              Sign in with {provider.name}
            </Button>
          ))}
        </>
      ) : null}
    </Flex>
  );
}
