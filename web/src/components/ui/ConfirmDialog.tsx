"use client";

import type { ComponentProps, ReactElement, ReactNode } from "react";
import { AlertDialog, Button, Flex } from "@radix-ui/themes";

type ButtonColor = NonNullable<ComponentProps<typeof Button>["color"]>;

/**
 * Asks before an action that cannot be taken back (revoking a key, rotating a secret,
 * publishing a version): the trigger opens a dialog with what will happen, Cancel, and
 * the action. The trigger is any button; its accessible name stays the caller's.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  color,
  onConfirm,
  maxWidth = "440px",
}: {
  trigger: ReactElement;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: ReactNode;
  /** The action button's colour; the theme's accent when left out. */
  color?: ButtonColor;
  onConfirm: () => void;
  maxWidth?: string;
}) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Content maxWidth={maxWidth}>
        <AlertDialog.Title>{title}</AlertDialog.Title>
        <AlertDialog.Description size="2">{description}</AlertDialog.Description>
        <Flex gap="3" mt="4" justify="end">
          <AlertDialog.Cancel>
            <Button variant="soft" color="gray">
              Cancel
            </Button>
          </AlertDialog.Cancel>
          <AlertDialog.Action>
            <Button color={color} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </AlertDialog.Action>
        </Flex>
      </AlertDialog.Content>
    </AlertDialog.Root>
  );
}
