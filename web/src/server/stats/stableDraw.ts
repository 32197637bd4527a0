import { createHash } from "node:crypto";

/**
 * A uniform number in [0, 1) fixed by `key`: the same key always draws the same number,
 * so sampling and splitting decided this way come out the same on every run.
 */
export function stableDraw(key: string): number {
  return createHash("sha256").update(key).digest().readUIntBE(0, 6) / 2 ** 48;
}
