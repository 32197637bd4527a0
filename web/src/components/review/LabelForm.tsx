"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "@/components/ui/apiClient";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { severities } from "@/contracts/review";

type Decision = "corrected_failure" | "good_example" | "dismiss";

const decisions: [Decision, string][] = [
  ["corrected_failure", "Add as corrected failure"],
  ["good_example", "Add as good example"],
  ["dismiss", "Dismiss"],
];

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * The verdict on the item the annotator holds, keyboard first: digits pick a category,
 * `e` edits the correction, Ctrl+Enter saves and opens the next item, `s` skips, `?`
 * shows the keys. The lease is renewed while the page is open.
 */
export function LabelForm({
  projectId,
  itemId,
  categories,
  originalAnswer,
}: {
  projectId: string;
  itemId: string;
  categories: string[];
  originalAnswer: string;
}) {
  const router = useRouter();
  const [category, setCategory] = useState<string | null>(null);
  const [severity, setSeverity] = useState<string>("medium");
  const [correction, setCorrection] = useState(originalAnswer);
  const [notes, setNotes] = useState("");
  const [decision, setDecision] = useState<Decision>("corrected_failure");
  const [datasetName, setDatasetName] = useState("golden");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showKeys, setShowKeys] = useState(false);
  const correctionRef = useRef<HTMLTextAreaElement>(null);
  const base = `/api/v1/projects/${projectId}/review-items`;

  useEffect(() => {
    const timer = setInterval(() => {
      callApi("POST", `${base}/${itemId}/lease`).catch((caught: unknown) => {
        setError(caught instanceof Error ? caught.message : "The lease could not be renewed");
      });
    }, 2 * 60_000);
    return () => {
      clearInterval(timer);
    };
  }, [base, itemId]);

  // Items skipped in this browser session are not handed out again right away.
  const skippedKey = `liveloop:skipped:${projectId}`;
  const openNext = useCallback(async () => {
    const skipped = (sessionStorage.getItem(skippedKey) ?? "").split(",").filter(Boolean).slice(-100);
    const next = await callApi<{ id: string } | undefined>("POST", `${base}/claim?exclude=${skipped.join(",")}`);
    router.push(next ? `/projects/${projectId}/review/${next.id}` : `/projects/${projectId}/review?done=1`);
  }, [base, projectId, router, skippedKey]);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      try {
        await action();
        await openNext();
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : "Something went wrong");
      } finally {
        setBusy(false);
      }
    },
    [openNext],
  );

  const save = useCallback(() => {
    if (!category) {
      setError("Pick a failure category first (keys 1-9)");
      return;
    }
    void run(() =>
      callApi("PUT", `${base}/${itemId}/annotation`, {
        category,
        severity,
        decision,
        datasetName,
        ...(decision === "corrected_failure" ? { correctedResponse: correction } : {}),
        ...(notes.trim() ? { notes } : {}),
      }),
    );
  }, [base, category, correction, datasetName, decision, itemId, notes, run, severity]);

  const skip = useCallback(() => {
    const skipped = (sessionStorage.getItem(skippedKey) ?? "").split(",").filter(Boolean);
    sessionStorage.setItem(skippedKey, [...skipped, itemId].slice(-100).join(","));
    void run(() => callApi("POST", `${base}/${itemId}/release`));
  }, [base, itemId, run, skippedKey]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        save();
        return;
      }
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const digit = Number(event.key);
      if (Number.isInteger(digit) && digit >= 1 && digit <= categories.length) {
        setCategory(categories[digit - 1] ?? null);
      } else if (event.key === "e") {
        event.preventDefault();
        correctionRef.current?.focus();
      } else if (event.key === "s") {
        skip();
      } else if (event.key === "?") {
        setShowKeys((shown) => !shown);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
    };
  }, [categories, save, skip]);

  return (
    <form
      className="panel stack"
      aria-label="Label this answer"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <fieldset>
        <legend>Failure category</legend>
        <div className="row">
          {categories.map((name, index) => (
            <label key={name} className="chip-option">
              <input
                type="radio"
                name="category"
                value={name}
                checked={category === name}
                onChange={() => {
                  setCategory(name);
                }}
              />
              <kbd>{index + 1}</kbd> {name.replace(/_/g, " ")}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        Severity
        <select
          value={severity}
          onChange={(event) => {
            setSeverity(event.target.value);
          }}
        >
          {severities.map((level) => (
            <option key={level}>{level}</option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Decision</legend>
        <div className="row">
          {decisions.map(([value, text]) => (
            <label key={value}>
              <input
                type="radio"
                name="decision"
                value={value}
                checked={decision === value}
                onChange={() => {
                  setDecision(value);
                }}
              />{" "}
              {text}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        Corrected response (<kbd>e</kbd>)
        <textarea
          ref={correctionRef}
          rows={8}
          maxLength={100_000}
          value={correction}
          disabled={decision !== "corrected_failure"}
          onChange={(event) => {
            setCorrection(event.target.value);
          }}
        />
      </label>
      <label>
        Notes
        <textarea
          rows={2}
          value={notes}
          onChange={(event) => {
            setNotes(event.target.value);
          }}
        />
      </label>
      <label>
        Dataset
        <input
          value={datasetName}
          disabled={decision === "dismiss"}
          onChange={(event) => {
            setDatasetName(event.target.value);
          }}
        />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          Save and next (Ctrl+Enter)
        </button>
        <button type="button" disabled={busy} onClick={skip}>
          Skip (s)
        </button>
        <button
          type="button"
          aria-expanded={showKeys}
          onClick={() => {
            setShowKeys((shown) => !shown);
          }}
        >
          Keys (?)
        </button>
      </div>
      {showKeys ? (
        <dl className="facts" aria-label="Keyboard shortcuts">
          <dt>1-9</dt>
          <dd>pick a failure category</dd>
          <dt>e</dt>
          <dd>edit the corrected response</dd>
          <dt>Ctrl+Enter</dt>
          <dd>save and open the next item</dd>
          <dt>s</dt>
          <dd>skip (back to the queue)</dd>
          <dt>?</dt>
          <dd>show or hide these keys</dd>
        </dl>
      ) : null}
      <ErrorMessage error={error} />
    </form>
  );
}
