import type { z } from "zod";
import type { Database } from "@/server/db/client";
import type { BatchResult } from "@/contracts/batch";
import { datasetRunOutputSchema, type datasetRunEnvelopeSchema } from "@/contracts/datasetRuns";
import { validateBatchItems, type Rejection } from "@/server/api/batchValidation";
import { ConflictError } from "@/server/errors";
import { createConcurrencyLimit } from "@/server/evaluation/judge/concurrencyLimit";
import { promptText } from "@/server/review/conversation";
import { datasetWithAssertions } from "@/server/datasets/runs/datasetAssertionSettings";
import { checkRunOutput, type RunCheckDependencies } from "@/server/datasets/runs/checkRunOutput";
import { expectedText, findDatasetVersion } from "@/server/datasets/runs/versionItems";
import { loadRunScorer, scoreRunOutput, type RunScoringDependencies } from "@/server/datasets/runs/scoreRunOutput";

type RunEnvelope = z.infer<typeof datasetRunEnvelopeSchema>;

/** Outputs checked at once: similarity is CPU work, a judge is a remote call with its own limit. */
const checksInFlight = 8;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const labelFields = ["release", "model", "promptVersion"] as const;

/** A later upload to a run must be about the same candidate: same version, and the labels of the first upload (or none). */
function checkSameRun(
  run: { versionId: string; release: string | null; model: string | null; promptVersion: string | null },
  envelope: RunEnvelope,
  versionId: string,
): void {
  if (run.versionId !== versionId) {
    throw new ConflictError(`Run ${envelope.name} answers another version of the dataset; name a new run for version ${envelope.version}`);
  }
  for (const field of labelFields) {
    const sent = envelope[field];
    if (sent !== undefined && run[field] !== sent) {
      throw new ConflictError(
        `Run ${envelope.name} has ${field} ${JSON.stringify(run[field])}, not ${JSON.stringify(sent)}; name a new run`,
      );
    }
  }
}

/**
 * Adds a candidate's outputs to a named run of one published version, checking each
 * against the dataset's assertions after the project's enabled built-in evaluators scored
 * it (score assertions read those scores; the report shows them either way). Uploads to
 * the same name append (a CI job may send in batches, and resend after a failure): an
 * item already stored with the same output is a
 * duplicate and changes nothing; with a different output it is refused (409), since a
 * report whose items change under it could not be trusted. `itemId` is the version item's
 * id or, failing that, its externalId; anything else is refused (404) alone.
 */
export async function uploadRunOutputs(
  database: Database,
  projectId: string,
  name: string,
  envelope: RunEnvelope,
  now: Date,
  dependencies: RunCheckDependencies,
  scoring: RunScoringDependencies,
): Promise<BatchResult> {
  const version = await findDatasetVersion(database, projectId, name, envelope.version);
  const { assertions } = await datasetWithAssertions(database, projectId, name);
  const existingRun = await database.datasetRun.findUnique({
    where: { datasetId_name: { datasetId: version.datasetId, name: envelope.name } },
  });
  if (existingRun) checkSameRun(existingRun, envelope, version.id);

  const { valid, rejected } = validateBatchItems(envelope.outputs, datasetRunOutputSchema, "output", "itemId");
  const sentIds = [...new Set(valid.map(({ item }) => item.itemId))];
  const versionItems = await database.datasetVersionItem.findMany({
    where: {
      versionId: version.id,
      OR: [{ itemId: { in: sentIds.filter((id) => uuidPattern.test(id)) } }, { externalId: { in: sentIds } }],
    },
    select: { position: true, itemId: true, externalId: true, input: true, expectedOutput: true, expectedToolCalls: true },
  });
  const byItemId = new Map(versionItems.map((item) => [item.itemId, item]));
  const byExternalId = new Map(versionItems.map((item) => [item.externalId, item]));
  const stored = existingRun
    ? await database.datasetRunItem.findMany({
        where: { runId: existingRun.id, itemId: { in: versionItems.map((item) => item.itemId) } },
        select: { itemId: true, output: true },
      })
    : [];
  const storedOutputs = new Map(stored.map((item) => [item.itemId, item.output]));

  const duplicates: string[] = [];
  const refused: Rejection[] = [...rejected];
  const toCheck: { sentId: string; output: string; item: (typeof versionItems)[number] }[] = [];
  for (const { index, item: sent } of valid) {
    const item = byItemId.get(sent.itemId) ?? byExternalId.get(sent.itemId);
    if (!item) {
      refused.push({ id: sent.itemId, index, status: 404, message: `${sent.itemId} is not an item of version ${version.version}` });
      continue;
    }
    const earlier = storedOutputs.get(item.itemId);
    if (earlier === undefined) {
      storedOutputs.set(item.itemId, sent.output);
      toCheck.push({ sentId: sent.itemId, output: sent.output, item });
    } else if (earlier === sent.output) {
      duplicates.push(sent.itemId);
    } else {
      refused.push({
        id: sent.itemId,
        index,
        status: 409,
        message: `run ${envelope.name} already has a different output for ${sent.itemId}`,
      });
    }
  }
  refused.sort((a, b) => a.index - b.index);
  if (toCheck.length === 0) return { accepted: [], duplicates, rejected: refused };

  const scorer = await loadRunScorer(database, projectId, scoring);
  const limit = createConcurrencyLimit(checksInFlight);
  const checked = await Promise.all(
    toCheck.map((entry) =>
      limit(async () => {
        const subject = {
          question: promptText(entry.item.input),
          expected: expectedText(entry.item.expectedOutput, entry.item.expectedToolCalls),
        };
        // A run output has no retrieval spans: faithfulness has nothing to check against.
        const scores = await scoreRunOutput(scorer, {
          input: subject.question,
          output: entry.output,
          contexts: [],
          expected: subject.expected,
        });
        const verdict = await checkRunOutput(entry.output, subject, assertions, dependencies, { scores, scoreNames: scorer.scoreNames });
        return { ...entry, ...verdict, scores };
      }),
    ),
  );

  const created = await database.$transaction(async (tx) => {
    const labels = { release: envelope.release ?? null, model: envelope.model ?? null, promptVersion: envelope.promptVersion ?? null };
    const run = await tx.datasetRun.upsert({
      where: { datasetId_name: { datasetId: version.datasetId, name: envelope.name } },
      create: {
        projectId,
        datasetId: version.datasetId,
        versionId: version.id,
        name: envelope.name,
        ...labels,
        createdAt: now,
        updatedAt: now,
      },
      update: { updatedAt: now },
      select: { id: true, versionId: true },
    });
    // Between the check above and here another upload may have created the run for another version.
    if (run.versionId !== version.id) throw new ConflictError(`Run ${envelope.name} answers another version of the dataset`);
    return tx.datasetRunItem.createManyAndReturn({
      data: checked.map((entry) => ({
        projectId,
        runId: run.id,
        itemId: entry.item.itemId,
        position: entry.item.position,
        output: entry.output,
        status: entry.status,
        assertions: entry.assertions,
        scores: entry.scores,
        createdAt: now,
      })),
      // A concurrent upload of the same item stored it first: this one is then a duplicate.
      skipDuplicates: true,
      select: { itemId: true },
    });
  });
  const createdIds = new Set(created.map((row) => row.itemId));
  return {
    accepted: checked.filter((entry) => createdIds.has(entry.item.itemId)).map((entry) => entry.sentId),
    duplicates: [...duplicates, ...checked.filter((entry) => !createdIds.has(entry.item.itemId)).map((entry) => entry.sentId)],
    rejected: refused,
  };
}
