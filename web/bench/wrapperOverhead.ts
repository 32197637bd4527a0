import autocannon from "autocannon";
import { benchSecretKey, median, startAppServer, type BenchRow } from "./appServer.ts";

const durationSeconds = Number(process.env.LIVELOOP_BENCH_SECONDS ?? 8);
const rounds = Number(process.env.LIVELOOP_BENCH_ROUNDS ?? 3);

async function measure(url: string, headers: Record<string, string>) {
  const result = await autocannon({ url, headers, connections: 10, duration: durationSeconds });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Throughput of a no-op behind the API wrapper over a bare route handler, measured interleaved. */
export async function benchWrapperOverhead(port: number): Promise<BenchRow> {
  const app = await startAppServer({ port });
  try {
    const auth = { authorization: `Bearer ${benchSecretKey}` };
    const bareUrl = `${app.baseUrl}/api/bench/bare`;
    const wrappedUrl = `${app.baseUrl}/api/bench/wrapped?limit=5`;
    await autocannon({ url: bareUrl, connections: 10, duration: 2 });
    await autocannon({ url: wrappedUrl, headers: auth, connections: 10, duration: 2 });
    const bare: number[] = [];
    const wrapped: number[] = [];
    let errors = 0;
    for (let round = 0; round < rounds; round++) {
      const b = await measure(bareUrl, {});
      const w = await measure(wrappedUrl, auth);
      bare.push(b.rps);
      wrapped.push(w.rps);
      errors += b.errors + w.errors;
    }
    const ratio = median(wrapped.map((w, i) => w / (bare[i] ?? 1)));
    if (errors > 0) throw new Error(`wrapper benchmark saw ${errors} failed requests`);
    return {
      name: `route wrapper overhead: wrapped no-op / bare handler throughput (median of ${rounds}x${durationSeconds}s, 10 connections)`,
      baseline: `${median(bare).toFixed(0)} req/s`,
      measured: `${median(wrapped).toFixed(0)} req/s`,
      ratio: ratio.toFixed(3),
      target: ">= 0.8",
      met: ratio >= 0.8,
    };
  } finally {
    await app.stop();
  }
}
