import type { z } from "zod";
import type { BatchResult } from "@/contracts/batch";

export type Rejection = BatchResult["rejected"][number];

function idOf(raw: unknown, field: string): string | null {
  const id = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)[field] : undefined;
  return typeof id === "string" ? id : null;
}

type Issue = { path: PropertyKey[]; message: string };

/**
 * A union (text, messages or an object, say) that fails reports "Invalid input" for the
 * whole value; when only one branch got past its type check, its issues say what is wrong
 * and where (the tool message at input.3), so those are reported instead.
 */
function unwrapUnions(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    if (issue.code !== "invalid_union") return [issue];
    const reached = issue.errors.filter((branch) => !branch.every((inner) => inner.code === "invalid_type" && inner.path.length === 0));
    const [only] = reached;
    if (reached.length !== 1 || !only) return [issue];
    return unwrapUnions(only).map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
  });
}

function describeIssues(issues: Issue[], item: string): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join(".") || item}: ${issue.message}`)
    .join("; ");
}

/**
 * Checks each item of a batch on its own against its schema: good ones go on with their
 * index, bad ones are answered with their index, id and what is wrong (400).
 */
export function validateBatchItems<T>(
  rawItems: unknown[],
  schema: z.ZodType<T>,
  itemName: string,
  /** The field that names an item (its id in the answer). */
  idField = "id",
): { valid: { index: number; item: T }[]; rejected: Rejection[] } {
  const valid: { index: number; item: T }[] = [];
  const rejected: Rejection[] = [];
  rawItems.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (result.success) valid.push({ index, item: result.data });
    else
      rejected.push({ id: idOf(raw, idField), index, status: 400, message: describeIssues(unwrapUnions(result.error.issues), itemName) });
  });
  return { valid, rejected };
}
