import { Flex, Text } from "@radix-ui/themes";

/** The Liveloop name with the same mark as the favicon (app/icon.svg). */
export function BrandMark() {
  return (
    <Flex align="center" gap="2">
      <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="var(--accent-9)" />
        <path
          d="M9 16a7 7 0 0 1 12-4.9M23 16a7 7 0 0 1-12 4.9"
          fill="none"
          stroke="var(--accent-contrast)"
          strokeWidth="2.6"
          strokeLinecap="round"
        />
        <path
          d="M21.6 7.2v4.4h-4.4M10.4 24.8v-4.4h4.4"
          fill="none"
          stroke="var(--accent-contrast)"
          strokeWidth="2.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <Text weight="bold" size="4">
        Liveloop
      </Text>
    </Flex>
  );
}
