"use client";

import { useState } from "react";
import { Box, Button, Flex, Grid, TextField } from "@radix-ui/themes";
import { MagnifyingGlassIcon, MixerHorizontalIcon } from "@radix-ui/react-icons";
import type { TraceListFilters } from "@/server/traces/traceConsole";
import { FilterSelect, type FilterOption } from "@/components/metrics/FilterSelect";
import { TimeRangePicker } from "@/components/metrics/TimeRangePicker";

const moreFields = [
  ["model", "Model"],
  ["release", "Release"],
  ["promptVersion", "Prompt version"],
  ["userId", "User"],
  ["sessionId", "Session"],
] as const;

// The score filter travels as the text the user typed ("relevance < 0.5"); the reader parses it.
function scoreFilterText(score: TraceListFilters["query"]["score"]): string {
  return score ? `${score.name} ${score.operator} ${String(score.value)}` : "";
}

// The filters with a fixed set of values; "" (no filter) comes first in each.
const choiceFilters: { name: "status" | "feedback"; label: string; options: FilterOption[] }[] = [
  {
    name: "status",
    label: "Status",
    options: [
      { value: "", label: "Any status" },
      { value: "ok", label: "OK" },
      { value: "error", label: "Error" },
    ],
  },
  {
    name: "feedback",
    label: "Feedback",
    options: [
      { value: "", label: "Any feedback" },
      { value: "negative", label: "Negative feedback" },
    ],
  },
];

/**
 * A plain GET form (filters live in the URL, so a filtered list can be shared as a link) on
 * one row: search, time range, status, feedback. The exact-match fields open below it and
 * stay open while one of them is set.
 */
export function TraceFilters({ filters }: { filters: TraceListFilters }) {
  const { query, shown } = filters;
  const activeMore = moreFields.filter(([name]) => query[name] !== undefined).length + (query.score ? 1 : 0);
  const [moreOpen, setMoreOpen] = useState(activeMore > 0);
  return (
    <form method="get" role="search" aria-label="Find traces">
      <Flex direction="column" gap="2">
        <Flex gap="2" align="center" wrap="wrap">
          <Box flexGrow="1" minWidth="220px" maxWidth="420px">
            <TextField.Root
              name="q"
              type="search"
              placeholder="Search text or trace id"
              aria-label="Search text or trace id"
              defaultValue={query.q ?? ""}
            >
              <TextField.Slot>
                <MagnifyingGlassIcon aria-hidden="true" />
              </TextField.Slot>
            </TextField.Root>
          </Box>
          <TimeRangePicker range={shown.range} from={shown.from} to={shown.to} allowAnyTime />
          {choiceFilters.map(({ name, label, options }) => (
            <FilterSelect key={name} name={name} label={label} defaultValue={query[name] ?? ""} options={options} />
          ))}
          <Button
            type="button"
            variant="ghost"
            color="gray"
            aria-expanded={moreOpen}
            aria-controls="more-trace-filters"
            onClick={() => {
              setMoreOpen(!moreOpen);
            }}
          >
            <MixerHorizontalIcon aria-hidden="true" />
            More filters{activeMore > 0 ? ` (${activeMore})` : ""}
          </Button>
          <Button type="submit">Apply</Button>
        </Flex>
        {/* Kept in the form while closed, so filters set there still apply. */}
        <Box id="more-trace-filters" display={moreOpen ? "block" : "none"}>
          <Grid columns={{ initial: "2", md: "6" }} gap="2">
            {moreFields.map(([name, label]) => (
              <TextField.Root key={name} name={name} aria-label={label} placeholder={label} defaultValue={query[name] ?? ""} />
            ))}
            <TextField.Root
              name="score"
              aria-label="Score filter"
              title="A score name, an operator (< <= > >= = !=) and a value: relevance < 0.5, pii_leak = true"
              placeholder="Score, e.g. relevance < 0.5"
              defaultValue={scoreFilterText(query.score)}
            />
          </Grid>
        </Box>
      </Flex>
    </form>
  );
}
