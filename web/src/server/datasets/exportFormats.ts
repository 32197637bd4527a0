import type { ExportFormat } from "@/contracts/datasets";

export interface ExportRow {
  position: number;
  externalId: string;
  split: "train" | "test";
  input: unknown;
  expectedOutput: string;
  rejectedOutput: string | null;
  category: string | null;
  severity: string | null;
  metadata: unknown;
  provenance: unknown;
}

// Spreadsheets skip leading spaces (and other blanks) before deciding a cell is a
// formula, so " =1+1" runs as one: look past them. \s covers tab and CR as well.
const formulaStart = /^\s*[=+\-@]|^[\t\r]/;

/**
 * A CSV cell (RFC 4180: quoted when it holds a comma, quote or line break, quotes
 * doubled). Cells a spreadsheet would read as a formula (=, +, -, @ first, after any
 * leading whitespace; or starting with a tab or carriage return) get a leading
 * apostrophe, as OWASP recommends against CSV injection.
 */
export function csvCell(value: string): string {
  const neutralised = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(neutralised) ? `"${neutralised.replace(/"/g, '""')}"` : neutralised;
}

const csvColumns = ["id", "split", "input", "expected_output", "rejected_output", "category", "severity", "metadata", "provenance"];

export const exportContentType: Record<ExportFormat, string> = {
  openai: "application/x-ndjson",
  dpo: "application/x-ndjson",
  jsonl: "application/x-ndjson",
  csv: "text/csv; charset=utf-8",
};

/** The header line of a format, if it has one. */
export function exportHeader(format: ExportFormat): string {
  return format === "csv" ? `${csvColumns.join(",")}\r\n` : "";
}

const assistant = (content: string) => ({ role: "assistant", content });

/** One item as a line of the format, or null when the format has nothing for it (dpo without a rejected answer). */
export function exportLine(format: ExportFormat, row: ExportRow, version: number): string | null {
  switch (format) {
    case "openai":
      // OpenAI chat fine-tuning: the conversation, ending with the answer to learn.
      return `${JSON.stringify({ messages: [...(row.input as unknown[]), assistant(row.expectedOutput)] })}\n`;
    case "dpo":
      // TRL's conversational preference format.
      return row.rejectedOutput === null
        ? null
        : `${JSON.stringify({ prompt: row.input, chosen: [assistant(row.expectedOutput)], rejected: [assistant(row.rejectedOutput)] })}\n`;
    case "jsonl":
      return `${JSON.stringify({
        id: row.externalId,
        version,
        split: row.split,
        input: row.input,
        expectedOutput: row.expectedOutput,
        rejectedOutput: row.rejectedOutput,
        category: row.category,
        severity: row.severity,
        metadata: row.metadata,
        provenance: row.provenance,
      })}\n`;
    case "csv":
      return `${[
        row.externalId,
        row.split,
        JSON.stringify(row.input),
        row.expectedOutput,
        row.rejectedOutput ?? "",
        row.category ?? "",
        row.severity ?? "",
        row.metadata === null ? "" : JSON.stringify(row.metadata),
        row.provenance === null ? "" : JSON.stringify(row.provenance),
      ]
        .map(csvCell)
        .join(",")}\r\n`;
  }
}
