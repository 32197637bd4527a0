// The package entry: the React components and hooks, plus the framework-free core.
// Non-React pages can import "@liveloop/widget/core" (no React) or load /widget.js.
export * from "./react/index.ts";
