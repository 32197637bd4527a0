// The web server `npm start` runs: Next for the console and most of the API, with the
// ingest endpoints (src/server/http/leanRoutes.ts) answered before Next's pipeline. One
// process, so the embedded PGlite, held by one process at a time, serves both.
import http from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const webDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

const app = next({ dev, dir: webDir, port });
const handleWithNext = app.getRequestHandler();
await app.prepare();
// Loaded once Next has set up its server environment (AsyncLocalStorage), which the
// modules behind these routes expect, as they would inside Next.
const { leanRoutes } = await import("../src/server/http/leanRoutes.ts");
const { handleNodeRequest } = await import("../src/server/http/nodeBridge.ts");
const { applyRequestOrigin, requestOrigin } = await import("../src/server/http/forwardedHeaders.ts");
const { env } = await import("../src/env.ts");
const { isUndecodablePath, undecodablePathHandler } = await import("../src/server/http/undecodablePath.ts");
const { closeDatabase } = await import("../src/server/db/client.ts");
const { stopProcessJobs } = await import("../src/server/jobs/processJobs.ts");
const { drainHttpServer } = await import("../src/server/http/drainHttpServer.ts");
const trustedProxyHops = env().LIVELOOP_TRUSTED_PROXY_HOPS;
// Without NEXTAUTH_URL, next-auth builds its URLs from X-Forwarded-Host/Proto, which this
// server sets itself on every request (applyRequestOrigin), so they can be trusted.
if (!env().NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = "true";

const server = http.createServer((incoming, outgoing) => {
  applyRequestOrigin(incoming, requestOrigin(incoming, trustedProxyHops));
  const path = (incoming.url ?? "/").split("?", 1)[0] ?? "/";
  const own = isUndecodablePath(path) ? { handler: undecodablePathHandler } : leanRoutes(incoming.method ?? "GET", path);
  const handled = own ? handleNodeRequest(own.handler, incoming, outgoing, own.params) : handleWithNext(incoming, outgoing);
  handled.catch((error: unknown) => {
    console.error("Request failed", error);
    if (!outgoing.headersSent) outgoing.writeHead(500).end();
  });
});
// Longer than a load balancer's idle timeout, so kept-alive connections are closed by it, not us.
server.keepAliveTimeout = 65_000;
server.listen(port, () => {
  console.log(`Liveloop is listening on http://localhost:${port}${dev ? " (development)" : ""}`);
});

const shutdownGraceMs = 15_000;
let stopping = false;
/**
 * Stops taking requests, lets the ones in flight finish, then closes Next, lets running
 * jobs finish and closes the database, so PGlite flushes and releases its directory
 * before the process ends.
 * A signal can arrive twice (from `npm start`'s script and from the process group).
 */
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  // A request that never ends must not keep the process (and the database) forever.
  setTimeout(() => {
    console.error(`Liveloop did not stop within ${shutdownGraceMs / 1000} s of ${signal}; exiting anyway`);
    process.exit(1);
  }, shutdownGraceMs).unref();
  await drainHttpServer(server);
  await app.close();
  await stopProcessJobs();
  await closeDatabase();
  console.log(`Liveloop stopped (${signal}); database closed.`);
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stop(signal).catch((error: unknown) => {
      console.error("Stopping Liveloop failed", error);
      process.exit(1);
    });
  });
}
