import {
  checkJudgeTemplate,
  isJudgeTemplateVariable,
  judgeTemplateVariablePattern,
  templateVariables,
  type JudgeTemplateVariable,
} from "@/contracts/judgeTemplateVariables";
import type { EvaluationSubject } from "@/server/evaluation/evaluatorTypes";

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
  const missing = templateVariables(template).find((name) => isJudgeTemplateVariable(name) && valueOf(subject, name) === undefined);
  if (missing !== undefined && isJudgeTemplateVariable(missing) && !options.lenient) {
    return { ok: false, error: `The template uses {{${missing}}}, but ${missingReason[missing]}` };
  }
  const text = template.replace(judgeTemplateVariablePattern, (_, name: string) =>
    isJudgeTemplateVariable(name) ? (valueOf(subject, name) ?? "(not given)") : "",
  );
  return { ok: true, text };
}
