import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { openTestDatabase, type TestDatabase } from "@/test/testDatabase";

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

/**
 * A fresh PostgreSQL test database with a second client that reaches it through a relay
 * the test can cut: `test.database` always works (for set-up and checks), `database`
 * loses the server while the relay is cut. PostgreSQL only: PGlite has no socket.
 */
export async function openPostgresBehindProxy(): Promise<{
  test: TestDatabase;
  proxy: TcpProxy;
  database: PrismaClient;
  close: () => Promise<void>;
}> {
  const test = await openTestDatabase("postgresql");
  const target = new URL(test.url ?? "");
  const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
  const viaProxy = new URL(target);
  viaProxy.port = String(proxy.port);
  const database = new PrismaClient({ adapter: new PrismaPg({ connectionString: viaProxy.toString(), connectionTimeoutMillis: 1_000 }) });
  return {
    test,
    proxy,
    database,
    close: async () => {
      await database.$disconnect();
      await proxy.close();
      await test.close();
    },
  };
}
