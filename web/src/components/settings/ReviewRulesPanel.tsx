"use client";

import { useState } from "react";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ReviewRuleSet } from "@/contracts/review";

/** What sends traces to the review queue, the failure taxonomy, and how many annotations each item needs. */
export function ReviewRulesPanel({ projectId, rules, editable }: { projectId: string; rules: ReviewRuleSet; editable: boolean }) {
  const { run, error, busy } = useMutation();
  const [draft, setDraft] = useState(rules);
  const [categories, setCategories] = useState(rules.failureCategories.join(", "));
  const set = <K extends keyof ReviewRuleSet>(key: K, value: ReviewRuleSet[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
  };
  return (
    <section className="panel" aria-labelledby="review-rules-heading">
      <h2 id="review-rules-heading">Review queue</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const failureCategories = categories
            .split(",")
            .map((name) => name.trim())
            .filter(Boolean);
          void run(() => callApi("PATCH", `/api/v1/projects/${projectId}/review-rules`, { ...draft, failureCategories }));
        }}
      >
        <fieldset disabled={!editable || busy} className="stack">
          <legend>Send to review</legend>
          <label>
            <input
              type="checkbox"
              checked={draft.thumbsDown}
              onChange={(event) => {
                set("thumbsDown", event.target.checked);
              }}
            />{" "}
            every thumbs-down
          </label>
          <label>
            <input
              type="checkbox"
              checked={draft.reports}
              onChange={(event) => {
                set("reports", event.target.checked);
              }}
            />{" "}
            every report
          </label>
          <label>
            <input
              type="checkbox"
              checked={draft.rephrases}
              onChange={(event) => {
                set("rephrases", event.target.checked);
              }}
            />{" "}
            answers the user rephrased their question after
          </label>
          <label>
            Ratings at or below (stars of 5; empty: off)
            <input
              type="number"
              min={1}
              max={5}
              step={0.5}
              value={draft.ratingThreshold ?? ""}
              onChange={(event) => {
                set("ratingThreshold", event.target.value === "" ? null : Number(event.target.value));
              }}
            />
          </label>
          <label>
            Sample of positive feedback (%)
            <input
              type="number"
              min={0}
              max={100}
              step={1}
              value={Math.round(draft.positiveSampleRate * 100)}
              onChange={(event) => {
                set("positiveSampleRate", Number(event.target.value) / 100);
              }}
            />
          </label>
          <label>
            Independent annotations per item
            <input
              type="number"
              min={1}
              max={5}
              value={draft.annotationsPerItem}
              onChange={(event) => {
                set("annotationsPerItem", Number(event.target.value));
              }}
            />
          </label>
          <label>
            New review items at most per hour (feedback on further traces that hour is kept but not queued)
            <input
              type="number"
              min={1}
              max={100_000}
              step={1}
              value={draft.maxNewItemsPerHour}
              onChange={(event) => {
                set("maxNewItemsPerHour", Number(event.target.value));
              }}
            />
          </label>
          <label>
            Failure categories (comma-separated; keys 1-9 pick the first nine)
            <input
              value={categories}
              onChange={(event) => {
                setCategories(event.target.value);
              }}
            />
          </label>
          <button type="submit" className="primary">
            Save review rules
          </button>
        </fieldset>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
