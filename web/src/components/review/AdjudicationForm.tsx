"use client";

import { useState } from "react";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";

/** For owners and admins: the category that stands when annotators disagreed. */
export function AdjudicationForm({ projectId, itemId, categories }: { projectId: string; itemId: string; categories: string[] }) {
  const { run, error, busy } = useMutation();
  const [category, setCategory] = useState(categories[0] ?? "other");
  return (
    <form
      className="panel row"
      aria-label="Adjudicate"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => callApi("PUT", `/api/v1/projects/${projectId}/review-items/${itemId}/adjudication`, { category }));
      }}
    >
      <label>
        The annotators disagree; the category that stands
        <select
          value={category}
          onChange={(event) => {
            setCategory(event.target.value);
          }}
        >
          {categories.map((name) => (
            <option key={name} value={name}>
              {name.replace(/_/g, " ")}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={busy}>
        Adjudicate
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
