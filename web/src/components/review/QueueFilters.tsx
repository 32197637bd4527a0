"use client";

import { usePathname, useRouter } from "next/navigation";
import { Button, Flex, Select, TextField } from "@radix-ui/themes";
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
 * The queue's filter bar: selects apply at once, the text and time fields on Enter or
 * "Apply". Everything lives in the URL, which the page reads with parseConsoleFilters.
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
      <Select.Trigger aria-label={label} />
      <Select.Content position="popper">
        {options.map(([value, text]) => (
          <Select.Item key={value} value={value}>
            {text}
          </Select.Item>
        ))}
      </Select.Content>
    </Select.Root>
  );
  const filtered = Boolean(values.reason || values.category || values.cluster || textKeys.some((key) => values[key]));
  return (
    <form
      aria-label="Filter the queue"
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
      <Flex gap="2" align="center" wrap="wrap">
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
        <TextField.Root size="1" name="model" aria-label="Model" placeholder="Model" defaultValue={values.model ?? ""} />
        <TextField.Root size="1" name="release" aria-label="Release" placeholder="Release" defaultValue={values.release ?? ""} />
        <TextField.Root
          size="1"
          name="from"
          type="datetime-local"
          aria-label="Queued from (UTC)"
          defaultValue={values.from?.slice(0, 16) ?? ""}
        />
        <TextField.Root
          size="1"
          name="to"
          type="datetime-local"
          aria-label="Queued before (UTC)"
          defaultValue={values.to?.slice(0, 16) ?? ""}
        />
        <Button size="1" variant="soft" type="submit">
          Apply
        </Button>
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
    </form>
  );
}
