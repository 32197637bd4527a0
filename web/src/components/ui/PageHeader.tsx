import type { ReactNode } from "react";
import { Flex, Heading, Text } from "@radix-ui/themes";

/** The top of every console page: its title, one line on what it is for, and its main actions. */
export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <Flex justify="between" align="start" gap="4" mb="5" wrap="wrap">
      <Flex direction="column" gap="1">
        <Heading as="h1" size="6">
          {title}
        </Heading>
        {description ? (
          <Text as="p" size="2" color="gray">
            {description}
          </Text>
        ) : null}
      </Flex>
      {actions ? (
        <Flex gap="2" align="center" wrap="wrap">
          {actions}
        </Flex>
      ) : null}
    </Flex>
  );
}
