// Readers of the public data sets in the workspace's shared/data (beside the repository):
// the labelled sets and the embedder comparison are built from them, never from made-up text.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface TruthfulQaRow {
  category: string;
  question: string;
  bestAnswer: string;
  correctAnswers: string[];
  incorrectAnswers: string[];
}

export interface Gsm8kRow {
  question: string;
  answer: string;
}

/** shared/data: $LIVELOOP_SHARED_DATA, else the first `shared/data` found walking up from here. */
export const sharedDataDir = (): string => {
  const configured = process.env.LIVELOOP_SHARED_DATA;
  if (configured) return configured;
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "..", "shared", "data");
    if (existsSync(path.join(candidate, "truthfulqa.csv"))) return candidate;
    if (path.dirname(dir) === dir) throw new Error("shared/data not found: set LIVELOOP_SHARED_DATA");
  }
};

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const char = body.charAt(i);
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
};

const splitAnswers = (cell: string): string[] =>
  cell
    .split(";")
    .map((answer) => answer.trim())
    .filter((answer) => answer !== "");

export const readTruthfulQa = (dir = sharedDataDir()): TruthfulQaRow[] => {
  const [header, ...rows] = parseCsv(readFileSync(path.join(dir, "truthfulqa.csv"), "utf8"));
  const column = (name: string): number => {
    const index = header?.indexOf(name) ?? -1;
    if (index < 0) throw new Error(`truthfulqa.csv has no column ${name}`);
    return index;
  };
  const [category, question, best, correct, incorrect] = [
    "Category",
    "Question",
    "Best Answer",
    "Correct Answers",
    "Incorrect Answers",
  ].map(column);
  return rows
    .filter((row) => row.length > 1)
    .map((row) => ({
      category: row[category ?? 0] ?? "",
      question: row[question ?? 0] ?? "",
      bestAnswer: row[best ?? 0] ?? "",
      correctAnswers: splitAnswers(row[correct ?? 0] ?? ""),
      incorrectAnswers: splitAnswers(row[incorrect ?? 0] ?? ""),
    }));
};

export const readGsm8k = (dir = sharedDataDir()): Gsm8kRow[] =>
  readFileSync(path.join(dir, "gsm8k_test.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const row: unknown = JSON.parse(line);
      if (typeof row !== "object" || row === null || !("question" in row) || !("answer" in row))
        throw new Error("gsm8k_test.jsonl: a line without question and answer");
      return { question: String(row.question), answer: String(row.answer) };
    });
