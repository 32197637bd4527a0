import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";

/**
 * Where a trace falls in [0, 1), from its id alone: the same for every evaluator and every
 * process. A trace sampled at rate r is sampled at any higher rate, and two evaluators at
 * 10 % score the same traces, so their scores can be compared trace by trace.
 */
export function traceSamplePoint(traceId: string): number {
  // The first 48 bits of SHA-256: uniform, and exact in a double.
  return createHash("sha256").update(traceId).digest().readUIntBE(0, 6) / 2 ** 48;
}

export function isTraceSampled(traceId: string, samplingRate: number): boolean {
  return samplingRate >= 1 || (samplingRate > 0 && traceSamplePoint(traceId) < samplingRate);
}

/**
 * `isTraceSampled` as an SQL condition on a trace id column, for counting sampled traces
 * without loading their ids: the same 48 bits divided by the same power of two, so the
 * same traces (PostgreSQL 11+ has sha256; PGlite too).
 */
export function traceSampledSql(traceIdColumn: Prisma.Sql, samplingRate: number): Prisma.Sql {
  if (samplingRate >= 1) return Prisma.sql`TRUE`;
  if (samplingRate <= 0) return Prisma.sql`FALSE`;
  const first48Bits = Prisma.sql`('x' || encode(substring(sha256(convert_to(${traceIdColumn}, 'UTF8')) FROM 1 FOR 6), 'hex'))::bit(48)::bigint`;
  return Prisma.sql`(${first48Bits}::float8 / ${Prisma.raw(String(2 ** 48))}::float8) < ${samplingRate}::float8`;
}
