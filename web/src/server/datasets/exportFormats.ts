import type { ExportFormat } from "@/contracts/datasets";
import { answerInput, answerMessage } from "@/server/datasets/datasetAnswer";
import { messageText } from "@/server/review/conversation";

export interface ExportRow {
  position: number;
  externalId: string;
  split: "train" | "test";
  input: unknown;
  expectedOutput: string;
  rejectedOutput: string | null;
  /** OpenAI tool_calls of the answers (null: a text answer). */
  expectedToolCalls: unknown;
  rejectedToolCalls: unknown;
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

/** One item as a line of the format, or null when the format has nothing for it (dpo without a rejected answer). */
export function exportLine(format: ExportFormat, row: ExportRow, version: number): string | null {
  const expected = answerMessage(row.expectedOutput, row.expectedToolCalls);
  const rejected = row.rejectedOutput === null ? null : answerMessage(row.rejectedOutput, row.rejectedToolCalls);
  switch (format) {
    case "openai":
      // OpenAI chat fine-tuning: the conversation, ending with the answer to learn (its tool_calls included).
      return `${JSON.stringify({ messages: [...(row.input as unknown[]), expected] })}\n`;
    case "dpo":
      // TRL's conversational preference format.
      return rejected === null ? null : `${JSON.stringify({ prompt: row.input, chosen: [expected], rejected: [rejected] })}\n`;
    case "jsonl":
      // Answers in the shape the items API takes, so an export imports back as it was.
      return `${JSON.stringify({
        id: row.externalId,
        version,
        split: row.split,
        input: row.input,
        expectedOutput: answerInput(row.expectedOutput, row.expectedToolCalls),
        rejectedOutput: row.rejectedOutput === null ? null : answerInput(row.rejectedOutput, row.rejectedToolCalls),
        category: row.category,
        severity: row.severity,
        metadata: row.metadata,
        provenance: row.provenance,
      })}\n`;
    case "csv":
      // Answers as a person reads them in a spreadsheet: text, then each tool call as name(arguments).
      return `${[
        row.externalId,
        row.split,
        JSON.stringify(row.input),
        messageText(expected),
        rejected === null ? "" : messageText(rejected),
        row.category ?? "",
        row.severity ?? "",
        row.metadata === null ? "" : JSON.stringify(row.metadata),
        row.provenance === null ? "" : JSON.stringify(row.provenance),
      ]
        .map(csvCell)
        .join(",")}\r\n`;
  }
}
