import { describe, expect, it } from "vitest";
import { nearestNeighbours } from "./nearestNeighbours";

describe("nearestNeighbours", () => {
  it("lists each point first, then its nearest others by Euclidean distance", () => {
    // Points on a line at 0, 1, 3, 7 (one column), and one at (0, 2) in the second column.
    const values = Float64Array.from([0, 0, 1, 0, 3, 0, 7, 0, 0, 2]);
    const { indices, distances } = nearestNeighbours({ rows: 5, columns: 2, values }, 3);
    expect(indices).toEqual([
      [0, 1, 4],
      [1, 0, 2],
      [2, 1, 0],
      [3, 2, 1],
      [4, 0, 1],
    ]);
    expect(distances[4]).toEqual([0, 2, Math.sqrt(5)]);
    expect(distances[3]).toEqual([0, 4, 6]);
  });

  it("keeps every point when asked for more neighbours than there are", () => {
    expect(nearestNeighbours({ rows: 2, columns: 1, values: Float64Array.from([0, 5]) }, 15).indices).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});
