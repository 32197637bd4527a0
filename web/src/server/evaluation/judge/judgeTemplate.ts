import type { EvaluationSubject } from "@/server/evaluation/evaluatorTypes";

/** The variables a judge template may use, each mapped from a trace (or a dataset run, for `expected`). */
export const judgeTemplateVariables = ["input", "output", "context", "expected"] as const;
export type JudgeTemplateVariable = (typeof judgeTemplateVariables)[number];

const variablePattern = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

const known = (name: string): name is JudgeTemplateVariable => (judgeTemplateVariables as readonly string[]).includes(name);

const listed = judgeTemplateVariables.map((name) => `{{${name}}}`).join(", ");

/** The variables a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(variablePattern)].map((match) => match[1] ?? ""))];
}

/** Why a template cannot be used (unknown variable, no {{output}} to judge), or null when it can. */
export function checkJudgeTemplate(template: string): string | null {
  const used = templateVariables(template);
  const unknown = used.find((name) => !known(name));
  if (unknown !== undefined) return `Unknown variable {{${unknown}}}: use ${listed}`;
  if (!used.includes("output")) return "The template must include {{output}}, the answer to judge";
  return null;
}

/** Retrieved passages numbered, so the judge (and its reasoning) can point at one. */
export function formatContexts(contexts: readonly string[]): string {
  return contexts.map((passage, index) => `[${index + 1}] ${passage}`).join("\n\n");
}

function valueOf(subject: EvaluationSubject, name: JudgeTemplateVariable): string | undefined {
  const present = (text: string | undefined) => (text !== undefined && text.trim() !== "" ? text : undefined);
  switch (name) {
    case "input":
      return present(subject.input);
    case "output":
      return present(subject.output);
    case "context":
      return subject.contexts.some((passage) => passage.trim() !== "") ? formatContexts(subject.contexts) : undefined;
    case "expected":
      return present(subject.expected);
  }
}

const missingReason: Record<JudgeTemplateVariable, string> = {
  input: "this trace has no input",
  output: "this trace has no output",
  context: "this trace has no retrieved context (no retrieval spans)",
  expected: "there is no expected output (only dataset runs carry one)",
};

/**
 * Fills a template in one pass, so text inside a trace that looks like `{{expected}}` is
 * left as written and never filled in itself. A variable the subject lacks is an error
 * naming it; for few-shot examples (`lenient`) it reads "(not given)" instead.
 */
export function renderJudgeTemplate(
  template: string,
  subject: EvaluationSubject,
  options: { lenient?: boolean } = {},
): { ok: true; text: string } | { ok: false; error: string } {
  const problem = checkJudgeTemplate(template);
  if (problem) return { ok: false, error: problem };
  const missing = templateVariables(template).find((name) => known(name) && valueOf(subject, name) === undefined);
  if (missing !== undefined && known(missing) && !options.lenient) {
    return { ok: false, error: `The template uses {{${missing}}}, but ${missingReason[missing]}` };
  }
  const text = template.replace(variablePattern, (_, name: string) => (known(name) ? (valueOf(subject, name) ?? "(not given)") : ""));
  return { ok: true, text };
}
