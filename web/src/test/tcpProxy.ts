import net from "node:net";

/**
 * A TCP relay to a real server that a test can cut and restore, to see what happens
 * while the database is unreachable and after it returns.
 */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  function listen(): Promise<void> {
    const next = net.createServer((client) => {
      const upstream = net.connect(targetPort, targetHost);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    server = next;
    return new Promise((resolve) =>
      next.listen(port, "127.0.0.1", () => {
        port = (next.address() as net.AddressInfo).port;
        resolve();
      }),
    );
  }

  async function cut(): Promise<void> {
    const current = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (current) {
      await new Promise<void>((resolve) => {
        current.close(() => {
          resolve();
        });
      });
    }
  }

  await listen();
  return { port, cut, restore: listen, close: cut };
}
