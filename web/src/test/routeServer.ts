import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import type { RouteHandler } from "@/server/api/route";

export interface RouteServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves route handlers over real HTTP on 127.0.0.1, so clients that speak a protocol
 * themselves (OpenTelemetry exporters) can be pointed at the code under test.
 */
export async function serveRoutes(routes: Record<string, RouteHandler>): Promise<RouteServer> {
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
      const handler = routes[`${incoming.method ?? "GET"} ${url.pathname}`];
      if (!handler) {
        outgoing.writeHead(404).end();
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
      const body = chunks.length > 0 ? Buffer.concat(chunks) : null;
      const request = new NextRequest(url, { method: incoming.method ?? "GET", headers, body });
      void handler(request, {}).then(async (response) => {
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      });
    });
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
