// `npm test` step: every widget entry within its gzip budget, and the stylesheet scoped.
import { bundleBytes, gzipSize, widgetBundles } from "./bundles.ts";
import { unscopedSelectors } from "./scopedCss.ts";
import { widgetStyles } from "../src/react/styles.ts";

// --json prints the sizes for `npm run bench` instead of the check's report.
const asJson = process.argv.includes("--json");
let failed = 0;
const sizes: { name: string; gzipBytes: number; budgetBytes: number }[] = [];
for (const bundle of widgetBundles) {
  const size = gzipSize(await bundleBytes(bundle));
  const ok = size <= bundle.budgetBytes;
  if (!ok) failed++;
  sizes.push({ name: bundle.name, gzipBytes: size, budgetBytes: bundle.budgetBytes });
  if (!asJson)
    console.log(`${ok ? "ok  " : "FAIL"} ${bundle.name}: ${(size / 1000).toFixed(2)} kB gzip (budget ${bundle.budgetBytes / 1000} kB)`);
}
if (asJson) {
  console.log(JSON.stringify(sizes));
  process.exit(0);
}
const unscoped = unscopedSelectors(widgetStyles);
if (unscoped.length > 0) {
  failed++;
  console.log(`FAIL stylesheet: selectors outside [data-liveloop]: ${unscoped.join(", ")}`);
} else {
  console.log("ok   stylesheet: every selector scoped under [data-liveloop]");
}
process.exit(failed > 0 ? 1 : 0);
