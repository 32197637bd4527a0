import type { RouteHandler } from "@/server/api/route";

export interface RouteMatch {
  handler: RouteHandler;
  /** The path parameters, for a templated path; none for a literal one. */
  params?: Record<string, string>;
}

/** Finds the handler for `METHOD path`; null when none serves it. */
export type RouteMatcher = (method: string, path: string) => RouteMatch | null;

/**
 * Routes keyed `METHOD path`, where a path may name parameters as the endpoint registry does
 * (`GET /api/v1/rollouts/{key}/assign`): literal keys by one map lookup, templated ones by
 * their pattern, each parameter one decoded path segment. A segment that does not decode
 * matches nothing (the caller answers it, as Next would, with its own 400 or 404).
 */
export function routeMatcher(routes: Iterable<readonly [string, RouteHandler]>): RouteMatcher {
  const literal = new Map<string, RouteHandler>();
  const templated: { regex: RegExp; names: string[]; handler: RouteHandler }[] = [];
  for (const [key, handler] of routes) {
    const names: string[] = [];
    const pattern = key.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    if (names.length === 0) literal.set(key, handler);
    else templated.push({ regex: new RegExp(`^${pattern}$`), names, handler });
  }
  return (method, path) => {
    const key = `${method} ${path}`;
    const exact = literal.get(key);
    if (exact) return { handler: exact };
    for (const { regex, names, handler } of templated) {
      const found = regex.exec(key);
      if (!found) continue;
      try {
        return { handler, params: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1] ?? "")])) };
      } catch {
        return null;
      }
    }
    return null;
  };
}
