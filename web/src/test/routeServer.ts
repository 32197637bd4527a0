import http from "node:http";
import type { AddressInfo } from "node:net";
import type { RouteHandler } from "@/server/api/route";
import { handleNodeRequest } from "@/server/http/nodeBridge";
import { routeMatcher } from "@/server/http/routeTemplates";

export interface RouteServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves route handlers over real HTTP on 127.0.0.1, the way the lean ingest server does,
 * so clients that speak a protocol themselves (OpenTelemetry exporters, the widget) can
 * be pointed at the code under test.
 */
export async function serveRoutes(routes: Record<string, RouteHandler>): Promise<RouteServer> {
  // Keys may name path parameters as the endpoint registry does: "GET /api/v1/datasets/{name}/runs/{run}".
  const match = routeMatcher(Object.entries(routes));
  const server = http.createServer((incoming, outgoing) => {
    const path = new URL(incoming.url ?? "/", "http://127.0.0.1").pathname;
    const found = match(incoming.method ?? "GET", path);
    if (found) void handleNodeRequest(found.handler, incoming, outgoing, found.params);
    else outgoing.writeHead(404).end();
  });
  await new Promise<void>((resolve) => {
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
