"use client";

import { Grid, TextField } from "@radix-ui/themes";
import { CheckedField } from "@/components/evaluation/CheckedField";

/** From and to as UTC `datetime-local` inputs (the console's times are UTC), each with the API's issue beside it. */
export function UtcRangeFields({ defaults, fieldErrors }: { defaults: { from: string; to: string }; fieldErrors: Record<string, string> }) {
  return (
    <Grid columns="2" gap="3">
      <CheckedField label="From (UTC)" name="from" error={fieldErrors.from}>
        {(control) => <TextField.Root {...control} type="datetime-local" defaultValue={defaults.from} key={defaults.from} />}
      </CheckedField>
      <CheckedField label="To (UTC)" name="to" error={fieldErrors.to}>
        {(control) => <TextField.Root {...control} type="datetime-local" defaultValue={defaults.to} key={defaults.to} />}
      </CheckedField>
    </Grid>
  );
}
