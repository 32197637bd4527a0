"use client";

import { useState } from "react";
import { formErrorsOf } from "@/components/evaluation/evaluatorApi";

/**
 * A dialog form's call to the API: whether it is running, and its refusal read the one
 * way the console reads them (`formErrorsOf`: issues beside the fields the form shows,
 * the rest as a message). `check` shows the form's own findings first; `reset` clears
 * everything when the dialog opens again.
 */
export function useCheckedSubmit(shownFields: ReadonlySet<string>) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  function reset() {
    setFieldErrors({});
    setError(null);
  }
  /** Shows what the form found wrong before asking the API; true when nothing was. */
  function check(found: Record<string, string>): boolean {
    setFieldErrors(found);
    setError(null);
    return Object.keys(found).length === 0;
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
  return { fieldErrors, error, setError, busy, submit, reset, check };
}
