// Writes the script-tag build to the path given (the app serves it as /widget.js).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { bundleBytes, widgetBundles } from "./bundles.ts";

const out = process.argv[2];
if (!out) throw new Error("usage: buildEmbed.ts <output file>");
const embed = widgetBundles.find((bundle) => bundle.name.startsWith("script-tag"));
if (!embed) throw new Error("no script-tag bundle is defined");
mkdirSync(dirname(resolve(out)), { recursive: true });
writeFileSync(out, await bundleBytes(embed));
