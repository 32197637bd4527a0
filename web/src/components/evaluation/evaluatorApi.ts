"use client";

/** One problem the API named in a 400: the path of the field in the body and what is wrong with it. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** A refused request that keeps the API's per-field issues, so a form can show each beside its field. */
export class ApiProblem extends Error {
  constructor(
    message: string,
    readonly issues: readonly FieldIssue[],
  ) {
    super(message);
    this.name = "ApiProblem";
  }
}

interface ProblemBody {
  detail?: string;
  errors?: FieldIssue[];
}

/**
 * The console's JSON call for evaluator forms: like the shared client, but a refusal keeps
 * the named fields (judge.baseUrl, ...) instead of folding them into one sentence.
 */
export async function sendJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const problem = (payload ?? {}) as ProblemBody;
    throw new ApiProblem(problem.detail ?? `Request failed (${response.status})`, problem.errors ?? []);
  }
  return payload as T;
}

/** Issues keyed by their dotted path ("judge.baseUrl"); the first message for a field wins. */
export function issuesByField(issues: readonly FieldIssue[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.join(".");
    if (key && !(key in byField)) byField[key] = issue.message;
  }
  return byField;
}

/**
 * How a failed request reads in a form: each issue beside the field the form shows for it,
 * and as one message whatever has no field there (or the problem itself when it named none),
 * so a refusal is never swallowed by a form that lacks the field.
 */
export function formErrorsOf(
  caught: unknown,
  shownFields: ReadonlySet<string>,
): { fieldErrors: Record<string, string>; message: string | null } {
  if (!(caught instanceof ApiProblem)) {
    return { fieldErrors: {}, message: caught instanceof Error ? caught.message : "Something went wrong" };
  }
  const fieldErrors = issuesByField(caught.issues.filter((issue) => shownFields.has(issue.path.join("."))));
  const elsewhere = caught.issues.filter((issue) => !shownFields.has(issue.path.join(".")));
  const message =
    elsewhere.length > 0 || caught.issues.length === 0 ? [caught.message, ...elsewhere.map((issue) => issue.message)].join(": ") : null;
  return { fieldErrors, message };
}
