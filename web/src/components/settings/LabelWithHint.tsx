import { Flex, Text } from "@radix-ui/themes";

/** The name of a choice (a switch, a radio item) with a line on what it does under it, both inside the control's label. */
export function LabelWithHint({ label, hint }: { label: string; hint: string }) {
  return (
    <Flex direction="column">
      <Text weight="medium">{label}</Text>
      <Text size="1" color="gray">
        {hint}
      </Text>
    </Flex>
  );
}
