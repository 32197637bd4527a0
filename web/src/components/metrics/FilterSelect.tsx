"use client";

import { useState } from "react";
import { Select } from "@radix-ui/themes";

export interface FilterOption {
  /** The URL value; "" means "no filter" (a Radix Select item cannot have an empty value). */
  value: string;
  label: string;
}

const noFilter = "__none__";

/**
 * A filter of a GET form as a Radix Select. Its options read on their own ("Any status",
 * "By model"), so a row of filters needs no labels above it; the accessible name is `label`.
 * The value travels in a hidden input so "no filter" submits a blank, which the filter
 * reader drops.
 */
export function FilterSelect({
  name,
  label,
  options,
  defaultValue,
}: {
  name: string;
  label: string;
  options: FilterOption[];
  defaultValue: string;
}) {
  const [value, setValue] = useState(defaultValue || noFilter);
  return (
    <>
      <Select.Root value={value} onValueChange={setValue}>
        <Select.Trigger aria-label={label} variant="surface" />
        <Select.Content position="popper">
          {options.map((option) => (
            <Select.Item key={option.value || noFilter} value={option.value || noFilter}>
              {option.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select.Root>
      <input type="hidden" name={name} value={value === noFilter ? "" : value} />
    </>
  );
}
