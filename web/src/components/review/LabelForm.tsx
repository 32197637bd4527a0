"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  Box,
  Button,
  Card,
  DataList,
  Flex,
  Grid,
  Heading,
  Kbd,
  RadioCards,
  RadioGroup,
  Select,
  Text,
  TextArea,
  TextField,
} from "@radix-ui/themes";
import { toast } from "sonner";
import { callApi } from "@/components/ui/apiClient";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { decisionLabel, failureCategoryLabel, severityLabel } from "@/components/ui/labels";
import { severities, type annotationDecisions } from "@/contracts/review";
import styles from "./LabelForm.module.css";

type Decision = (typeof annotationDecisions)[number];
type Severity = (typeof severities)[number];

/** The decisions in the order shown, each with its key. */
// Verbs, as the annotator decides; decisionLabel names a saved decision ("Dismissed").
const decisions: { value: Decision; key: string; text: string; hint: string }[] = [
  { value: "corrected_failure", key: "f", text: "Corrected failure", hint: "Wrong answer: write the right one" },
  { value: "good_example", key: "g", text: "Good example", hint: "Fine as it is" },
  { value: "dismiss", key: "d", text: "Dismiss", hint: "Not worth keeping" },
];

// Keys typed into a field, or into an open list (a Select's type-ahead), are not shortcuts.
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
    target.closest('[role="listbox"], [role="menu"], [role="dialog"]') !== null);

const shortcuts: [string[], string][] = [
  [["1–9"], "pick a failure category (0 clears it)"],
  [["F"], "corrected failure"],
  [["G"], "good example"],
  [["D"], "dismiss"],
  [["E"], "edit the corrected response (Esc leaves it)"],
  [["Ctrl", "Enter"], "save and open the next item"],
  [["S"], "skip (back to the queue for others)"],
  [["?"], "show or hide these keys"],
];

/**
 * The verdict on the item the annotator holds, keyboard first: digits pick a category,
 * f/g/d the decision, `e` edits the correction, Ctrl+Enter saves and opens the next item,
 * `s` skips, `?` shows the keys. Only a corrected failure needs a category. The lease is
 * renewed while the page is open.
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
  const [severity, setSeverity] = useState<Severity>("medium");
  const [correction, setCorrection] = useState(originalAnswer);
  const [notes, setNotes] = useState("");
  const [decision, setDecision] = useState<Decision>("corrected_failure");
  const [datasetName, setDatasetName] = useState("golden");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showKeys, setShowKeys] = useState(false);
  // Bumped by `e`: the editor takes focus once it is rendered (it is hidden for other decisions).
  const [editRequest, setEditRequest] = useState(0);
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

  useEffect(() => {
    const editor = correctionRef.current;
    if (editRequest === 0 || !editor) return;
    editor.focus();
    // The caret goes after the text: corrections usually add to or fix the end of the answer.
    const end = editor.value.length;
    editor.setSelectionRange(end, end);
    editor.scrollTop = editor.scrollHeight;
  }, [editRequest]);

  // Items skipped in this browser session are not handed out again right away.
  const skippedKey = `liveloop:skipped:${projectId}`;
  const openNext = useCallback(async () => {
    const skipped = (sessionStorage.getItem(skippedKey) ?? "").split(",").filter(Boolean).slice(-100);
    const next = await callApi<{ id: string } | undefined>("POST", `${base}/claim?exclude=${skipped.join(",")}`);
    if (!next) toast.info("That was the last item: the queue is empty.");
    router.push(next ? `/projects/${projectId}/review/${next.id}` : `/projects/${projectId}/review?done=1`);
  }, [base, projectId, router, skippedKey]);

  const run = useCallback(
    async (action: () => Promise<unknown>, done: string) => {
      setBusy(true);
      setError(null);
      try {
        await action();
        toast.success(done);
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
    if (decision === "corrected_failure" && !category) {
      setError("A corrected failure needs a failure category (keys 1-9).");
      return;
    }
    const saved = [decisionLabel[decision], category ? failureCategoryLabel(category) : null].filter(Boolean).join(" · ");
    void run(
      () =>
        callApi("PUT", `${base}/${itemId}/annotation`, {
          severity,
          decision,
          ...(category ? { category } : {}),
          ...(decision === "dismiss" ? {} : { datasetName }),
          ...(decision === "corrected_failure" ? { correctedResponse: correction } : {}),
          ...(notes.trim() ? { notes } : {}),
        }),
      `Saved: ${saved}`,
    );
  }, [base, category, correction, datasetName, decision, itemId, notes, run, severity]);

  const skip = useCallback(() => {
    const skipped = (sessionStorage.getItem(skippedKey) ?? "").split(",").filter(Boolean);
    sessionStorage.setItem(skippedKey, [...skipped, itemId].slice(-100).join(","));
    void run(() => callApi("POST", `${base}/${itemId}/release`), "Skipped");
  }, [base, itemId, run, skippedKey]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        save();
        return;
      }
      if (typing(event.target)) {
        // Esc leaves a text field, so the single-key shortcuts work again.
        if (event.key === "Escape" && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      const digit = Number(event.key);
      const chosen = decisions.find((option) => option.key === key);
      if (event.key === "0") {
        setCategory(null);
      } else if (Number.isInteger(digit) && digit >= 1 && digit <= categories.length) {
        setCategory(categories[digit - 1] ?? null);
      } else if (chosen) {
        setDecision(chosen.value);
      } else if (key === "e") {
        event.preventDefault();
        setDecision("corrected_failure");
        setEditRequest((count) => count + 1);
      } else if (key === "s") {
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

  const needsCategory = decision === "corrected_failure";
  return (
    <Card size="2" className={styles.panel}>
      <form
        aria-label="Label this answer"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Flex direction="column" gap="4">
          <Flex justify="between" align="center">
            <Heading as="h2" size="4">
              Your verdict
            </Heading>
            <Button
              type="button"
              size="1"
              variant="ghost"
              color="gray"
              aria-expanded={showKeys}
              onClick={() => {
                setShowKeys((shown) => !shown);
              }}
            >
              Keys <Kbd size="1">?</Kbd>
            </Button>
          </Flex>

          {showKeys ? (
            <DataList.Root size="1" aria-label="Keyboard shortcuts" className={styles.keys}>
              {shortcuts.map(([keys, what]) => (
                <DataList.Item key={what}>
                  <DataList.Label minWidth="96px">
                    <Flex gap="1" align="center">
                      {keys.map((key) => (
                        <Kbd key={key} size="1">
                          {key}
                        </Kbd>
                      ))}
                    </Flex>
                  </DataList.Label>
                  <DataList.Value>{what}</DataList.Value>
                </DataList.Item>
              ))}
            </DataList.Root>
          ) : null}

          <Box role="group" aria-labelledby="decision-label">
            <Text id="decision-label" as="div" size="2" weight="medium" mb="2">
              Decision
            </Text>
            <RadioCards.Root
              size="1"
              columns="3"
              gap="2"
              value={decision}
              aria-labelledby="decision-label"
              onValueChange={(value) => {
                setDecision(value as Decision);
              }}
            >
              {decisions.map((option) => (
                <RadioCards.Item key={option.value} value={option.value} title={option.hint}>
                  <Flex direction="column" align="center" gap="1">
                    <Text size="2" weight="medium">
                      {option.text}
                    </Text>
                    <Kbd size="1">{option.key.toUpperCase()}</Kbd>
                  </Flex>
                </RadioCards.Item>
              ))}
            </RadioCards.Root>
          </Box>

          <Box role="group" aria-labelledby="category-label">
            <Flex justify="between" align="baseline" mb="2">
              <Text id="category-label" as="div" size="2" weight="medium">
                Failure category{" "}
                <Text size="1" color="gray" weight="regular">
                  {needsCategory ? "(required)" : "(optional)"}
                </Text>
              </Text>
              {category && !needsCategory ? (
                <Button
                  type="button"
                  size="1"
                  variant="ghost"
                  color="gray"
                  onClick={() => {
                    setCategory(null);
                  }}
                >
                  Clear <Kbd size="1">0</Kbd>
                </Button>
              ) : null}
            </Flex>
            <RadioGroup.Root
              size="2"
              value={category ?? ""}
              aria-labelledby="category-label"
              onValueChange={(value) => {
                setCategory(value);
              }}
            >
              <Grid columns="2" gapX="3" gapY="2">
                {categories.map((name, index) => (
                  <RadioGroup.Item key={name} value={name}>
                    <Flex gap="2" align="center">
                      {index < 9 ? <Kbd size="1">{index + 1}</Kbd> : null}
                      {failureCategoryLabel(name)}
                    </Flex>
                  </RadioGroup.Item>
                ))}
              </Grid>
            </RadioGroup.Root>
          </Box>

          <Grid columns="2" gap="3">
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor="label-severity">
                Severity
              </Text>
              <Select.Root
                value={severity}
                onValueChange={(value) => {
                  setSeverity(value as Severity);
                }}
              >
                <Select.Trigger id="label-severity">{severityLabel[severity]}</Select.Trigger>
                <Select.Content position="popper">
                  {severities.map((level) => (
                    <Select.Item key={level} value={level}>
                      {severityLabel[level]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select.Root>
            </Flex>
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor="label-dataset">
                Dataset
              </Text>
              <TextField.Root
                id="label-dataset"
                value={decision === "dismiss" ? "" : datasetName}
                placeholder={decision === "dismiss" ? "Not added" : "golden"}
                disabled={decision === "dismiss"}
                onChange={(event) => {
                  setDatasetName(event.target.value);
                }}
              />
            </Flex>
          </Grid>

          {decision === "corrected_failure" ? (
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor="label-correction">
                Corrected response <Kbd size="1">E</Kbd>
              </Text>
              <TextArea
                id="label-correction"
                ref={correctionRef}
                rows={5}
                resize="vertical"
                maxLength={100_000}
                value={correction}
                onChange={(event) => {
                  setCorrection(event.target.value);
                }}
              />
            </Flex>
          ) : null}

          <Flex direction="column" gap="1">
            <Text as="label" size="2" weight="medium" htmlFor="label-notes">
              Notes
            </Text>
            <TextArea
              id="label-notes"
              rows={2}
              resize="vertical"
              placeholder="Optional: why, for the next annotator"
              value={notes}
              onChange={(event) => {
                setNotes(event.target.value);
              }}
            />
          </Flex>

          <ErrorMessage error={error} />

          <Flex gap="2" align="center" wrap="wrap" className={styles.actions}>
            <Button type="submit" loading={busy}>
              Save and next
              <Kbd size="1" className={styles.buttonKbd}>
                Ctrl Enter
              </Kbd>
            </Button>
            <Button type="button" variant="soft" color="gray" disabled={busy} onClick={skip}>
              Skip <Kbd size="1">S</Kbd>
            </Button>
          </Flex>
        </Flex>
      </form>
    </Card>
  );
}
