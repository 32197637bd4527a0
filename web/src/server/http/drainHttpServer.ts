import type { Server } from "node:http";

/**
 * Stops taking connections and resolves once the requests in flight have been answered.
 * `server.close()` ends only the connections idle at that moment; one whose response is
 * still being written turns idle later and would otherwise stay open for the client's
 * keep-alive (65 s with ours, which clients honour), so idle ones are swept until none is left.
 */
export function drainHttpServer(server: Server, sweepEveryMs = 100): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const sweep = setInterval(() => {
      server.closeIdleConnections();
    }, sweepEveryMs);
    server.close((error) => {
      clearInterval(sweep);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
