import { createHash } from "node:crypto";

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
