import { describe, expect, it } from "vitest";
import { maxOf, scatterData } from "@/components/charts/scatterData";

describe("scatterData", () => {
  it("sorts points by x, keeping each y with its x, and leaves out points without a finite value", () => {
    const [xs, ys] = scatterData([3, 1, Number.NaN, 2], [30, 10, 99, 20]);
    expect([...xs]).toEqual([1, 2, 3]);
    expect([...ys]).toEqual([10, 20, 30]);
    expect(maxOf(ys)).toBe(30);
    expect(maxOf(new Float64Array(0))).toBeNull();
  });

  it("sorts 50 000 points, each y staying with its x", () => {
    // Deterministic pseudo-random points (a linear congruential generator), so the run is repeatable.
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const xs = Array.from({ length: 50_000 }, next);
    const ys = Array.from({ length: 50_000 }, next);
    const [sortedX, sortedY] = scatterData(xs, ys);
    expect(sortedX.length).toBe(50_000);
    expect(sortedX.every((value, index) => index === 0 || (sortedX[index - 1] ?? Number.NEGATIVE_INFINITY) <= value)).toBe(true);
    const yOf = new Map(xs.map((x, index) => [x, ys[index]]));
    expect(Array.from(sortedX).every((x, index) => yOf.get(x) === sortedY[index])).toBe(true);
    // How fast is for a benchmark, not a test: a timing bound here failed whenever the machine was busy.
  });
});
