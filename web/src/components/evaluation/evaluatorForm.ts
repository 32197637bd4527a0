import type { EvaluatorFilter, EvaluatorInput, EvaluatorKind, EvaluatorUpdate, EvaluatorView } from "@/contracts/evaluators";
import type { JudgeRubricName, JudgeSettings } from "@/contracts/judge";

/** The judge's instruction choice: a shipped rubric, or the person's own template. */
export type RubricChoice = JudgeRubricName | "custom";
export type RetrievalChoice = "any" | "with" | "without";

/** Reads a text field of the form by its name (the body path it fills, e.g. "judge.baseUrl"). */
export type ReadField = (name: string) => string;

export type FormOutcome<T> = { ok: true; body: T } | { ok: false; fieldErrors: Record<string, string> };

interface Choices {
  kind: EvaluatorKind;
  rubric: RubricChoice;
  retrieval: RetrievalChoice;
}

function numberField(read: ReadField, name: string, errors: Record<string, string>): number | undefined {
  const text = read(name).trim();
  if (text === "") return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    errors[name] = "Enter a number";
    return undefined;
  }
  return value;
}

function filterOf(read: ReadField, retrieval: RetrievalChoice): EvaluatorFilter {
  const filter: EvaluatorFilter = {};
  const model = read("filter.model").trim();
  const release = read("filter.release").trim();
  const promptVersion = read("filter.promptVersion").trim();
  if (model) filter.model = model;
  if (release) filter.release = release;
  if (promptVersion) filter.promptVersion = promptVersion;
  if (retrieval !== "any") filter.hasRetrieval = retrieval === "with";
  return filter;
}

function judgeOf(read: ReadField, rubric: RubricChoice, errors: Record<string, string>): JudgeSettings {
  const judge: JudgeSettings = { baseUrl: read("judge.baseUrl").trim(), model: read("judge.model").trim() };
  const apiKey = read("judge.apiKey");
  // Empty keeps the stored key on edit, and means "no key" (a local model) on create.
  if (apiKey !== "") judge.apiKey = apiKey;
  if (rubric === "custom") judge.template = read("judge.template");
  else judge.rubric = rubric;
  const budget = numberField(read, "judge.dailyBudgetUsd", errors);
  if (budget !== undefined) judge.dailyBudgetUsd = budget;
  const timeout = numberField(read, "judge.timeoutSeconds", errors);
  if (timeout !== undefined) judge.timeoutSeconds = timeout;
  return judge;
}

function jsonSchemaOf(read: ReadField, errors: Record<string, string>): Record<string, unknown> | null {
  const text = read("jsonSchema").trim();
  if (text === "") return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    errors.jsonSchema = "A JSON Schema is an object ({ ... })";
  } catch {
    errors.jsonSchema = "Not valid JSON";
  }
  return null;
}

/** What both the create and the change send: sampling (entered in %), settle delay, filter. */
function commonOf(read: ReadField, choices: Choices, errors: Record<string, string>) {
  const percent = numberField(read, "samplingRate", errors);
  const settleSeconds = numberField(read, "settleSeconds", errors);
  return {
    ...(percent === undefined ? {} : { samplingRate: percent / 100 }),
    ...(settleSeconds === undefined ? {} : { settleSeconds }),
    filter: filterOf(read, choices.retrieval),
  };
}

function outcome<T>(body: T, errors: Record<string, string>): FormOutcome<T> {
  return Object.keys(errors).length > 0 ? { ok: false, fieldErrors: errors } : { ok: true, body };
}

/** The POST body for a new evaluator from the add form; number fields that are not numbers are named. */
export function createRequest(read: ReadField, choices: Choices): FormOutcome<EvaluatorInput> {
  const errors: Record<string, string> = {};
  const body: EvaluatorInput = { name: read("name").trim(), kind: choices.kind, ...commonOf(read, choices, errors) };
  if (choices.kind === "llm_judge") body.judge = judgeOf(read, choices.rubric, errors);
  if (choices.kind === "format") {
    const schema = jsonSchemaOf(read, errors);
    if (schema) body.jsonSchema = schema;
  }
  return outcome(body, errors);
}

/** The schema as the edit form shows it, so an unchanged field can be told from an edited one. */
export function jsonSchemaText(schema: EvaluatorView["jsonSchema"]): string {
  return schema === null ? "" : JSON.stringify(schema, null, 2);
}

/**
 * The PATCH body from the edit form: the filter and judge are replaced whole. The schema
 * field starts with the stored schema: left as it was, nothing is sent (a new schema starts a
 * new score series); emptied, null removes it.
 */
export function updateRequest(read: ReadField, choices: Choices, stored: Pick<EvaluatorView, "jsonSchema">): FormOutcome<EvaluatorUpdate> {
  const errors: Record<string, string> = {};
  const body: EvaluatorUpdate = commonOf(read, choices, errors);
  if (choices.kind === "llm_judge") body.judge = judgeOf(read, choices.rubric, errors);
  if (choices.kind === "format" && read("jsonSchema").trim() !== jsonSchemaText(stored.jsonSchema).trim()) {
    const schema = jsonSchemaOf(read, errors);
    if (schema) body.jsonSchema = schema;
    else if (read("jsonSchema").trim() === "") body.jsonSchema = null;
  }
  return outcome(body, errors);
}

/** The edit form's starting choices for an evaluator. */
export function choicesOf(evaluator: EvaluatorView): Choices {
  const hasRetrieval = evaluator.filter.hasRetrieval;
  return {
    kind: evaluator.kind,
    rubric: evaluator.judge?.template ? "custom" : (evaluator.judge?.rubric ?? "relevance"),
    retrieval: hasRetrieval === undefined ? "any" : hasRetrieval ? "with" : "without",
  };
}
