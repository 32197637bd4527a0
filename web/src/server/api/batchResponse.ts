import type { BatchResult } from "@/contracts/batch";

/** 200 when every item of a batch was stored (or already was), 207 when any was rejected. */
export function batchResponse(result: BatchResult): Response {
  return Response.json(result, { status: result.rejected.length > 0 ? 207 : 200 });
}
