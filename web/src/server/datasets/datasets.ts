import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Database, Queryable } from "@/server/db/client";
import type { BatchResult } from "@/contracts/batch";
import { datasetItemInputSchema } from "@/contracts/datasets";
import type { AssistantMessage, ChatMessage } from "@/contracts/chatMessage";
import { validateBatchItems } from "@/server/api/batchValidation";
import { NotFoundError } from "@/server/errors";
import { splitOf } from "@/server/datasets/datasetSplit";
import { answerMessage, storedAnswer, type StoredAnswer } from "@/server/datasets/datasetAnswer";
import { messageText, promptText } from "@/server/review/conversation";

export const defaultDatasetName = "golden";

/** The dataset's id, creating it on first use (adding items to a new name makes the dataset). */
export async function ensureDataset(database: Queryable, projectId: string, name: string): Promise<string> {
  const dataset = await database.dataset.upsert({
    where: { projectId_name: { projectId, name } },
    create: { projectId, name },
    update: {},
    select: { id: true },
  });
  return dataset.id;
}

async function datasetId(database: Queryable, projectId: string, name: string): Promise<string> {
  const dataset = await database.dataset.findUnique({ where: { projectId_name: { projectId, name } }, select: { id: true } });
  if (!dataset) throw new NotFoundError(`No dataset named ${name} in this project`);
  return dataset.id;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;
/** A nullable JSON column: SQL NULL for null (Prisma takes undefined for "leave it NULL" on create). */
const jsonOrDbNull = (value: unknown) => (value === null || value === undefined ? Prisma.DbNull : json(value));

/** The answer columns of an item: text, and tool calls beside it. */
function answerColumns(expected: StoredAnswer, rejected: StoredAnswer | null) {
  return {
    expectedOutput: expected.text,
    expectedToolCalls: jsonOrDbNull(expected.toolCalls),
    rejectedOutput: rejected?.text ?? null,
    rejectedToolCalls: jsonOrDbNull(rejected?.toolCalls ?? null),
  };
}

/**
 * Imports items (an existing test suite, say): each checked alone; an id sent before is a
 * duplicate. `provenance` says where they came from (the API, a drift run).
 */
export async function addDatasetItems(
  database: Database,
  projectId: string,
  name: string,
  rawItems: unknown[],
  provenance: Record<string, unknown> = { source: "api" },
): Promise<BatchResult> {
  const { valid, rejected } = validateBatchItems(rawItems, datasetItemInputSchema, "item");
  if (valid.length === 0) return { accepted: [], duplicates: [], rejected };
  const rows = valid.map(({ item }) => ({ ...item, externalId: item.id ?? randomUUID() }));
  const created = await database.$transaction(async (tx) => {
    const id = await ensureDataset(tx, projectId, name);
    return tx.datasetItem.createManyAndReturn({
      data: rows.map((row) => ({
        projectId,
        datasetId: id,
        externalId: row.externalId,
        input: json(row.input),
        ...answerColumns(storedAnswer(row.expectedOutput), row.rejectedOutput === undefined ? null : storedAnswer(row.rejectedOutput)),
        category: row.category ?? null,
        severity: row.severity ?? null,
        metadata: row.metadata === undefined ? undefined : json(row.metadata),
        provenance: json(provenance),
      })),
      skipDuplicates: true,
      select: { externalId: true },
    });
  });
  const stored = new Set(created.map((row) => row.externalId));
  return {
    accepted: rows.filter((row) => stored.has(row.externalId)).map((row) => row.externalId),
    duplicates: rows.filter((row) => !stored.has(row.externalId)).map((row) => row.externalId),
    rejected,
  };
}

export interface ReviewedExample {
  reviewItemId: string;
  input: ChatMessage[];
  expectedOutput: AssistantMessage;
  rejectedOutput: AssistantMessage | null;
  /** Null for a good example: there was no failure to name. */
  category: string | null;
  severity: string;
  provenance: Record<string, unknown>;
}

/** Puts a reviewed trace into a dataset; annotating the same item again updates its example. */
export async function addReviewedExample(tx: Queryable, projectId: string, name: string, example: ReviewedExample): Promise<void> {
  const id = await ensureDataset(tx, projectId, name);
  const fields = {
    input: json(example.input),
    ...answerColumns(storedAnswer(example.expectedOutput), example.rejectedOutput && storedAnswer(example.rejectedOutput)),
    category: example.category,
    severity: example.severity,
    provenance: json(example.provenance),
  };
  await tx.datasetItem.upsert({
    where: { datasetId_externalId: { datasetId: id, externalId: example.reviewItemId } },
    create: { projectId, datasetId: id, externalId: example.reviewItemId, ...fields },
    update: fields,
  });
}

/**
 * Publishes the dataset's current items as the next numbered version: a copy of every
 * item with its split, which later edits never touch.
 */
export async function publishDatasetVersion(
  database: Database,
  projectId: string,
  name: string,
  options: { testRatio?: number | undefined } = {},
): Promise<{ version: number; itemCount: number }> {
  const published = await database.$transaction(
    async (tx) => {
      const id = await datasetId(tx, projectId, name);
      // One publisher at a time per dataset, so version numbers never collide.
      await tx.$executeRaw`SELECT id FROM datasets WHERE id = ${id}::uuid FOR UPDATE`;
      const dataset =
        options.testRatio === undefined
          ? await tx.dataset.findUniqueOrThrow({ where: { id }, select: { testRatio: true } })
          : await tx.dataset.update({ where: { id }, data: { testRatio: options.testRatio }, select: { testRatio: true } });
      const latest = await tx.datasetVersion.aggregate({ where: { datasetId: id }, _max: { version: true } });
      const version = (latest._max.version ?? 0) + 1;
      const items = await tx.datasetItem.findMany({
        where: { datasetId: id },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        omit: { projectId: true, datasetId: true, createdAt: true, updatedAt: true },
      });
      const created = await tx.datasetVersion.create({
        data: { projectId, datasetId: id, version, itemCount: items.length, testRatio: dataset.testRatio },
        select: { id: true },
      });
      for (let i = 0; i < items.length; i += 1_000) {
        await tx.datasetVersionItem.createMany({
          data: items
            .slice(i, i + 1_000)
            .map(({ id: itemId, input, metadata, provenance, expectedToolCalls, rejectedToolCalls, ...item }, offset) => ({
              ...item,
              expectedToolCalls: jsonOrDbNull(expectedToolCalls),
              rejectedToolCalls: jsonOrDbNull(rejectedToolCalls),
              projectId,
              versionId: created.id,
              position: i + offset,
              itemId,
              split: splitOf(itemId, dataset.testRatio),
              input: json(input),
              metadata: metadata === null ? undefined : json(metadata),
              provenance: provenance === null ? undefined : json(provenance),
            })),
        });
      }
      return { version, itemCount: items.length };
    },
    { timeout: 120_000 },
  );
  // Exports page through a version by position; until the planner has statistics that
  // include a big new version it may scan the whole table per page (15x slower, measured).
  if (published.itemCount >= 1_000) await database.$executeRaw`ANALYZE dataset_version_items`;
  return published;
}

export interface DatasetSummary {
  name: string;
  itemCount: number;
  versions: { version: number; itemCount: number; createdAt: string }[];
}

export async function listDatasets(database: Queryable, projectId: string): Promise<DatasetSummary[]> {
  const datasets = await database.dataset.findMany({
    where: { projectId },
    orderBy: { name: "asc" },
    select: {
      name: true,
      _count: { select: { items: true } },
      versions: { orderBy: { version: "desc" }, select: { version: true, itemCount: true, createdAt: true } },
    },
  });
  return datasets.map((dataset) => ({
    name: dataset.name,
    itemCount: dataset._count.items,
    versions: dataset.versions.map((version) => ({ ...version, createdAt: version.createdAt.toISOString() })),
  }));
}

export interface DatasetItemSummary {
  id: string;
  externalId: string;
  question: string;
  expectedOutput: string;
  rejectedOutput: string | null;
  category: string | null;
  createdAt: string;
}

/** A dataset's working items, newest first, for the console to inspect before publishing. */
export async function listDatasetItems(database: Queryable, projectId: string, name: string, limit = 50): Promise<DatasetItemSummary[]> {
  const id = await datasetId(database, projectId, name);
  const rows = await database.datasetItem.findMany({
    where: { datasetId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      externalId: true,
      input: true,
      expectedOutput: true,
      expectedToolCalls: true,
      rejectedOutput: true,
      rejectedToolCalls: true,
      category: true,
      createdAt: true,
    },
  });
  return rows.map(({ input, createdAt, expectedOutput, expectedToolCalls, rejectedOutput, rejectedToolCalls, ...row }) => ({
    ...row,
    question: promptText(input),
    // Answers that call tools read as name(arguments) lines.
    expectedOutput: messageText(answerMessage(expectedOutput, expectedToolCalls)),
    rejectedOutput: rejectedOutput === null ? null : messageText(answerMessage(rejectedOutput, rejectedToolCalls)),
    createdAt: createdAt.toISOString(),
  }));
}

/** Takes an item out of the working set; published versions keep their copy. */
export async function removeDatasetItem(database: Queryable, projectId: string, name: string, itemId: string): Promise<void> {
  const id = await datasetId(database, projectId, name);
  const removed = await database.datasetItem.deleteMany({ where: { id: itemId, datasetId: id, projectId } });
  if (removed.count === 0) throw new NotFoundError(`No item ${itemId} in dataset ${name}`);
}
