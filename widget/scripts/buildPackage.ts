// Builds the publishable package into dist/: one ESM file per entry of package.json's exports (shared
// code in chunks), the entries' type declarations, and "use client" on the React entry. With --pack
// (npm's prepack) it also points package.json's exports at the build until scripts/restoreManifest.ts
// (postpack) puts the repo's source exports back: the repo never needs dist, the tarball needs nothing else.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { declarationsWithJsSpecifiers, publishedEntry, publishedManifest, type SourceManifest } from "./publishedManifest.ts";
import { manifestBackup, manifestPath, restoreManifest } from "./restoreManifest.ts";

const widgetDir = fileURLToPath(new URL("..", import.meta.url));
const dist = join(widgetDir, "dist");
// Entries whose modules render React: Next's App Router may import them from a server component.
const clientEntries = new Set(["."]);

// A pack that failed before postpack left the published manifest in place: start from the repo's.
restoreManifest();
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as SourceManifest;
// ./protocol is web's import of the wire types; it is published too, as a type-only entry has no cost.
const entries = Object.entries(manifest.exports);

rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: widgetDir,
  entryPoints: entries.map(([, source]) => ({ in: source, out: publishedEntry(source).default.replace(/^\.\/dist\/|\.js$/g, "") })),
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "neutral",
  target: "es2020",
  jsx: "automatic",
  // React, React DOM, Radix and node:crypto are resolved by the host's bundler or Node, never copied in.
  packages: "external",
  logLevel: "warning",
});
for (const [subpath, source] of entries) {
  if (!clientEntries.has(subpath)) continue;
  const file = join(widgetDir, publishedEntry(source).default);
  writeFileSync(file, `"use client";\n${readFileSync(file, "utf8")}`);
}

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const declarations = spawnSync(process.execPath, [tsc, "-p", join(widgetDir, "tsconfig.build.json")], { stdio: "inherit" });
if (declarations.status !== 0) throw new Error("tsc could not write the declarations");
const declarationFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? declarationFiles(join(dir, entry.name)) : entry.name.endsWith(".d.ts") ? [join(dir, entry.name)] : [],
  );
for (const file of declarationFiles(dist)) writeFileSync(file, declarationsWithJsSpecifiers(readFileSync(file, "utf8")));
for (const [, source] of entries) {
  const { types, default: code } = publishedEntry(source);
  for (const file of [types, code]) if (!existsSync(join(widgetDir, file))) throw new Error(`the build has no ${file}`);
}

if (process.argv.includes("--pack")) {
  writeFileSync(manifestBackup, readFileSync(manifestPath, "utf8"));
  writeFileSync(manifestPath, `${JSON.stringify(publishedManifest(manifest), null, 2)}\n`);
}
