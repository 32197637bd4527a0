import type { IncomingMessage, ServerResponse } from "node:http";
import { NextRequest } from "next/server";
import type { RouteHandler } from "@/server/api/route";

// How long a client may keep sending a body nobody reads once it has its answer. Closing
// at once would reset the connection, and a reset can destroy the answer before the client
// reads it (a 413 must arrive as a 413); discarding forever would let a trickle hold the
// connection until Node's request timeout.
const discardWindowMs = 10_000;

/**
 * The request body as a stream the route reads only if and when it wants it. Nothing is
 * read before the wrapper has checked the key, the content type and the declared length
 * (an unauthenticated upload is answered without a byte of its body held), and reading
 * follows the wrapper's pace (`pull`), so a slow client costs at most a chunk in flight.
 */
function lazyBody(incoming: IncomingMessage): { stream: ReadableStream<Uint8Array>; discardRest(): void } {
  let listening = false;
  // Once the route cancelled the stream (or the answer went out), the controller is done
  // with: the body's own end or error must not touch it (close() would throw from inside
  // Node's 'end' event, an uncaught exception).
  let settled = false;
  const onData = (controller: ReadableStreamDefaultController<Uint8Array>) => (chunk: Buffer) => {
    controller.enqueue(chunk);
    if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
  };
  let dataListener: ((chunk: Buffer) => void) | null = null;
  const discardRest = () => {
    settled = true;
    if (dataListener) incoming.off("data", dataListener);
    dataListener = null;
    // Flowing with no listener: what still arrives is read and dropped.
    incoming.resume();
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (listening) {
          incoming.resume();
          return;
        }
        listening = true;
        dataListener = onData(controller);
        incoming.on("data", dataListener);
        incoming.once("end", () => {
          if (!settled) controller.close();
          settled = true;
        });
        incoming.once("error", (error) => {
          if (!settled) controller.error(error);
          settled = true;
        });
      },
      // The route stopped reading (a body over its cap).
      cancel: discardRest,
    },
    // Nothing is pulled before someone reads: a queue of one would start reading at once.
    { highWaterMark: 0 },
  );
  return { stream, discardRest };
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(body);
}

/** After the answer: drop the rest of an unread body for a while, then close the connection. */
function discardUnreadBody(incoming: IncomingMessage, body: { discardRest(): void } | null): void {
  if (incoming.complete || !body) return;
  body.discardRest();
  const timer = setTimeout(() => incoming.socket.destroy(), discardWindowMs);
  timer.unref();
  incoming.once("end", () => {
    clearTimeout(timer);
  });
  incoming.once("close", () => {
    clearTimeout(timer);
  });
}

/**
 * Runs one route handler (the same apiRoute(...) the Next route file exports) for a plain
 * Node request: the lean ingest server's path around Next's request pipeline, and the
 * test servers'. The body is handed over unread (see lazyBody): the wrapper authenticates,
 * checks the declared length and reads against the route's own cap.
 */
export async function handleNodeRequest(
  handler: RouteHandler,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  /** Path parameters, for a server that routes templated paths itself (Next passes them to route files). */
  params?: Record<string, string>,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? "127.0.0.1"}`);
  const method = incoming.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? null : lazyBody(incoming);
  const request = new NextRequest(url, { method, headers, body: body?.stream ?? null, duplex: "half" });
  const response = await handler(request, params ? { params: Promise.resolve(params) } : {});
  await writeResponse(response, outgoing);
  discardUnreadBody(incoming, body);
}
