"use client";

import { signOut } from "next-auth/react";
import { Button } from "@radix-ui/themes";
import { ExitIcon } from "@radix-ui/react-icons";

export function SignOutButton() {
  return (
    <Button type="button" variant="ghost" color="gray" onClick={() => void signOut({ callbackUrl: "/signin" })}>
      <ExitIcon /> Sign out
    </Button>
  );
}
