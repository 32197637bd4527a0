"use client";

import { useState } from "react";
import { Badge, Box, Card, DataList, Flex, Heading, Text } from "@radix-ui/themes";
import type { WaterfallRow } from "@/server/traces/waterfall";
import { IoView, JsonView } from "@/components/traces/IoView";
import { StatusBadge } from "@/components/traces/StatusBadge";
import { formatModel, formatMs, formatTokens, formatUsd } from "@/components/traces/format";
import { spanTypeLabel } from "@/components/traces/traceLabels";
import styles from "@/components/traces/TraceDetail.module.css";

type StepRow = WaterfallRow & { sameAsTrace?: { input: boolean; output: boolean } };

/**
 * The spans of a trace as a tree of timing bars with their real durations; choosing one
 * shows what went in and out of it (what the trace itself got or gave is not repeated).
 */
export function Waterfall({ rows }: { rows: StepRow[] }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selectedRow = rows.find((row) => row.span.id === selectedId);
  if (rows.length === 0)
    return (
      <Text as="p" size="2" color="gray">
        This trace has no steps.
      </Text>
    );
  return (
    <Flex direction="column" gap="3">
      <ol aria-label="Spans" className={styles.spans}>
        {rows.map(({ span, depth, offsetPercent, widthPercent }) => (
          <li key={span.id}>
            <button
              type="button"
              className={styles.spanRow}
              aria-pressed={span.id === selectedId}
              data-status={span.status}
              onClick={() => {
                setSelectedId(span.id === selectedId ? null : span.id);
              }}
            >
              <span className={styles.spanName} style={{ paddingLeft: `${depth * 1.1}rem` }}>
                <Badge size="1" variant="soft" color={span.type === "llm" ? "indigo" : "gray"}>
                  {spanTypeLabel[span.type]}
                </Badge>
                {span.name}
                {span.status === "error" ? (
                  <Badge size="1" color="red">
                    Error
                  </Badge>
                ) : null}
                {span.orphan ? (
                  <Badge size="1" color="amber" highContrast title={`Parent ${span.parentId ?? ""} was not received`}>
                    parent missing
                  </Badge>
                ) : null}
              </span>
              <span className={styles.track} aria-hidden="true">
                <span className={styles.bar} style={{ left: `${offsetPercent}%`, width: `${widthPercent}%` }} />
              </span>
              <span className={styles.duration}>{formatMs(span.latencyMs)}</span>
            </button>
          </li>
        ))}
      </ol>
      {selectedRow ? (
        <Card asChild size="2" variant="surface">
          <section aria-label={`Span ${selectedRow.span.name}`}>
            <Flex direction="column" gap="3">
              <Flex gap="2" align="center">
                <Heading as="h3" size="3">
                  {selectedRow.span.name}
                </Heading>
                <Badge variant="soft">{spanTypeLabel[selectedRow.span.type]}</Badge>
                <StatusBadge status={selectedRow.span.status} />
              </Flex>
              <DataList.Root size="1">
                <DataList.Item>
                  <DataList.Label>Duration</DataList.Label>
                  <DataList.Value>{formatMs(selectedRow.span.latencyMs)}</DataList.Value>
                </DataList.Item>
                <DataList.Item>
                  <DataList.Label>Model</DataList.Label>
                  <DataList.Value>{formatModel(selectedRow.span.model, selectedRow.span.servedModel)}</DataList.Value>
                </DataList.Item>
                <DataList.Item>
                  <DataList.Label>Tokens</DataList.Label>
                  <DataList.Value>{formatTokens(selectedRow.span.usage)}</DataList.Value>
                </DataList.Item>
                <DataList.Item>
                  <DataList.Label>Cost</DataList.Label>
                  <DataList.Value>{formatUsd(selectedRow.span.costUsd)}</DataList.Value>
                </DataList.Item>
              </DataList.Root>
              {selectedRow.span.error ? (
                <Text as="p" size="2" color="red">
                  {selectedRow.span.error}
                </Text>
              ) : null}
              <Box>
                <IoView
                  label="Span input"
                  value={selectedRow.span.input}
                  {...(selectedRow.sameAsTrace?.input ? { note: "The trace's input, shown above." } : {})}
                />
                <IoView
                  label="Span output"
                  value={selectedRow.span.output}
                  {...(selectedRow.sameAsTrace?.output ? { note: "The trace's output, shown above." } : {})}
                />
              </Box>
              {selectedRow.span.attributes ? <JsonView value={selectedRow.span.attributes} summary="Attributes" /> : null}
            </Flex>
          </section>
        </Card>
      ) : (
        <Text size="1" color="gray">
          Choose a step to see its input and output.
        </Text>
      )}
    </Flex>
  );
}
