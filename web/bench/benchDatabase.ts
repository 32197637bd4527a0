import { createPostgresDatabase } from "../src/test/postgresDatabase.ts";

export const postgresAdminUrl = process.env.LIVELOOP_BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** A throw-away PostgreSQL database for one benchmark, dropped again by `drop()`. */
export function createBenchDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  return createPostgresDatabase(postgresAdminUrl, `liveloop_bench_${label}`);
}
