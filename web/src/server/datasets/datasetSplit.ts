import { createHash } from "node:crypto";

/**
 * The deterministic train/test split: an item is in the test split when the hash of its
 * id falls below the ratio, so an item keeps its split across versions and exports.
 */
export function splitOf(itemId: string, testRatio: number): "train" | "test" {
  const draw = createHash("sha256").update(`split:${itemId}`).digest().readUIntBE(0, 6) / 2 ** 48;
  return draw < testRatio ? "test" : "train";
}
