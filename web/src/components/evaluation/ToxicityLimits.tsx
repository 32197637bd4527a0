import { Callout, Text } from "@radix-ui/themes";
import { InfoCircledIcon } from "@radix-ui/react-icons";

/** The toxicity detector's stated limits, so nobody reads its score as more than word matching. */
export function ToxicityLimits({ limits }: { limits: readonly string[] }) {
  return (
    <Callout.Root color="gray" size="1" variant="surface">
      <Callout.Icon>
        <InfoCircledIcon />
      </Callout.Icon>
      <Callout.Text asChild>
        <div>
          <Text weight="medium">Limits of the toxicity detector</Text>
          <ul style={{ margin: "var(--space-1) 0 0", paddingLeft: "var(--space-4)" }}>
            {limits.map((limit) => (
              <li key={limit}>{limit}</li>
            ))}
          </ul>
        </div>
      </Callout.Text>
    </Callout.Root>
  );
}
