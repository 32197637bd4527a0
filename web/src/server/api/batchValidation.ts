import type { z } from "zod";
import type { BatchResult } from "@/contracts/batch";

export type Rejection = BatchResult["rejected"][number];

function idOf(raw: unknown): string | null {
  return typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : null;
}

function describeIssues(issues: { path: PropertyKey[]; message: string }[], item: string): string {
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
): { valid: { index: number; item: T }[]; rejected: Rejection[] } {
  const valid: { index: number; item: T }[] = [];
  const rejected: Rejection[] = [];
  rawItems.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (result.success) valid.push({ index, item: result.data });
    else rejected.push({ id: idOf(raw), index, status: 400, message: describeIssues(result.error.issues, itemName) });
  });
  return { valid, rejected };
}
