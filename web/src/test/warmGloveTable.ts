// Vitest global set-up: derives the GloVe table cache once before any test file runs, so
// the test files that embed with it (in parallel workers) read an 11 MB file instead of
// each parsing the 118 MB package JSON under a test's timeout on a fresh checkout.
import { loadGloveTable } from "../server/embeddings/glove/gloveTable";

export default async function warmGloveTable(): Promise<void> {
  await loadGloveTable();
}
