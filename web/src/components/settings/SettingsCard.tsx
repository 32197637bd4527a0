import type { ReactNode } from "react";
import { Box, Card, Flex, Heading, Text } from "@radix-ui/themes";

/** One settings section: a card that is a labelled region, with its title, what it is for, and its controls. */
export function SettingsCard({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card size="3" asChild>
      <section aria-labelledby={`${id}-heading`}>
        <Flex direction="column" gap="4">
          <Box>
            <Heading as="h2" size="4" id={`${id}-heading`}>
              {title}
            </Heading>
            {description ? (
              <Text as="p" size="2" color="gray" mt="1" style={{ maxWidth: "80ch" }}>
                {description}
              </Text>
            ) : null}
          </Box>
          {children}
        </Flex>
      </section>
    </Card>
  );
}
