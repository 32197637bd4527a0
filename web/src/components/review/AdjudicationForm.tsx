"use client";

import { useState } from "react";
import { Button, Flex, Select, Text } from "@radix-ui/themes";
import { toast } from "sonner";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { failureCategoryLabel, settledLabel } from "@/components/ui/labels";

/** The Select's value for "no failure" (Radix Select items cannot have an empty value; no category key can contain a NUL). */
const noFailure = "\u0000no-failure";

/** For owners and admins: the category that stands when annotators disagreed, or that the answer had no failure. */
export function AdjudicationForm({ projectId, itemId, categories }: { projectId: string; itemId: string; categories: string[] }) {
  const { run, error, busy } = useMutation();
  const [category, setCategory] = useState(categories[0] ?? "other");
  const id = `adjudicate-${itemId}`;
  return (
    <form
      aria-label="Adjudicate"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() =>
          callApi<{ adjudicatedCategory: string | null }>("PUT", `/api/v1/projects/${projectId}/review-items/${itemId}/adjudication`, {
            category: category === noFailure ? null : category,
          }),
        ).then((result) => {
          if (result) toast.success(`Settled: ${settledLabel(result.adjudicatedCategory)}`);
        });
      }}
    >
      <Flex direction="column" gap="2" mt="3">
        <Text as="label" size="2" weight="medium" htmlFor={id}>
          The annotators disagree; the category that stands
        </Text>
        <Flex gap="2" align="center" wrap="wrap">
          <Select.Root value={category} onValueChange={setCategory}>
            <Select.Trigger id={id}>{category === noFailure ? settledLabel(null) : failureCategoryLabel(category)}</Select.Trigger>
            <Select.Content position="popper">
              <Select.Item value={noFailure}>{settledLabel(null)}</Select.Item>
              <Select.Separator />
              {categories.map((name) => (
                <Select.Item key={name} value={name}>
                  {failureCategoryLabel(name)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select.Root>
          <Button type="submit" loading={busy}>
            Adjudicate
          </Button>
        </Flex>
        <ErrorMessage error={error} />
      </Flex>
    </form>
  );
}
