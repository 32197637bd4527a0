"use client";

import { useState } from "react";
import { Button, Flex, Select, Text } from "@radix-ui/themes";
import { toast } from "sonner";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { failureCategoryLabel } from "@/components/ui/labels";

/** For owners and admins: the category that stands when annotators disagreed. */
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
          callApi<{ adjudicatedCategory: string }>("PUT", `/api/v1/projects/${projectId}/review-items/${itemId}/adjudication`, {
            category,
          }),
        ).then((result) => {
          if (result) toast.success(`Settled: ${failureCategoryLabel(category)}`);
        });
      }}
    >
      <Flex direction="column" gap="2" mt="3">
        <Text as="label" size="2" weight="medium" htmlFor={id}>
          The annotators disagree; the category that stands
        </Text>
        <Flex gap="2" align="center" wrap="wrap">
          <Select.Root value={category} onValueChange={setCategory}>
            <Select.Trigger id={id}>{failureCategoryLabel(category)}</Select.Trigger>
            <Select.Content position="popper">
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
