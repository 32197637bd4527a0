/**
 * The syntax of a judge template, kept free of server code so the judge contract can check a
 * template while parsing and the console can list the variables from the same definition.
 */

/** The variables a judge template may use, each mapped from a trace (or a dataset run, for `expected`). */
export const judgeTemplateVariables = ["input", "output", "context", "expected"] as const;
export type JudgeTemplateVariable = (typeof judgeTemplateVariables)[number];

/** `{{ name }}`, spaces allowed; global, so use it with matchAll or replace. */
export const judgeTemplateVariablePattern = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

export const isJudgeTemplateVariable = (name: string): name is JudgeTemplateVariable =>
  (judgeTemplateVariables as readonly string[]).includes(name);

/** The variables as a template writes them: "{{input}}", ... */
export const judgeTemplatePlaceholders = judgeTemplateVariables.map((name) => `{{${name}}}`);

/** The variables a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(judgeTemplateVariablePattern)].map((match) => match[1] ?? ""))];
}

/** Why a template cannot be used (unknown variable, no {{output}} to judge), or null when it can. */
export function checkJudgeTemplate(template: string): string | null {
  const used = templateVariables(template);
  const unknown = used.find((name) => !isJudgeTemplateVariable(name));
  if (unknown !== undefined) return `Unknown variable {{${unknown}}}: use ${judgeTemplatePlaceholders.join(", ")}`;
  if (!used.includes("output")) return "The template must include {{output}}, the answer to judge";
  return null;
}
