import type { Database, Queryable } from "@/server/db/client";
import type { ChatMessage } from "@/contracts/chatMessage";
import type { DatasetVersionItems } from "@/contracts/datasetRuns";
import { NotFoundError } from "@/server/errors";
import { answerInput, answerMessage } from "@/server/datasets/datasetAnswer";
import { messageText } from "@/server/review/conversation";

/** A published version of a named dataset, by number or the latest; 404 naming what is missing. */
export async function findDatasetVersion(
  database: Queryable,
  projectId: string,
  name: string,
  version: number | "latest",
): Promise<{ datasetId: string; id: string; version: number; itemCount: number }> {
  const dataset = await database.dataset.findUnique({ where: { projectId_name: { projectId, name } }, select: { id: true } });
  if (!dataset) throw new NotFoundError(`No dataset named ${name} in this project`);
  const found = await database.datasetVersion.findFirst({
    where: { datasetId: dataset.id, ...(version === "latest" ? {} : { version }) },
    orderBy: { version: "desc" },
    select: { id: true, version: true, itemCount: true },
  });
  if (!found) {
    throw new NotFoundError(
      version === "latest" ? `Dataset ${name} has no published version yet` : `Dataset ${name} has no version ${version}`,
    );
  }
  return { datasetId: dataset.id, ...found };
}

/** The expected answer as the text an output is compared with (tool calls written out). */
export const expectedText = (text: string, toolCalls: unknown): string => messageText(answerMessage(text, toolCalls));

/** One page of a version's items in the shape a regression runner sends and checks. */
export async function listVersionItems(
  database: Database,
  projectId: string,
  name: string,
  version: number | "latest",
  page: { cursor?: number | undefined; limit: number },
): Promise<DatasetVersionItems> {
  const found = await findDatasetVersion(database, projectId, name, version);
  const rows = await database.datasetVersionItem.findMany({
    where: { versionId: found.id, position: { gt: page.cursor ?? -1 } },
    orderBy: { position: "asc" },
    take: page.limit,
    select: {
      position: true,
      itemId: true,
      externalId: true,
      split: true,
      input: true,
      expectedOutput: true,
      expectedToolCalls: true,
      category: true,
      severity: true,
      metadata: true,
    },
  });
  const last = rows.at(-1);
  return {
    dataset: name,
    version: found.version,
    itemCount: found.itemCount,
    items: rows.map((row) => ({
      itemId: row.itemId,
      externalId: row.externalId,
      split: row.split,
      input: row.input as ChatMessage[],
      expectedOutput: answerInput(row.expectedOutput, row.expectedToolCalls),
      category: row.category,
      severity: row.severity,
      metadata: (row.metadata ?? null) as Record<string, unknown> | null,
    })),
    nextCursor: last && rows.length === page.limit ? last.position : null,
  };
}
