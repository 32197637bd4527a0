// npm's postpack: puts back the package.json that scripts/buildPackage.ts --pack set aside, and drops
// the build (inside the repo the widget is read from its sources).
import { existsSync, renameSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const manifestPath = fileURLToPath(new URL("../package.json", import.meta.url));
export const manifestBackup = fileURLToPath(new URL("../.package.json.before-pack", import.meta.url));

/** Restores the repo's package.json if a pack set it aside; true when it did. */
export function restoreManifest(): boolean {
  if (!existsSync(manifestBackup)) return false;
  renameSync(manifestBackup, manifestPath);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  restoreManifest();
  rmSync(fileURLToPath(new URL("../dist", import.meta.url)), { recursive: true, force: true });
}
