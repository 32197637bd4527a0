import { Button, Dialog, Flex } from "@radix-ui/themes";

/** A form dialog's buttons: the one that closes it unchanged, then the one that submits the form. */
export function DialogActions({
  closeLabel,
  submitLabel,
  loading,
  disabled,
}: {
  closeLabel: "Cancel" | "Close";
  submitLabel: string;
  loading?: boolean;
  disabled?: boolean;
}) {
  return (
    <Flex gap="3" justify="end">
      <Dialog.Close>
        <Button type="button" variant="soft" color="gray">
          {closeLabel}
        </Button>
      </Dialog.Close>
      <Button type="submit" loading={loading ?? false} disabled={disabled ?? false}>
        {submitLabel}
      </Button>
    </Flex>
  );
}
