// `npm run bench`: starts the built app on 127.0.0.1 with a throw-away embedded database
// and measures, in the same run, a bare route handler against the same no-op behind the
// API wrapper. Figures are ratios so a noisy shared machine affects both sides alike.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const webDir = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.LIVELOOP_BENCH_PORT ?? 3311);
const baseUrl = `http://127.0.0.1:${port}`;
const secretKey = "sk_bench_secret_key_0123456789";
const durationSeconds = Number(process.env.LIVELOOP_BENCH_SECONDS ?? 8);
const rounds = Number(process.env.LIVELOOP_BENCH_ROUNDS ?? 3);

async function waitForHealth(child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`The app exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The app did not become healthy in time");
}

async function measure(path: string, headers: Record<string, string>): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url: `${baseUrl}${path}`, headers, connections: 10, duration: durationSeconds });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "liveloop-bench-"));
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: webDir,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: "",
      LIVELOOP_DATA_DIR: dataDir,
      LIVELOOP_BENCH_ROUTES: "1",
      LIVELOOP_RATE_LIMIT_PER_MINUTE: "100000000",
      LIVELOOP_INIT_USER_EMAIL: "bench@liveloop.test",
      LIVELOOP_INIT_USER_PASSWORD: "bench-password",
      LIVELOOP_INIT_PROJECT_NAME: "Bench",
      LIVELOOP_INIT_PUBLIC_KEY: "pk_bench_public_key_0123456789",
      LIVELOOP_INIT_SECRET_KEY: secretKey,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  try {
    await waitForHealth(child);
    const auth = { authorization: `Bearer ${secretKey}` };
    // Warm up both paths (JIT, key cache) before measuring.
    await autocannon({ url: `${baseUrl}/api/bench/bare`, connections: 10, duration: 2 });
    await autocannon({ url: `${baseUrl}/api/bench/wrapped?limit=5`, headers: auth, connections: 10, duration: 2 });
    const bare: number[] = [];
    const wrapped: number[] = [];
    const ratios: number[] = [];
    let errors = 0;
    let bareP99 = 0;
    let wrappedP99 = 0;
    // Interleave the two so drift in machine load hits both alike.
    for (let round = 0; round < rounds; round++) {
      const b = await measure("/api/bench/bare", {});
      const w = await measure("/api/bench/wrapped?limit=5", auth);
      bare.push(b.rps);
      wrapped.push(w.rps);
      ratios.push(w.rps / b.rps);
      errors += b.errors + w.errors;
      bareP99 = Math.max(bareP99, b.p99);
      wrappedP99 = Math.max(wrappedP99, w.p99);
    }
    const ratio = median(ratios);
    console.log("\n| benchmark | baseline | measured | ratio | target | result |");
    console.log("|---|---|---|---|---|---|");
    console.log(
      `| route wrapper overhead (throughput, wrapped no-op / bare handler, median of ${rounds}x${durationSeconds}s, 10 connections) | ${median(bare).toFixed(0)} req/s (p99 ${bareP99} ms) | ${median(wrapped).toFixed(0)} req/s (p99 ${wrappedP99} ms) | ${ratio.toFixed(3)} | >= 0.8 | ${ratio >= 0.8 ? "met" : "missed"} |`,
    );
    console.log(`\nper-round ratios: ${ratios.map((r) => r.toFixed(3)).join(", ")}; non-2xx or errors: ${errors}`);
    if (errors > 0) process.exitCode = 1;
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
