// `npm run routes -w @liveloop/web`: writes the route files under src/app/api from the
// endpoint list and removes the ones no endpoint needs any more.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { generatedRouteFiles, unregisteredRouteFiles } from "../src/server/api/routeFiles.ts";

const apiDir = fileURLToPath(new URL("../src/app/api", import.meta.url));

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? routeFiles(path) : name === "route.ts" ? [relative(apiDir, path).split(sep).join("/")] : [];
  });
}

const wanted = generatedRouteFiles();
for (const file of routeFiles(apiDir)) {
  if (!wanted.has(file) && !unregisteredRouteFiles.includes(file)) {
    rmSync(join(apiDir, file));
    console.log(`removed ${file}`);
  }
}
for (const [file, source] of wanted) {
  mkdirSync(dirname(join(apiDir, file)), { recursive: true });
  writeFileSync(join(apiDir, file), source);
}
console.log(`${wanted.size} route files written`);
