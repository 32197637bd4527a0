"use client";

import NextLink from "next/link";
import { useState, type SubmitEvent } from "react";
import { Button, Callout, Flex, Link } from "@radix-ui/themes";
import { CheckIcon } from "@radix-ui/react-icons";
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
      <Callout.Root color="green" role="status">
        <Callout.Icon>
          <CheckIcon />
        </Callout.Icon>
        <Callout.Text>
          Your password is set and every earlier session is signed out.{" "}
          <Link asChild>
            <NextLink href="/signin">Sign in</NextLink>
          </Link>
        </Callout.Text>
      </Callout.Root>
    );
  }
  return (
    <form onSubmit={submit}>
      <Flex direction="column" gap="3">
        <NewPasswordFields />
        <ErrorMessage error={error} />
        <Button size="3" type="submit" disabled={busy} loading={busy}>
          Set password
        </Button>
      </Flex>
    </form>
  );
}
