import type { IncomingMessage, ServerResponse } from "node:http";
import { NextRequest } from "next/server";
import type { RouteHandler } from "@/server/api/route";
import { PayloadTooLargeError } from "@/server/errors";
import { problemResponse } from "@/server/api/problem";

// No lean route takes more (trace batches stop at 5 MB); the route's own cap applies after.
const maxBufferedBytes = 8 * 1024 * 1024;

function readBody(incoming: IncomingMessage): Promise<Buffer<ArrayBuffer> | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    incoming.on("data", (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > maxBufferedBytes) {
        incoming.destroy();
        reject(new PayloadTooLargeError(maxBufferedBytes));
      } else chunks.push(chunk);
    });
    incoming.on("end", () => {
      resolve(chunks.length > 0 ? Buffer.concat(chunks) : null);
    });
    incoming.on("error", reject);
  });
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(body);
}

/**
 * Runs one route handler (the same apiRoute(...) the Next route file exports) for a plain
 * Node request: the lean ingest server's path around Next's request pipeline, and the
 * test servers'.
 */
export async function handleNodeRequest(handler: RouteHandler, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    }
    const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? "127.0.0.1"}`);
    const body = incoming.method === "GET" || incoming.method === "HEAD" ? null : await readBody(incoming);
    const request = new NextRequest(url, { method: incoming.method ?? "GET", headers, body });
    await writeResponse(await handler(request, {}), outgoing);
  } catch (error) {
    if (!(error instanceof PayloadTooLargeError)) throw error;
    if (!outgoing.headersSent) await writeResponse(problemResponse(error), outgoing);
  }
}
