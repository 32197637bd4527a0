import { plainSql, type Queryable } from "@/server/db/client";
import { NotFoundError } from "@/server/errors";
import { messageText, promptText } from "@/server/review/conversation";
import { answerMessage } from "@/server/datasets/datasetAnswer";

export type DatasetChangeKind = "added" | "removed" | "changed";

/** One example that differs between two sides, as it reads on the newer side (or the older one, when removed). */
export interface DatasetChange {
  externalId: string;
  change: DatasetChangeKind;
  question: string;
  expectedOutput: string;
}

export interface DatasetComparison {
  /** The older side: a published version number. */
  from: number;
  /** The newer side: a later version, or the working items the next version will hold. */
  to: number | "draft";
  added: number;
  removed: number;
  changed: number;
  /** The first differences by kind then id, at most `limit` of them. */
  items: DatasetChange[];
}

interface ChangeRow {
  externalId: string;
  change: DatasetChangeKind;
  input: unknown;
  expectedOutput: string;
  expectedToolCalls: unknown;
}

/**
 * What changed in a dataset between a published version and a later version (or the
 * working items). Items are matched by their external id, which stays the same across
 * versions; an item counts as changed when anything a training run reads differs
 * (conversation, expected or rejected answer and their tool calls, category, severity). One SQL comparison,
 * so a large dataset is never loaded into memory to count its differences.
 */
export async function compareDatasetVersions(
  database: Queryable,
  projectId: string,
  name: string,
  sides: { from: number; to: number | "draft" },
  limit = 50,
): Promise<DatasetComparison> {
  const dataset = await database.dataset.findUnique({ where: { projectId_name: { projectId, name } }, select: { id: true } });
  if (!dataset) throw new NotFoundError(`No dataset named ${name} in this project`);
  const wanted = sides.to === "draft" ? [sides.from] : [sides.from, sides.to];
  const versions = await database.datasetVersion.findMany({
    where: { datasetId: dataset.id, version: { in: wanted } },
    select: { id: true, version: true },
  });
  const idOf = (version: number) => {
    const found = versions.find((row) => row.version === version);
    if (!found) throw new NotFoundError(`Dataset ${name} has no version ${version}`);
    return found.id;
  };
  const older = `SELECT external_id, input, expected_output, expected_tool_calls, rejected_output, rejected_tool_calls, category, severity
    FROM dataset_version_items WHERE version_id = $1::uuid`;
  const newer =
    sides.to === "draft"
      ? `SELECT external_id, input, expected_output, expected_tool_calls, rejected_output, rejected_tool_calls, category, severity
         FROM dataset_items WHERE dataset_id = $2::uuid`
      : `SELECT external_id, input, expected_output, expected_tool_calls, rejected_output, rejected_tool_calls, category, severity
         FROM dataset_version_items WHERE version_id = $2::uuid`;
  const diff = `WITH a AS (${older}), b AS (${newer}), diff AS (
      SELECT COALESCE(b.external_id, a.external_id) AS "externalId",
        CASE WHEN a.external_id IS NULL THEN 'added' WHEN b.external_id IS NULL THEN 'removed' ELSE 'changed' END AS change,
        COALESCE(b.input, a.input) AS input,
        COALESCE(b.expected_output, a.expected_output) AS "expectedOutput",
        CASE WHEN b.external_id IS NULL THEN a.expected_tool_calls ELSE b.expected_tool_calls END AS "expectedToolCalls"
      FROM a FULL OUTER JOIN b ON a.external_id = b.external_id
      WHERE a.external_id IS NULL OR b.external_id IS NULL
        OR (a.input, a.expected_output, a.expected_tool_calls, a.rejected_output, a.rejected_tool_calls, a.category, a.severity)
           IS DISTINCT FROM (b.input, b.expected_output, b.expected_tool_calls, b.rejected_output, b.rejected_tool_calls, b.category, b.severity))`;
  const values = [idOf(sides.from), sides.to === "draft" ? dataset.id : idOf(sides.to)];
  const sql = plainSql(database);
  const [counts, rows] = await Promise.all([
    sql.query<{ change: DatasetChangeKind; count: number | bigint | string }>(
      `${diff} SELECT change, count(*) AS count FROM diff GROUP BY change`,
      values,
    ),
    limit > 0
      ? sql.query<ChangeRow>(
          // Kinds in reading order: what is new, what changed, what went away.
          `${diff} SELECT * FROM diff
           ORDER BY CASE change WHEN 'added' THEN 0 WHEN 'changed' THEN 1 ELSE 2 END, "externalId" LIMIT ${String(Math.floor(limit))}`,
          values,
        )
      : Promise.resolve([]),
  ]);
  const countOf = (kind: DatasetChangeKind) => Number(counts.find((row) => row.change === kind)?.count ?? 0);
  return {
    from: sides.from,
    to: sides.to,
    added: countOf("added"),
    removed: countOf("removed"),
    changed: countOf("changed"),
    items: rows.map((row) => ({
      externalId: row.externalId,
      change: row.change,
      question: promptText(row.input),
      expectedOutput: messageText(answerMessage(row.expectedOutput, row.expectedToolCalls)),
    })),
  };
}
