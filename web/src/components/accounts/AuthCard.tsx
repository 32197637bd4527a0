import type { ReactNode } from "react";
import { Box, Card, Flex, Heading, Text } from "@radix-ui/themes";
import { BrandMark } from "@/components/shell/BrandMark";

/** The frame of the pages outside the console (sign-in, set-up, invitations, account): one centred card. */
export function AuthCard({
  title,
  description,
  children,
  maxWidth = "440px",
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  maxWidth?: string;
}) {
  return (
    <Flex asChild align="center" justify="center" p="4" style={{ minHeight: "100vh" }}>
      <main>
        <Box width="100%" maxWidth={maxWidth}>
          <Flex justify="center" mb="5">
            <BrandMark />
          </Flex>
          <Card size="4">
            <Flex direction="column" gap="4">
              <Box>
                <Heading as="h1" size="6">
                  {title}
                </Heading>
                {description ? (
                  <Text as="p" size="2" color="gray" mt="2">
                    {description}
                  </Text>
                ) : null}
              </Box>
              {children}
            </Flex>
          </Card>
        </Box>
      </main>
    </Flex>
  );
}
