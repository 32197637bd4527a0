import { describe, expect, it } from "vitest";
import { declarationsWithJsSpecifiers, publishedEntry, publishedExports, publishedManifest } from "./publishedManifest.ts";

describe("publishedExports", () => {
  it("points every source entry at its build and declarations, and exposes package.json", () => {
    expect(publishedExports({ ".": "./src/index.ts", "./core": "./src/core/index.ts", "./x": "./src/react/X.tsx" })).toEqual({
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./core": { types: "./dist/core/index.d.ts", default: "./dist/core/index.js" },
      "./x": { types: "./dist/react/X.d.ts", default: "./dist/react/X.js" },
      "./package.json": "./package.json",
    });
  });

  it("refuses an entry that is not a TypeScript source", () => {
    expect(() => publishedEntry("./dist/index.js")).toThrow("./dist/index.js");
  });
});

describe("publishedManifest", () => {
  it("keeps the package's fields, swaps the exports and drops the repo-only scripts and dev dependencies", () => {
    const manifest = {
      name: "@liveloop/widget",
      sideEffects: false,
      exports: { "./core": "./src/core/index.ts" },
      peerDependencies: { react: "^19.0.0" },
      devDependencies: { preact: "10.29.8" },
      scripts: { prepack: "tsx scripts/buildPackage.ts --pack" },
    };
    expect(publishedManifest(manifest)).toEqual({
      name: "@liveloop/widget",
      sideEffects: false,
      exports: { "./core": { types: "./dist/core/index.d.ts", default: "./dist/core/index.js" }, "./package.json": "./package.json" },
      peerDependencies: { react: "^19.0.0" },
    });
    expect(manifest.scripts).toEqual({ prepack: "tsx scripts/buildPackage.ts --pack" });
  });
});

describe("declarationsWithJsSpecifiers", () => {
  it("rewrites relative .ts and .tsx specifiers, in from clauses and import types, and leaves packages alone", () => {
    const declarations = [
      'export * from "./react/index.ts";',
      "export { a, type B } from '../core/feedbackClient.ts';",
      'import type { ReactNode } from "react";',
      'export declare const x: import("./labels.tsx").FeedbackLabels;',
      'import * as Dialog from "@radix-ui/react-dialog";',
    ].join("\n");
    expect(declarationsWithJsSpecifiers(declarations)).toBe(
      [
        'export * from "./react/index.js";',
        "export { a, type B } from '../core/feedbackClient.js';",
        'import type { ReactNode } from "react";',
        'export declare const x: import("./labels.js").FeedbackLabels;',
        'import * as Dialog from "@radix-ui/react-dialog";',
      ].join("\n"),
    );
  });
});
