import { stableDraw } from "@/server/stats/stableDraw";

/**
 * The deterministic train/test split: an item is in the test split when the draw fixed by
 * its id falls below the ratio, so an item keeps its split across versions and exports.
 */
export function splitOf(itemId: string, testRatio: number): "train" | "test" {
  return stableDraw(`split:${itemId}`) < testRatio ? "test" : "train";
}
