import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions } from "esbuild";

const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

export interface WidgetBundle {
  name: string;
  /** What the budget counts: gzip bytes of the minified bundle. */
  budgetBytes: number;
  options: BuildOptions;
}

const shared: BuildOptions = {
  bundle: true,
  minify: true,
  target: "es2020",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  write: false,
  logLevel: "silent",
};

// Budgets in kB of 1 000 bytes, gzip. Peers (react, react-dom, @radix-ui) are the host's for the library
// entries; the script-tag build carries its own renderer: Preact's React compatibility layer, a tenth of
// react-dom's size, so a page that is not a React app pays ~30 kB instead of ~90 kB.
export const widgetBundles: WidgetBundle[] = [
  {
    name: "core (@liveloop/widget/core)",
    budgetBytes: 3_000,
    options: { ...shared, entryPoints: [source("core/index.ts")], format: "esm" },
  },
  {
    name: "React entry (@liveloop/widget)",
    budgetBytes: 8_000,
    options: {
      ...shared,
      entryPoints: [source("index.ts")],
      format: "esm",
      external: ["react", "react-dom", "react/*", "react-dom/*", "@radix-ui/*"],
    },
  },
  {
    // Label sets are text: they grow with each language, so they sit apart from the React entry's budget.
    name: "locales (@liveloop/widget/locales)",
    budgetBytes: 3_000,
    options: { ...shared, entryPoints: [source("locales/index.ts")], format: "esm" },
  },
  {
    name: "script-tag build (/widget.js)",
    budgetBytes: 60_000,
    options: {
      ...shared,
      entryPoints: [source("embed/embed.tsx")],
      format: "iife",
      alias: { react: "preact/compat", "react-dom": "preact/compat", "react/jsx-runtime": "preact/jsx-runtime" },
    },
  },
];

export async function bundleBytes(bundle: WidgetBundle): Promise<Uint8Array> {
  const result = await build(bundle.options);
  const output = result.outputFiles?.[0];
  if (!output) throw new Error(`${bundle.name}: esbuild produced no output`);
  return output.contents;
}

export const gzipSize = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).byteLength;
