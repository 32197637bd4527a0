import type { z } from "zod";
import type { judgeCallSchema } from "@/contracts/evaluators";
import type { Queryable } from "@/server/db/client";

/** Every call a judge made for a trace, oldest first: what it was asked, what it said, what it cost. */
export async function listJudgeCalls(database: Queryable, projectId: string, traceId: string): Promise<z.infer<typeof judgeCallSchema>[]> {
  const rows = await database.judgeCall.findMany({
    where: { projectId, traceId },
    orderBy: [{ startedAt: "asc" }, { attempt: "asc" }],
    omit: { projectId: true },
  });
  return rows.map((row) => ({ ...row, startedAt: row.startedAt.toISOString() }));
}
