"use client";

import { usePathname, useRouter } from "next/navigation";
import { Button, Flex, Popover, Select, Text, TextField } from "@radix-ui/themes";
import { MixerHorizontalIcon } from "@radix-ui/react-icons";
import { reviewReasons, reviewStatuses } from "@/contracts/review";
import { failureCategoryLabel, reviewReasonLabel, reviewStatusLabel } from "@/components/ui/labels";

/** The queue's URL filters as they stand (parseConsoleFilters' output), as strings. */
export interface QueueFilterValues {
  status?: string | undefined;
  reason?: string | undefined;
  category?: string | undefined;
  sort?: string | undefined;
  model?: string | undefined;
  release?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cluster?: string | undefined;
}

// Radix Select items cannot have an empty value: "any" stands for "no filter" and never reaches the URL.
const any = "any";
const textKeys = ["model", "release", "from", "to"] as const;

/**
 * The queue's filter bar on one row: selects apply at once; model, release and time range
 * sit behind "More filters" and apply on Enter or "Apply". Everything lives in the URL, which the page reads with parseConsoleFilters.
 */
export function QueueFilters({ values, categories }: { values: QueueFilterValues; categories: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const go = (changes: QueueFilterValues) => {
    const next = { ...values, ...changes };
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value && value !== any) params.set(key, value);
    }
    router.push(`${pathname}?${params.toString()}`);
  };
  const select = (key: keyof QueueFilterValues, label: string, options: [string, string][], fallback = any) => (
    <Select.Root
      size="1"
      value={values[key] ?? fallback}
      onValueChange={(value) => {
        go({ [key]: value });
      }}
    >
      {/* The chosen option's text as children: rendered on the server too, so the bar never flashes empty. */}
      <Select.Trigger aria-label={label}>{options.find(([value]) => value === (values[key] ?? fallback))?.[1]}</Select.Trigger>
      <Select.Content position="popper">
        {options.map(([value, text]) => (
          <Select.Item key={value} value={value}>
            {text}
          </Select.Item>
        ))}
      </Select.Content>
    </Select.Root>
  );
  const more = textKeys.filter((key) => values[key]).length;
  const filtered = Boolean(values.reason || values.category || values.cluster || more > 0);
  const field = (key: (typeof textKeys)[number], label: string, type?: "datetime-local") => (
    <Flex direction="column" gap="1">
      <Text as="label" size="1" weight="medium" htmlFor={`queue-${key}`}>
        {label}
      </Text>
      <TextField.Root
        size="1"
        id={`queue-${key}`}
        name={key}
        {...(type ? { type } : {})}
        defaultValue={type ? (values[key]?.slice(0, 16) ?? "") : (values[key] ?? "")}
      />
    </Flex>
  );
  return (
    <Flex gap="2" align="center" wrap="wrap" role="group" aria-label="Filter the queue">
      {select(
        "status",
        "Status",
        reviewStatuses.map((status) => [status, reviewStatusLabel[status]]),
        "open",
      )}
      {select("reason", "Reason", [
        [any, "Any reason"],
        ...reviewReasons.map((reason): [string, string] => [reason, reviewReasonLabel[reason]]),
      ])}
      {select("category", "Failure category", [
        [any, "Any category"],
        ...categories.map((category): [string, string] => [category, failureCategoryLabel(category)]),
      ])}
      {select(
        "sort",
        "Sort",
        [
          ["priority", "Highest priority first"],
          ["age", "Oldest first"],
        ],
        "priority",
      )}
      <Popover.Root>
        <Popover.Trigger>
          <Button size="1" variant="soft" color="gray">
            <MixerHorizontalIcon aria-hidden />
            {more > 0 ? `More filters (${more})` : "More filters"}
          </Button>
        </Popover.Trigger>
        <Popover.Content size="2" width="320px">
          <form
            aria-label="More filters"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              go(
                Object.fromEntries(
                  textKeys.map((key) => {
                    const value = form.get(key);
                    return [key, typeof value === "string" && value.trim() ? value.trim() : undefined];
                  }),
                ),
              );
            }}
          >
            <Flex direction="column" gap="3">
              {field("model", "Model")}
              {field("release", "Release")}
              {field("from", "Queued from (UTC)", "datetime-local")}
              {field("to", "Queued before (UTC)", "datetime-local")}
              <Flex justify="end">
                <Button size="1" type="submit">
                  Apply
                </Button>
              </Flex>
            </Flex>
          </form>
        </Popover.Content>
      </Popover.Root>
      {filtered ? (
        <Button
          size="1"
          variant="ghost"
          color="gray"
          type="button"
          onClick={() => {
            router.push(`${pathname}?status=${values.status ?? "open"}`);
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </Flex>
  );
}
