"use client";

import Link from "next/link";
import { useState } from "react";
import { Checkbox, Flex, Link as RadixLink, Text } from "@radix-ui/themes";
import { DriftExampleActions, type DriftActionsContext } from "@/components/drift/DriftExampleActions";
import styles from "@/components/drift/Drift.module.css";

export interface DriftListedExample {
  traceId: string;
  text: string;
  /** 1 - cosine to the nearest cluster centre; shown when the list is of novel texts. */
  novelty?: number;
}

/**
 * Live texts of a run, each linking to its trace. For a manager each has a checkbox, and
 * the checked ones can be sent to the review queue or added to a golden dataset.
 */
export function DriftExampleList({
  projectId,
  examples,
  actions,
  label,
}: {
  projectId: string;
  examples: readonly DriftListedExample[];
  /** Null when the person may only read. */
  actions: DriftActionsContext | null;
  /** Names the list and its actions ("Novel examples", "Live texts of cluster …"). */
  label: string;
}) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  if (examples.length === 0)
    return (
      <Text size="2" color="gray">
        None in this window.
      </Text>
    );
  const toggle = (traceId: string, on: boolean) => {
    setChecked((previous) => {
      const next = new Set(previous);
      if (on) next.add(traceId);
      else next.delete(traceId);
      return next;
    });
  };
  const allChecked = checked.size === examples.length;
  return (
    <Flex direction="column" gap="2">
      {actions ? (
        <Flex gap="2" align="center" wrap="wrap">
          <Text as="label" size="1" color="gray">
            <Flex gap="1" align="center">
              <Checkbox
                size="1"
                checked={allChecked ? true : checked.size > 0 ? "indeterminate" : false}
                onCheckedChange={() => {
                  setChecked(allChecked ? new Set() : new Set(examples.map((example) => example.traceId)));
                }}
                aria-label={`Select all of ${label}`}
              />
              Select all
            </Flex>
          </Text>
          {/* The buttons appear once there is something to act on: a row of greyed buttons in every cluster only adds noise. */}
          {checked.size > 0 ? <DriftExampleActions context={actions} traceIds={[...checked]} label={label} /> : null}
        </Flex>
      ) : null}
      <ul aria-label={label} className={styles.exampleList}>
        {examples.map((example) => (
          <li key={example.traceId}>
            <Flex gap="2" align="start">
              {actions ? (
                <Checkbox
                  size="1"
                  mt="1"
                  checked={checked.has(example.traceId)}
                  onCheckedChange={(value) => {
                    toggle(example.traceId, value === true);
                  }}
                  aria-label={`Select: ${example.text.slice(0, 80)}`}
                />
              ) : null}
              <Flex direction="column" gap="0" minWidth="0">
                <Text size="2" className={styles.example}>
                  {example.text}
                </Text>
                <Flex gap="2">
                  <RadixLink asChild size="1">
                    <Link href={`/projects/${projectId}/traces/${encodeURIComponent(example.traceId)}`}>Open trace</Link>
                  </RadixLink>
                  {example.novelty === undefined ? null : (
                    <Text size="1" color="gray">
                      distance from the nearest cluster {example.novelty.toFixed(3)}
                    </Text>
                  )}
                </Flex>
              </Flex>
            </Flex>
          </li>
        ))}
      </ul>
    </Flex>
  );
}
