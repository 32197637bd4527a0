import http from "node:http";
import type { AddressInfo } from "node:net";

export interface HostPage {
  /** The page's origin, e.g. http://127.0.0.1:40123: a different origin from the app's. */
  origin: string;
  url: string;
  close(): Promise<void>;
}

/**
 * Serves one plain HTML page from its own origin (another port), the way a customer's
 * chat application embeds the widget, so CORS between page and app is real.
 */
export async function serveHostPage(html: (origin: string) => string, host = "127.0.0.1"): Promise<HostPage> {
  let origin = "";
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html(origin));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
