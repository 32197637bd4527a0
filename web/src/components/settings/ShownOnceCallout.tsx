import type { ReactNode } from "react";
import { Callout, Code, Flex } from "@radix-ui/themes";
import { CopyButton } from "@/components/settings/CopyButton";

/**
 * A value the server hands out once (a new key, a one-time link): what it is, then the value
 * with a copy button. `value` is null when there is nothing to show (a link that went by e-mail).
 */
export function ShownOnceCallout({
  color,
  icon,
  children,
  value,
  testId,
  copyLabel,
}: {
  color: "green" | "blue";
  icon: ReactNode;
  /** The callout's text: what the value is and what to do with it. */
  children: ReactNode;
  value: string | null;
  testId: string;
  copyLabel: string;
}) {
  return (
    <Callout.Root color={color} role="status">
      <Callout.Icon>{icon}</Callout.Icon>
      <Flex direction="column" gap="2" asChild>
        <div>
          <Callout.Text>{children}</Callout.Text>
          {value ? (
            <Flex align="center" gap="2" wrap="wrap">
              <Code size="2" data-testid={testId} style={{ wordBreak: "break-all" }}>
                {value}
              </Code>
              <CopyButton value={value} label={copyLabel} />
            </Flex>
          ) : null}
        </div>
      </Flex>
    </Callout.Root>
  );
}
