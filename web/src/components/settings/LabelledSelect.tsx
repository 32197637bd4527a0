import { Flex, Select, Text } from "@radix-ui/themes";

export interface SelectOption {
  value: string;
  label: string;
}

/** A Radix Select with a visible label above it: the label names the trigger (a button with role combobox). */
export function LabelledSelect({
  id,
  label,
  value,
  onChange,
  options,
}: {
  /** Of the label, which the trigger points to with aria-labelledby; unique on the page. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
}) {
  return (
    <Flex direction="column" gap="1">
      <Text size="2" weight="medium" id={id}>
        {label}
      </Text>
      <Select.Root value={value} onValueChange={onChange}>
        <Select.Trigger aria-labelledby={id} />
        <Select.Content>
          {options.map((option) => (
            <Select.Item key={option.value} value={option.value}>
              {option.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select.Root>
    </Flex>
  );
}
