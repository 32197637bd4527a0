// Runs `prisma generate`. Generation needs no schema engine, but the CLI tries to
// download a native one unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file, and
// that download fails on offline machines. Point it at a harmless placeholder.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import process from "node:process";

const here = dirname(fileURLToPath(import.meta.url));
const placeholder = join(here, "..", "node_modules", ".cache", "schema-engine-placeholder");
if (!existsSync(placeholder)) {
  mkdirSync(dirname(placeholder), { recursive: true });
  writeFileSync(placeholder, "#!/bin/sh\necho 'schema engine is not used by generate' >&2\nexit 1\n", { mode: 0o755 });
}
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", join(here, "..", "schema.prisma")], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: placeholder, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
