import net from "node:net";
import { readFileSync, readdirSync } from "node:fs";
import { benchPublicKey, median, withAppOnPostgres, type BenchRow } from "./appServer.ts";

const uploads = Number(process.env.LIVELOOP_BENCH_SLOW_UPLOADS ?? 200);
const rounds = Number(process.env.LIVELOOP_BENCH_ROUNDS ?? 3);
// Each upload offers 8 MB (what the old ingest path buffered per request), 32 KB every 40 ms.
const uploadBytes = 8 * 1024 * 1024;
const chunkBytes = 32 * 1024;
const chunkEveryMs = 40;
const targetMb = 50;

/** The web server the app's start script spawned (its child running scripts/server.ts). */
function serverProcessId(startPid: number): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses; the parent pid follows the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === startPid) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`No child of process ${startPid} found; is this Linux?`);
}

function residentBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? 0) * 1024;
}

/**
 * One slow upload over a raw connection: the request line and headers (no key; a declared
 * 8 MB, or chunked with no length at all), then the body a chunk at a time, whatever the
 * server answers meanwhile. Resolves with the status it got, if any.
 */
function slowUpload(port: number, path: string, chunked: boolean): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let status: number | null = null;
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearInterval(timer);
      socket.destroy();
      resolve(status);
    };
    socket.on("data", (data: Buffer) => {
      status ??= Number(/^HTTP\/1\.1 (\d{3})/.exec(data.toString("latin1"))?.[1] ?? 0);
    });
    socket.on("error", finish);
    socket.on("close", finish);
    socket.on("connect", () => {
      const length = chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${uploadBytes}`;
      socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n${length}\r\n\r\n`);
      const chunk = Buffer.alloc(chunkBytes, " ");
      timer = setInterval(() => {
        if (sent >= uploadBytes || socket.destroyed) {
          if (chunked && !socket.destroyed) socket.write("0\r\n\r\n");
          clearInterval(timer);
          // Give the server a moment to answer the end of the body, then hang up.
          setTimeout(finish, 1_000);
          return;
        }
        sent += chunk.byteLength;
        if (chunked) socket.write(`${chunk.byteLength.toString(16)}\r\n`);
        socket.write(chunk);
        if (chunked) socket.write("\r\n");
      }, chunkEveryMs);
    });
  });
}

async function warmUp(baseUrl: string): Promise<void> {
  const batch = JSON.stringify({
    events: [{ id: crypto.randomUUID(), type: "thumb", value: 1, traceId: "warm-up", timestamp: new Date().toISOString() }],
  });
  for (let i = 0; i < 50; i++) {
    await fetch(`${baseUrl}/api/v1/feedback`, {
      method: "POST",
      headers: { authorization: `Bearer ${benchPublicKey}`, "content-type": "application/json", origin: baseUrl },
      body: batch,
    }).then((response) => response.arrayBuffer());
    await fetch(`${baseUrl}/api/v1/traces`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).then(
      (response) => response.arrayBuffer(),
    );
  }
}

/** Peak RSS growth of the web server while `uploads` slow unauthenticated uploads run at once. */
async function oneRound(port: number): Promise<{ growthBytes: number; baselineBytes: number; statuses: (number | null)[] }> {
  return withAppOnPostgres("slow_uploads", port, async ({ app }) => {
    const pid = serverProcessId(app.pid);
    await warmUp(app.baseUrl);
    const baselineBytes = median([residentBytes(pid), residentBytes(pid), residentBytes(pid)]);
    let peak = baselineBytes;
    const sampler = setInterval(() => {
      peak = Math.max(peak, residentBytes(pid));
    }, 100);
    try {
      // Half to each lean ingest endpoint; half declare their length, half are chunked.
      const statuses = await Promise.all(
        Array.from({ length: uploads }, (_, i) => slowUpload(port, i % 2 === 0 ? "/api/v1/feedback" : "/api/v1/traces", i % 4 >= 2)),
      );
      peak = Math.max(peak, residentBytes(pid));
      return { growthBytes: peak - baselineBytes, baselineBytes, statuses };
    } finally {
      clearInterval(sampler);
    }
  });
}

/** npm run bench -- slow-uploads: RSS growth of `npm start` under 200 slow unauthenticated 8 MB uploads. */
export async function benchSlowUploads(port: number): Promise<BenchRow> {
  const results = [];
  for (let round = 0; round < rounds; round++) results.push(await oneRound(port));
  const growthMb = median(results.map((result) => result.growthBytes / 1024 / 1024));
  const baselineMb = median(results.map((result) => result.baselineBytes / 1024 / 1024));
  const answered = results.flatMap((result) => result.statuses).filter((status) => status === 401).length;
  return {
    name: `slow uploads: peak RSS growth of the web server while ${uploads} unauthenticated uploads each offer 8 MB at ${(chunkBytes / 1024 / (chunkEveryMs / 1000)).toFixed(0)} KB/s (median of ${rounds}; ${answered} of ${uploads * rounds} answered 401)`,
    baseline: `${baselineMb.toFixed(0)} MB RSS`,
    measured: `+${growthMb.toFixed(1)} MB`,
    ratio: "—",
    target: `< ${targetMb} MB`,
    met: growthMb < targetMb,
  };
}
