import type { z } from "zod";
import type { driftDatasetResultSchema, driftReviewResultSchema } from "@/contracts/drift";

export type ReviewActionResult = z.infer<typeof driftReviewResultSchema>;
export type DatasetActionResult = z.infer<typeof driftDatasetResultSchema>;

/** "12 sent to review, 3 already there": counts of nothing are left out, and nothing at all still says so. */
export function reviewResultText(result: ReviewActionResult): string {
  const parts = [
    result.added > 0 || result.alreadyQueued === 0 ? `${result.added} sent to review` : null,
    result.alreadyQueued > 0 ? `${result.alreadyQueued} already there` : null,
  ];
  return parts.filter((part) => part !== null).join(", ");
}

/** "3 added to golden, 1 already there, 1 not added (no answer to start from)". */
export function datasetResultText(dataset: string, result: DatasetActionResult): string {
  const rejected = result.rejected;
  const reasons = [...new Set(rejected.map((entry) => entry.message))].join("; ");
  const parts = [
    result.added > 0 || (result.duplicates === 0 && rejected.length === 0) ? `${result.added} added to ${dataset}` : null,
    result.duplicates > 0 ? `${result.duplicates} already there` : null,
    rejected.length > 0 ? `${rejected.length} not added (${reasons})` : null,
  ];
  return parts.filter((part) => part !== null).join(", ");
}
