"use client";

import { useState } from "react";
import { formErrorsOf } from "@/components/evaluation/evaluatorApi";

/**
 * A dialog form's call to the API: whether it is running, and its refusal read the one
 * way the console reads them (`formErrorsOf`: issues beside the fields the form shows,
 * the rest as a message). `reset` clears both when the dialog opens again.
 */
export function useCheckedSubmit(shownFields: ReadonlySet<string>) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  function reset() {
    setFieldErrors({});
    setError(null);
  }
  async function submit(action: () => Promise<void>) {
    setBusy(true);
    reset();
    try {
      await action();
    } catch (caught) {
      const shown = formErrorsOf(caught, shownFields);
      setFieldErrors(shown.fieldErrors);
      setError(shown.message);
    } finally {
      setBusy(false);
    }
  }
  return { fieldErrors, error, setError, busy, submit, reset };
}
