import type { ReactNode } from "react";
import { Card, Flex, Text } from "@radix-ui/themes";

/** One figure with its name, for the rows of headline numbers on overview and queue pages. */
export function StatTile({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Card size="1">
      <Flex direction="column" gap="1">
        <Text size="1" color="gray">
          {label}
        </Text>
        <Text size="5" weight="bold">
          {value}
        </Text>
        {hint ? (
          <Text size="1" color="gray">
            {hint}
          </Text>
        ) : null}
      </Flex>
    </Card>
  );
}
