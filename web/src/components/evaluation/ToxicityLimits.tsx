import { Box, Callout, Text } from "@radix-ui/themes";
import { InfoCircledIcon } from "@radix-ui/react-icons";

/** The toxicity detector's stated limits, so nobody reads its score as more than word matching. */
export function ToxicityLimits({ limits }: { limits: readonly string[] }) {
  return (
    <Callout.Root color="gray" size="1" variant="surface">
      <Callout.Icon>
        <InfoCircledIcon />
      </Callout.Icon>
      {/* Not Callout.Text: that is a <p>, which may not hold a list. */}
      <Box>
        <Text as="div" size="2" weight="medium">
          Limits of the toxicity detector
        </Text>
        <Text as="div" size="2">
          <ul style={{ margin: "var(--space-1) 0 0", paddingLeft: "var(--space-4)" }}>
            {limits.map((limit) => (
              <li key={limit}>{limit}</li>
            ))}
          </ul>
        </Text>
      </Box>
    </Callout.Root>
  );
}
