import { Flex, Text } from "@radix-ui/themes";
import styles from "@/components/charts/Chart.module.css";

export interface LegendEntry {
  name: string;
  colour: string;
  value: string;
}

/** The values under the cursor (or the latest ones), one swatch per series, below a chart. */
export function ChartLegend({ heading, entries }: { heading: string; entries: LegendEntry[] }) {
  return (
    <Flex className={styles.legend} gap="3" wrap="wrap" align="center" data-testid="chart-legend">
      <Text size="1" color="gray">
        {heading}
      </Text>
      {entries.map((entry) => (
        <Flex key={entry.name} gap="1" align="center">
          <span className={styles.swatch} style={{ background: entry.colour }} aria-hidden="true" />
          <Text size="1">
            {entry.name}: <Text weight="medium">{entry.value}</Text>
          </Text>
        </Flex>
      ))}
    </Flex>
  );
}
