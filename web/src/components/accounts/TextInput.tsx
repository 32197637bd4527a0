import type { ComponentProps } from "react";
import { Flex, Text, TextField } from "@radix-ui/themes";

/** A labelled Radix text field for the account forms: the label wraps the input, so it names it. */
export function TextInput({ label, ...input }: { label: string } & ComponentProps<typeof TextField.Root>) {
  return (
    <Flex asChild direction="column" gap="1">
      <label>
        <Text size="2" weight="medium">
          {label}
        </Text>
        <TextField.Root size="3" {...input} />
      </label>
    </Flex>
  );
}
