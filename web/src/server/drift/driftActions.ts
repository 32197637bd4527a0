import type { Database } from "@/server/db/client";
import { BadRequestError, NotFoundError } from "@/server/errors";
import { addDatasetItems } from "@/server/datasets/datasets";
import { chatMessagesOf, conversationOf } from "@/server/review/conversation";
import { sendDriftExamplesToReview } from "@/server/review/routeFeedback";

/** The run and those of `traceIds` that are live traces of its window; any other id is refused by name. */
async function runTraces(database: Database, projectId: string, runId: string, traceIds: readonly string[]) {
  const run = await database.driftRun.findFirst({ where: { projectId, id: runId }, select: { id: true, fromTime: true, toTime: true } });
  if (!run) throw new NotFoundError(`No drift run ${runId} in this project`);
  const unique = [...new Set(traceIds)];
  const traces = await database.trace.findMany({
    where: { projectId, id: { in: unique }, startTime: { gte: run.fromTime, lt: run.toTime } },
    select: { id: true, input: true, output: true },
  });
  const found = new Set(traces.map((trace) => trace.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new BadRequestError(`Not traces of this run's window: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", ..." : ""}`, [
      { path: ["traceIds"], message: "must be traces that started in the run's window" },
    ]);
  return { run, traces };
}

/** "Send to review": the run's live traces join the review queue with the drift reason. */
export async function sendDriftRunExamplesToReview(
  database: Database,
  projectId: string,
  runId: string,
  traceIds: readonly string[],
  now: Date,
) {
  const { run, traces } = await runTraces(database, projectId, runId, traceIds);
  return sendDriftExamplesToReview(
    database,
    projectId,
    run.id,
    traces.map((trace) => ({ traceId: trace.id, input: trace.input })),
    now,
  );
}

/**
 * "Add to golden set": each trace becomes a working item of the dataset, its answer as the
 * expected one for a person to check before the next version is published. The same trace
 * added again is a duplicate.
 */
export async function addDriftRunExamplesToDataset(
  database: Database,
  projectId: string,
  runId: string,
  request: { dataset: string; traceIds: readonly string[] },
) {
  const { run, traces } = await runTraces(database, projectId, runId, request.traceIds);
  const items = traces.map((trace) => ({
    id: `drift:${trace.id}`,
    input: chatMessagesOf(trace.input),
    expectedOutput: conversationOf(trace.input, trace.output).answer,
    metadata: { driftRunId: run.id, traceId: trace.id },
  }));
  const result = await addDatasetItems(database, projectId, request.dataset, items, { source: "drift", driftRunId: run.id });
  const traceOf = (id: string | null) => (id ?? "").replace(/^drift:/, "");
  return {
    added: result.accepted.length,
    duplicates: result.duplicates.length,
    rejected: result.rejected.map((entry) => ({ traceId: traceOf(entry.id), message: entry.message })),
  };
}
