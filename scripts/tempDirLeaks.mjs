// Runs a suite with a TMPDIR of its own and lists the `liveloop-*` entries it leaves there.
// Its own directory, not the system's: other runs on the same machine share that one, so
// counting there would blame this run for their folders (and theirs for ours).
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * `run` receives the environment to add (`TMPDIR`) and returns its exit status.
 * Returns that status and the sorted names of the `liveloop-*` entries left behind.
 */
export function runWithPrivateTmpdir(run) {
  const dir = mkdtempSync(join(tmpdir(), "liveloop-npm-test-"));
  // As open as /tmp itself: a throw-away PostgreSQL cluster runs as the postgres user in there.
  chmodSync(dir, 0o1777);
  try {
    const status = run({ TMPDIR: dir });
    const leftovers = readdirSync(dir)
      .filter((name) => name.startsWith("liveloop-"))
      .sort();
    return { status, leftovers };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
