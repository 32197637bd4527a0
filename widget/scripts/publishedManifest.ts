// What the published package.json says, derived from the one in the repo. Inside the repo the exports
// point at the TypeScript sources (web, vitest, tsc and tsx read them with no build step); the tarball
// points the same entries at the build, so the two can never list different entries.

export interface PublishedEntry {
  types: string;
  default: string;
}

/** "./src/core/index.ts" -> the built "./dist/core/index.js" and its "./dist/core/index.d.ts". */
export function publishedEntry(source: string): PublishedEntry {
  const match = /^\.\/src\/(.+)\.tsx?$/.exec(source);
  if (!match?.[1]) throw new Error(`export ${source} is not a TypeScript source under ./src`);
  return { types: `./dist/${match[1]}.d.ts`, default: `./dist/${match[1]}.js` };
}

/** The exports of the tarball: each source entry as built ESM with its declarations, plus package.json itself. */
export function publishedExports(sourceExports: Record<string, string>): Record<string, PublishedEntry | string> {
  const entries = Object.entries(sourceExports).map(([subpath, source]) => [subpath, publishedEntry(source)] as const);
  return { ...Object.fromEntries(entries), "./package.json": "./package.json" };
}

export interface SourceManifest {
  exports: Record<string, string>;
  [field: string]: unknown;
}

/** The tarball's package.json: exports at the build; no scripts (they build from sources it does not carry), no dev dependencies. */
export function publishedManifest(manifest: SourceManifest): Record<string, unknown> {
  const published: Record<string, unknown> = { ...manifest, exports: publishedExports(manifest.exports) };
  delete published.scripts;
  delete published.devDependencies;
  return published;
}

/**
 * tsc keeps the sources' `./x.ts` specifiers in declarations (the repo imports with extensions); a
 * consumer's TypeScript finds `x.d.ts` from `./x.js` under every module resolution (bundler, node16,
 * nodenext), so relative specifiers are rewritten to `.js`.
 */
export function declarationsWithJsSpecifiers(declarations: string): string {
  return declarations.replace(/((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']+)\.tsx?(["'])/g, "$1$2.js$3");
}
