"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@radix-ui/themes";
import { PlayIcon } from "@radix-ui/react-icons";
import { toast } from "sonner";
import { callApi } from "@/components/ui/apiClient";

/** Claims the next item (highest priority) for the signed-in annotator and opens it. */
export function StartReviewing({ projectId, label = "Start reviewing" }: { projectId: string; label?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      type="button"
      loading={busy}
      onClick={() => {
        setBusy(true);
        callApi<{ id: string } | undefined>("POST", `/api/v1/projects/${projectId}/review-items/claim`)
          .then((claimed) => {
            if (claimed) router.push(`/projects/${projectId}/review/${claimed.id}`);
            else toast.info("Nothing left to review: the queue is empty.");
          })
          .catch((caught: unknown) => {
            toast.error(caught instanceof Error ? caught.message : "Could not claim an item");
          })
          .finally(() => {
            setBusy(false);
          });
      }}
    >
      <PlayIcon aria-hidden />
      {label}
    </Button>
  );
}
