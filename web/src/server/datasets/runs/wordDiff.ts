import type { DiffPart } from "@/contracts/datasetRuns";

/**
 * Cells of the longest-common-subsequence table a diff may fill (words of the output times
 * words of the expected output, after their common start and end are set aside): beyond it
 * the differing middle is shown as one deletion and one insertion instead.
 */
const maxTableCells = 4_000_000;

/** Words with the whitespace after them (and any leading whitespace alone), so joining the tokens gives the text back. */
const tokens = (text: string): string[] => text.match(/^\s+|\S+\s*/g) ?? [];

function push(parts: DiffPart[], op: DiffPart["op"], text: string): void {
  if (text === "") return;
  const last = parts.at(-1);
  if (last?.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Tokens match on their word: a word followed by a space and the same word ending the text are the same word. */
const same = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && a.trimEnd() === b.trimEnd();

/** The LCS edit script of two token lists: equal runs (as the output has them), and what only one side has. */
function lcsParts(expected: string[], output: string[], parts: DiffPart[]): void {
  const rows = expected.length;
  const columns = output.length;
  if (rows * columns > maxTableCells) {
    push(parts, "delete", expected.join(""));
    push(parts, "insert", output.join(""));
    return;
  }
  // lengths[i][j]: LCS of expected[i..] and output[j..], one flat array.
  const width = columns + 1;
  const lengths = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = columns - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = same(expected[i], output[j])
        ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
        : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (same(expected[i], output[j])) {
      push(parts, "equal", output[j] ?? "");
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      push(parts, "delete", expected[i] ?? "");
      i += 1;
    } else {
      push(parts, "insert", output[j] ?? "");
      j += 1;
    }
  }
  push(parts, "delete", expected.slice(i).join(""));
  push(parts, "insert", output.slice(j).join(""));
}

/**
 * A word diff of an output against the expected output: delete is only in the expected
 * output, insert only in the output. Empty when the two are equal.
 */
export function wordDiff(expected: string, output: string): DiffPart[] {
  if (expected === output) return [];
  const a = tokens(expected);
  const b = tokens(output);
  let start = 0;
  while (start < a.length && start < b.length && same(a[start], b[start])) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && same(a[a.length - 1 - end], b[b.length - 1 - end])) end += 1;
  const parts: DiffPart[] = [];
  push(parts, "equal", b.slice(0, start).join(""));
  lcsParts(a.slice(start, a.length - end), b.slice(start, b.length - end), parts);
  push(parts, "equal", b.slice(b.length - end).join(""));
  return parts;
}
