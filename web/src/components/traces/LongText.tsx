"use client";

import { useState } from "react";
import { Button, Flex } from "@radix-ui/themes";
import styles from "@/components/traces/TraceDetail.module.css";

/** Text shown whole when short; a long text shows its start with a "Show all" toggle. */
export function LongText({ text, previewLength = 2_000 }: { text: string; previewLength?: number }) {
  const [expanded, setExpanded] = useState(false);
  if (text.length <= previewLength) return <pre className={styles.text}>{text}</pre>;
  return (
    <Flex direction="column" gap="2" align="start">
      <pre className={styles.text}>{expanded ? text : `${text.slice(0, previewLength)}…`}</pre>
      <Button
        type="button"
        size="1"
        variant="soft"
        onClick={() => {
          setExpanded(!expanded);
        }}
      >
        {expanded ? "Show less" : `Show all (${text.length.toLocaleString("en")} characters)`}
      </Button>
    </Flex>
  );
}
