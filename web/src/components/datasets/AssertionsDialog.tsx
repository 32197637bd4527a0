"use client";

import { useId, useState, type SubmitEvent } from "react";
import { useRouter } from "next/navigation";
import { Button, Dialog, Flex, Text, TextArea } from "@radix-ui/themes";
import type { DatasetAssertion } from "@/contracts/datasetAssertions";
import { ApiProblem, sendJson } from "@/components/evaluation/evaluatorApi";
import { DialogActions } from "@/components/ui/DialogActions";
import { formText } from "@/components/ui/formData";

const example = `[
  { "type": "contains", "text": "refund" },
  { "type": "similarity", "threshold": 0.8 },
  { "type": "judge", "evaluator": "correctness", "minScore": 0.7 }
]`;

/** The API's refusal as lines a person can act on: "Check 2, pattern: not a valid regular expression". */
function problemLines(caught: unknown): string[] {
  if (!(caught instanceof ApiProblem)) return [caught instanceof Error ? caught.message : "Something went wrong"];
  if (caught.issues.length === 0) return [caught.message];
  return caught.issues.map((issue) => {
    const [first, index, ...rest] = issue.path;
    if (first !== "assertions" || typeof index !== "number")
      return issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
    return `Check ${index + 1}${rest.length ? `, ${rest.join(".")}` : ""}: ${issue.message}`;
  });
}

/**
 * Edits what a dataset's regression runs are checked against, as the JSON list the API
 * takes (PUT /datasets/{name}/assertions): the server checks every field and names the
 * check that is wrong, so the console does not keep a second copy of the rules.
 */
export function AssertionsDialog({
  projectId,
  dataset,
  assertions,
}: {
  projectId: string;
  dataset: string;
  assertions: DatasetAssertion[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const problemsId = useId();
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = formText(new FormData(event.currentTarget), "assertions").trim();
    let parsed: unknown;
    try {
      parsed = text === "" ? [] : JSON.parse(text);
    } catch (error) {
      setProblems([`Not valid JSON: ${(error as Error).message}`]);
      return;
    }
    if (!Array.isArray(parsed)) {
      setProblems(['Write a list: [ { "type": ... }, ... ] (an empty list means the default check)']);
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      await sendJson("PUT", `/api/v1/projects/${projectId}/datasets/${encodeURIComponent(dataset)}/assertions`, { assertions: parsed });
      setOpen(false);
      router.refresh();
    } catch (caught) {
      setProblems(problemLines(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setProblems([]);
      }}
    >
      <Dialog.Trigger>
        <Button type="button" size="1" variant="soft">
          Edit checks
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="640px">
        <Dialog.Title>Checks of {dataset}</Dialog.Title>
        <Dialog.Description size="2" color="gray" mb="3">
          Every output of a regression run must pass all of them. Types: exact, contains, regex, json_schema, similarity, judge, pairwise,
          score and default; an empty list means the default check. Runs already uploaded keep their results.
        </Dialog.Description>
        <form aria-label={`Checks of ${dataset}`} onSubmit={(event) => void submit(event)} noValidate>
          <Flex direction="column" gap="3">
            <TextArea
              name="assertions"
              aria-label="Checks (JSON)"
              aria-invalid={problems.length > 0}
              aria-describedby={problemsId}
              rows={12}
              spellCheck={false}
              style={{ fontFamily: "var(--code-font-family)" }}
              defaultValue={assertions.length ? JSON.stringify(assertions, null, 2) : ""}
              placeholder={example}
            />
            <div id={problemsId}>
              {problems.length ? (
                <Flex direction="column" gap="1" role="alert">
                  {problems.map((problem, index) => (
                    <Text key={index} size="2" color="red">
                      {problem}
                    </Text>
                  ))}
                </Flex>
              ) : null}
            </div>
            <DialogActions closeLabel="Cancel" submitLabel="Save checks" loading={busy} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}
