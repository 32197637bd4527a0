import { answersPreflights, endpoints } from "@/server/api/endpoints";

/** The routes under app/api that are not in the registry, each for a reason of its own. */
export const unregisteredRouteFiles = [
  "auth/[...nextauth]/route.ts", // next-auth's own sign-in, sign-out and session endpoints
  "bench/bare/route.ts", // the no-wrapper baseline of the wrapper-overhead benchmark (404 unless enabled)
];

/** `/api/v1/traces/{id}` -> `v1/traces/[id]/route.ts`, relative to app/api. */
export function routeFileOf(path: string): string {
  return `${path.replace(/^\/api\//, "").replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
}

/**
 * Every route file under app/api that the registry makes, with its source: Next finds
 * endpoints by file, so each path keeps a file, but all it says is which path it serves.
 * `npm run routes -w @liveloop/web` writes them; a test fails when one is stale.
 */
export function generatedRouteFiles(): Map<string, string> {
  const methodsByPath = new Map<string, string[]>();
  for (const declared of endpoints) {
    for (const path of declared.paths) methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), declared.method]);
  }
  const files = new Map<string, string>();
  for (const [path, methods] of methodsByPath) {
    const preflight = answersPreflights(path);
    const lines = [
      "// Made by `npm run routes -w @liveloop/web` from the endpoint list (server/api/endpoints.ts): edit that, not this.",
      `import { ${preflight ? "preflightHandler, routeHandlers" : "routeHandlers"} } from "@/server/api/endpoints";`,
      "",
      // API answers depend on the request and the database: never prerendered or cached.
      'export const dynamic = "force-dynamic";',
      `export const { ${methods.join(", ")} } = routeHandlers(${JSON.stringify(path)});`,
      ...(preflight ? [`export const OPTIONS = preflightHandler(${JSON.stringify(path)});`] : []),
      "",
    ];
    files.set(routeFileOf(path), lines.join("\n"));
  }
  return files;
}
