import type { ReactNode } from "react";
import { Card, Flex, Heading, Text } from "@radix-ui/themes";

/** What a page shows when it has nothing yet: what would appear here and how to get it there. */
export function EmptyState({
  title,
  children,
  action,
  headingLevel = "h2",
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  /** h1 when the empty state is the whole page (a 404). */
  headingLevel?: "h1" | "h2" | "h3";
}) {
  return (
    <Card size="3" variant="surface">
      <Flex direction="column" align="center" gap="2" py="4" style={{ textAlign: "center" }}>
        <Heading as={headingLevel} size="3">
          {title}
        </Heading>
        {children ? (
          <Text as="div" size="2" color="gray" style={{ maxWidth: "52ch" }}>
            {children}
          </Text>
        ) : null}
        {action}
      </Flex>
    </Card>
  );
}
