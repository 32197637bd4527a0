"use client";

import { useState } from "react";
import { Flex, Select, TextField } from "@radix-ui/themes";

export const rangePresets = [
  { value: "1h", label: "Last hour" },
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
] as const;

const anyTime = "any";
const custom = "custom";

/** One end of a custom range; the URL carries ISO times, the field shows them to the minute. */
function UtcDateTimeField({ name, label, value, required }: { name: string; label: string; value: string | undefined; required: boolean }) {
  return (
    <TextField.Root
      name={name}
      type="datetime-local"
      aria-label={label}
      title={label}
      defaultValue={value?.slice(0, 16) ?? ""}
      required={required}
    />
  );
}

/**
 * A compact time-range control for a GET filter form: a preset (submitted as `range`) or
 * a custom from/to (two UTC datetime fields shown only then). Only one of the two reaches
 * the URL, so the server never has to decide which one wins.
 */
export function TimeRangePicker({
  range,
  from,
  to,
  allowAnyTime,
}: {
  range: string | undefined;
  from: string | undefined;
  to: string | undefined;
  /** Lists "Any time" (the trace list); charts always need a range. */
  allowAnyTime: boolean;
}) {
  const initial = from || to ? custom : (range ?? (allowAnyTime ? anyTime : "24h"));
  const [choice, setChoice] = useState(initial);
  return (
    <Flex gap="2" align="center">
      <Select.Root value={choice} onValueChange={setChoice}>
        <Select.Trigger aria-label="Time range" variant="surface" />
        <Select.Content position="popper">
          {allowAnyTime ? <Select.Item value={anyTime}>Any time</Select.Item> : null}
          {rangePresets.map((preset) => (
            <Select.Item key={preset.value} value={preset.value}>
              {preset.label}
            </Select.Item>
          ))}
          <Select.Separator />
          <Select.Item value={custom}>Custom range…</Select.Item>
        </Select.Content>
      </Select.Root>
      {choice === custom ? (
        <>
          <UtcDateTimeField name="from" label="From (UTC)" value={from} required />
          <UtcDateTimeField name="to" label="To (UTC)" value={to} required={!allowAnyTime} />
        </>
      ) : (
        <input type="hidden" name="range" value={choice === anyTime ? "" : choice} />
      )}
    </Flex>
  );
}
