import { plainSql, type Database } from "@/server/db/client";
import type { ExportQuery } from "@/contracts/datasets";
import { findDatasetVersion } from "@/server/datasets/runs/versionItems";
import { exportContentType, exportHeader, exportLine, type ExportRow } from "@/server/datasets/exportFormats";

const pageSize = 500;

export interface DatasetExport {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

/**
 * A published version of a dataset as a stream in the asked format: pages of rows are
 * read as the client takes them (keyset on position), so no export is ever held whole
 * in memory and a slow reader slows the reads.
 */
export async function exportDataset(database: Database, projectId: string, name: string, query: ExportQuery): Promise<DatasetExport> {
  const version = await findDatasetVersion(database, projectId, name, query.version);
  const encoder = new TextEncoder();
  let after = -1;
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        const header = exportHeader(query.format);
        if (header) {
          controller.enqueue(encoder.encode(header));
          return;
        }
      }
      // Plain SQL (Prisma's mapping of JSON-heavy rows costs more than the read), planned per
      // call: a generic plan does not know `position > $2` is selective and scans the version.
      const splitFilter = query.split === "all" ? "" : `AND split = '${query.split}'`;
      const rows = await plainSql(database).query<ExportRow>(
        `SELECT position, external_id AS "externalId", split, input, expected_output AS "expectedOutput", rejected_output AS "rejectedOutput",
           expected_tool_calls AS "expectedToolCalls", rejected_tool_calls AS "rejectedToolCalls", category, severity, metadata, provenance
         FROM dataset_version_items
         WHERE version_id = $1 AND position > $2 ${splitFilter}
         ORDER BY position LIMIT ${pageSize}`,
        [version.id, after],
      );
      const last = rows.at(-1);
      if (!last) {
        controller.close();
        return;
      }
      after = last.position;
      const chunk = rows.flatMap((row) => exportLine(query.format, row, version.version) ?? []).join("");
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (rows.length < pageSize) controller.close();
    },
  });
  const extension = query.format === "csv" ? "csv" : "jsonl";
  return {
    filename: `${name}-v${version.version}-${query.format}${query.split === "all" ? "" : `-${query.split}`}.${extension}`,
    contentType: exportContentType[query.format],
    body,
  };
}

export function exportResponse(result: DatasetExport): Response {
  return new Response(result.body, {
    headers: {
      "Content-Type": result.contentType,
      "Content-Disposition": `attachment; filename="${result.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
