import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { drainHttpServer } from "./drainHttpServer";

describe("drainHttpServer", () => {
  it("answers the request in flight, then closes its kept-alive connection instead of waiting for the keep-alive", async () => {
    const inFlight: http.ServerResponse[] = [];
    let requestArrived = () => {};
    const arrived = new Promise<void>((resolve) => (requestArrived = resolve));
    const server = http.createServer((_request, response) => {
      inFlight.push(response);
      requestArrived();
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    const { port } = server.address() as AddressInfo;

    // undici keeps the socket open as long as the server's Keep-Alive header allows.
    const response = fetch(`http://127.0.0.1:${port}/`);
    await arrived;
    const drained = drainHttpServer(server);
    inFlight[0]?.end("done");

    expect(await (await response).text()).toBe("done");
    // Without the sweep this waits for the 65 s keep-alive and the test times out.
    await drained;
    expect(server.listening).toBe(false);
  });
});
