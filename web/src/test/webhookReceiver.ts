import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the receiver got it: headers and the exact body text (signatures cover the bytes). */
export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What the receiver does with a request: answer it, or hold it open until the sender gives up. */
export type ReceiverAnswer = { status: number; headers?: Record<string, string>; body?: string } | "hang";

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Requests held open ("hang") that the sender has since abandoned. */
  abandoned: ReceivedWebhook[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that receives webhooks as a customer's endpoint would:
 * `answer` decides each reply (it may wait on the test's own promises), 200 by default.
 */
export async function startWebhookReceiver(
  answer: (request: ReceivedWebhook, index: number) => ReceiverAnswer | Promise<ReceiverAnswer> = () => ({ status: 200 }),
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const abandoned: ReceivedWebhook[] = [];
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const request = { path: incoming.url ?? "/", headers: incoming.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(request);
      void Promise.resolve(answer(request, received.length - 1)).then((reply) => {
        if (reply === "hang") {
          outgoing.on("close", () => abandoned.push(request));
          return;
        }
        outgoing.writeHead(reply.status, reply.headers ?? {}).end(reply.body ?? "");
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    abandoned,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
