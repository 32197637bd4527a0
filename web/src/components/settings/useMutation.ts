"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";

/**
 * Runs a console mutation, then refreshes the server-rendered data (unless the page moves
 * on by itself: `refresh: false`); keeps the last error and whether one is running. A
 * `success` message is confirmed with a toast, so a save that changes nothing visible
 * still tells the person it happened.
 */
export function useMutation({ refresh = true }: { refresh?: boolean } = {}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run<T>(action: () => Promise<T>, { success }: { success?: string } = {}): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      if (refresh) router.refresh();
      if (success) toast.success(success);
      return result;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Something went wrong");
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { run, error, setError, busy };
}
