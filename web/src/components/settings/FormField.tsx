import type { ReactNode } from "react";
import { Flex, Text } from "@radix-ui/themes";

/**
 * A labelled control: the label wraps the control (so it names it), the hint sits below
 * outside the label (so it does not become part of the control's name).
 */
export function FormField({ label, hint, children, grow }: { label: string; hint?: ReactNode; children: ReactNode; grow?: boolean }) {
  return (
    <Flex direction="column" gap="1" flexGrow={grow ? "1" : undefined}>
      <Flex asChild direction="column" gap="1">
        <label>
          <Text size="2" weight="medium">
            {label}
          </Text>
          {children}
        </label>
      </Flex>
      {hint ? (
        <Text size="1" color="gray">
          {hint}
        </Text>
      ) : null}
    </Flex>
  );
}
