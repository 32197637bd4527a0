"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/apiClient";
import { ErrorMessage } from "@/components/ui/ErrorMessage";

/** Claims the next item (highest priority) for the signed-in annotator and opens it. */
export function StartReviewing({ projectId, label = "Start reviewing" }: { projectId: string; label?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [empty, setEmpty] = useState(false);
  return (
    <div className="stack">
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          callApi<{ id: string } | undefined>("POST", `/api/v1/projects/${projectId}/review-items/claim`)
            .then((claimed) => {
              if (claimed) router.push(`/projects/${projectId}/review/${claimed.id}`);
              else setEmpty(true);
            })
            .catch((caught: unknown) => {
              setError(caught instanceof Error ? caught.message : "Could not claim an item");
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        {label}
      </button>
      {empty ? <p role="status">Nothing left to review. 🎉</p> : null}
      <ErrorMessage error={error} />
    </div>
  );
}
