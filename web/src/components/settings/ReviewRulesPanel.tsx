"use client";

import { useState } from "react";
import { Badge, Box, Button, Flex, Grid, Separator, Switch, Text, TextField } from "@radix-ui/themes";
import { callApi } from "@/components/ui/apiClient";
import { failureCategoryLabel } from "@/components/ui/labels";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { SettingsCard } from "@/components/settings/SettingsCard";
import { FormField } from "@/components/settings/FormField";
import { LockedNote } from "@/components/settings/LockedNote";
import { LabelWithHint } from "@/components/settings/LabelWithHint";
import type { ReviewRuleSet } from "@/contracts/review";

type Trigger = "thumbsDown" | "reports" | "rephrases" | "lowScores";
const triggers: { key: Trigger; label: string; hint: string }[] = [
  { key: "thumbsDown", label: "Every thumbs-down", hint: "A user said the answer was bad." },
  { key: "reports", label: "Every report", hint: "A user reported the answer (wrong, unsafe, ...)." },
  { key: "rephrases", label: "Rephrased questions", hint: "Answers the user rephrased their question after." },
  {
    key: "lowScores",
    label: "Low scores",
    hint: "A score at or past its review threshold (Scores: each score name's config sets one; relevance 0.2, toxicity 0.7, ...).",
  },
];

interface NumberField {
  label: string;
  hint: string;
  min: number;
  max: number;
  step?: number;
  /** "" shows an empty field (a rule that is off). */
  value: number | "";
  onChange: (text: string) => void;
}

function parseCategories(text: string): string[] {
  return text
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
}

/** What sends traces to the review queue, the failure taxonomy, and how many annotations each item needs. */
export function ReviewRulesPanel({ projectId, rules, editable }: { projectId: string; rules: ReviewRuleSet; editable: boolean }) {
  const { run, error, busy } = useMutation();
  const [draft, setDraft] = useState(rules);
  const [categories, setCategories] = useState(rules.failureCategories.join(", "));
  const set = <K extends keyof ReviewRuleSet>(key: K, value: ReviewRuleSet[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
  };
  const disabled = !editable || busy;
  // The numeric rules differ only in bounds and in how the field's text maps to the rule.
  const numberFields: NumberField[] = [
    {
      label: "Ratings at or below",
      hint: "Stars of 5; leave empty to send no rating to review.",
      min: 1,
      max: 5,
      step: 0.5,
      value: draft.ratingThreshold ?? "",
      onChange: (text) => {
        set("ratingThreshold", text === "" ? null : Number(text));
      },
    },
    {
      label: "Sample of positive feedback (%)",
      hint: "A share of good answers, to check the good ones really are.",
      min: 0,
      max: 100,
      step: 1,
      value: Math.round(draft.positiveSampleRate * 100),
      onChange: (text) => {
        set("positiveSampleRate", Number(text) / 100);
      },
    },
    {
      label: "Independent annotations per item",
      hint: "More than one lets annotators' disagreements show.",
      min: 1,
      max: 5,
      value: draft.annotationsPerItem,
      onChange: (text) => {
        set("annotationsPerItem", Number(text));
      },
    },
    {
      label: "New review items at most per hour",
      hint: "Feedback on further traces that hour is kept but not queued.",
      min: 1,
      max: 100_000,
      step: 1,
      value: draft.maxNewItemsPerHour,
      onChange: (text) => {
        set("maxNewItemsPerHour", Number(text));
      },
    },
  ];
  return (
    <SettingsCard id="review-rules" title="Review queue" description="What sends traces to the review queue, and how they are reviewed.">
      {editable ? null : <LockedNote>Admins only: owners and admins change the review rules.</LockedNote>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const failureCategories = parseCategories(categories);
          void run(() => callApi("PATCH", `/api/v1/projects/${projectId}/review-rules`, { ...draft, failureCategories }), {
            success: "Review rules saved",
          });
        }}
      >
        <Flex direction="column" gap="5">
          <Flex direction="column" gap="3" asChild>
            <fieldset style={{ border: "none", padding: 0, margin: 0 }}>
              <legend>
                <Text size="2" weight="bold">
                  Send to review
                </Text>
              </legend>
              {triggers.map((trigger) => (
                <Text as="label" size="2" key={trigger.key}>
                  <Flex gap="3" align="start">
                    <Switch
                      mt="1"
                      checked={draft[trigger.key]}
                      disabled={disabled}
                      onCheckedChange={(checked) => {
                        set(trigger.key, checked);
                      }}
                    />
                    <LabelWithHint label={trigger.label} hint={trigger.hint} />
                  </Flex>
                </Text>
              ))}
            </fieldset>
          </Flex>
          <Separator size="4" />
          <Grid columns={{ initial: "1", sm: "2" }} gap="4">
            {numberFields.map((field) => (
              <FormField key={field.label} label={field.label} hint={field.hint}>
                <TextField.Root
                  type="number"
                  min={field.min}
                  max={field.max}
                  step={field.step}
                  disabled={disabled}
                  value={field.value}
                  onChange={(event) => {
                    field.onChange(event.target.value);
                  }}
                />
              </FormField>
            ))}
          </Grid>
          <Separator size="4" />
          <Flex direction="column" gap="2">
            <FormField label="Failure categories" hint="Comma-separated keys; keys 1-9 pick the first nine while annotating.">
              <TextField.Root
                disabled={disabled}
                value={categories}
                onChange={(event) => {
                  setCategories(event.target.value);
                }}
              />
            </FormField>
            <Flex gap="2" wrap="wrap" aria-label="Failure categories as annotators see them" role="list">
              {parseCategories(categories).map((category, index) => (
                <Badge key={`${category}-${String(index)}`} color="gray" variant="soft" role="listitem">
                  {index < 9 ? `${String(index + 1)} · ` : ""}
                  {failureCategoryLabel(category)}
                </Badge>
              ))}
            </Flex>
          </Flex>
          <Box>
            <Button type="submit" disabled={disabled}>
              Save review rules
            </Button>
          </Box>
        </Flex>
      </form>
      <ErrorMessage error={error} />
    </SettingsCard>
  );
}
