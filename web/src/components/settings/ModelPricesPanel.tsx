"use client";

import { useState, type SubmitEvent } from "react";
import { Box, Button, Code, Flex, Heading, Table, Text, TextField } from "@radix-ui/themes";
import type { ModelPrice } from "@/contracts/modelPrices";
import { callApi } from "@/components/ui/apiClient";
import { formText } from "@/components/ui/formData";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { SettingsCard } from "@/components/settings/SettingsCard";
import { FormField } from "@/components/settings/FormField";
import { LockedNote } from "@/components/settings/LockedNote";
import { TableCaption } from "@/components/settings/TableCaption";

interface Props {
  projectId: string;
  prices: ModelPrice[];
  listPrices: { modelPattern: string; inputPerMillionUsd: number; outputPerMillionUsd: number }[];
  listPricesTakenOn: string;
  editable: boolean;
  /** Today in UTC (YYYY-MM-DD), from the server: a new price most often applies from today. */
  today: string;
}

/** The project's own model prices (they win over the shipped list), and recomputing past costs. */
export function ModelPricesPanel({ projectId, prices, listPrices, listPricesTakenOn, editable, today }: Props) {
  const { run, error, busy } = useMutation();
  const [recomputed, setRecomputed] = useState<number | null>(null);
  const base = `/api/v1/projects/${projectId}/model-prices`;

  function add(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = {
      modelPattern: formText(form, "modelPattern"),
      inputPerMillionUsd: Number(formText(form, "input")),
      outputPerMillionUsd: Number(formText(form, "output")),
      effectiveFrom: `${formText(form, "effectiveFrom")}T00:00:00Z`,
    };
    void run(
      async () => {
        await callApi("POST", base, input);
        formElement.reset();
      },
      { success: `Price for ${input.modelPattern} added` },
    );
  }

  return (
    <SettingsCard
      id="prices"
      title="Model prices"
      description="USD per million tokens. A project price wins over the list price for the models its pattern matches, for traces from its date on."
    >
      {editable ? null : <LockedNote>Admins only: owners and admins set prices and recompute costs.</LockedNote>}
      {prices.length === 0 ? (
        <Text size="2" color="gray">
          No project prices: list prices apply.
        </Text>
      ) : (
        <Table.Root variant="surface">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Model pattern</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Input</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Output</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>From (UTC)</Table.ColumnHeaderCell>
              {editable ? <Table.ColumnHeaderCell>Actions</Table.ColumnHeaderCell> : null}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {prices.map((price) => (
              <Table.Row key={price.id} align="center">
                <Table.RowHeaderCell>
                  <Code variant="ghost">{price.modelPattern}</Code>
                </Table.RowHeaderCell>
                <Table.Cell justify="end">${price.inputPerMillionUsd}</Table.Cell>
                <Table.Cell justify="end">${price.outputPerMillionUsd}</Table.Cell>
                <Table.Cell>{price.effectiveFrom.slice(0, 10)}</Table.Cell>
                {editable ? (
                  <Table.Cell>
                    <Button
                      type="button"
                      size="1"
                      variant="soft"
                      color="red"
                      disabled={busy}
                      aria-label={`Remove price for ${price.modelPattern}`}
                      onClick={() => void run(() => callApi("DELETE", `${base}/${price.id}`), { success: "Price removed" })}
                    >
                      Remove
                    </Button>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
      {editable ? (
        <>
          <Box asChild>
            <form aria-label="Add a price" onSubmit={add}>
              <Flex gap="3" align="end" wrap="wrap">
                <FormField label="Model pattern">
                  <TextField.Root name="modelPattern" required placeholder="gpt-4o-mini*" />
                </FormField>
                <FormField label="Input $/M">
                  <TextField.Root name="input" type="number" min="0" step="any" required style={{ width: 110 }} />
                </FormField>
                <FormField label="Output $/M">
                  <TextField.Root name="output" type="number" min="0" step="any" required style={{ width: 110 }} />
                </FormField>
                <FormField label="From (UTC)">
                  <TextField.Root name="effectiveFrom" type="date" required defaultValue={today} />
                </FormField>
                <Button type="submit" disabled={busy}>
                  Add price
                </Button>
              </Flex>
            </form>
          </Box>
          <Flex align="center" gap="3">
            <Button
              type="button"
              variant="soft"
              disabled={busy}
              onClick={() => {
                void run(async () => {
                  const result = await callApi<{ traces: number }>("POST", `${base}/recompute`);
                  setRecomputed(result.traces);
                });
              }}
            >
              Recompute past costs
            </Button>
            {recomputed !== null ? (
              <Text size="2" role="status">
                Recomputed {recomputed.toLocaleString("en")} traces.
              </Text>
            ) : null}
          </Flex>
        </>
      ) : null}
      <Flex direction="column" gap="2">
        <Heading as="h3" size="3">
          List prices <Text color="gray">(taken {listPricesTakenOn})</Text>
        </Heading>
        <Table.Root size="1" variant="surface">
          <TableCaption>List prices</TableCaption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Model pattern</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Input</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end">Output</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {listPrices.map((price) => (
              <Table.Row key={price.modelPattern}>
                <Table.RowHeaderCell>
                  <Code variant="ghost">{price.modelPattern}</Code>
                </Table.RowHeaderCell>
                <Table.Cell justify="end">${price.inputPerMillionUsd}</Table.Cell>
                <Table.Cell justify="end">${price.outputPerMillionUsd}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      </Flex>
      <ErrorMessage error={error} />
    </SettingsCard>
  );
}
