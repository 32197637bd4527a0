import { describe, expect, it } from "vitest";
import { maxOf, nearestPoint, paddedExtent, scatterData } from "@/components/charts/scatterData";

describe("scatterData", () => {
  it("sorts points by x, keeping each y with its x, and leaves out points without a finite value", () => {
    const { xs, ys, seriesYs } = scatterData([{ name: "a", xs: [3, 1, Number.NaN, 2], ys: [30, 10, 99, 20] }]);
    expect([...xs]).toEqual([1, 2, 3]);
    expect([...ys]).toEqual([10, 20, 30]);
    expect(seriesYs).toEqual([[10, 20, 30]]);
    expect(maxOf(ys)).toBe(30);
    expect(maxOf(new Float64Array(0))).toBeNull();
  });

  it("puts two series on one x axis, each holding y only at its own points, and remembers where each point came from", () => {
    const data = scatterData([
      { name: "baseline", xs: [0.5, -1], ys: [2, 3] },
      { name: "live", xs: [0], ys: [-4] },
    ]);
    expect([...data.xs]).toEqual([-1, 0, 0.5]);
    expect(data.seriesYs).toEqual([
      [3, null, 2],
      [null, -4, null],
    ]);
    expect(data.sources).toEqual([
      { series: 0, index: 1 },
      { series: 1, index: 0 },
      { series: 0, index: 0 },
    ]);
  });

  it("sorts 50 000 points, each y staying with its x", () => {
    // Deterministic pseudo-random points (a linear congruential generator), so the run is repeatable.
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const xs = Array.from({ length: 50_000 }, next);
    const ys = Array.from({ length: 50_000 }, next);
    const { xs: sortedX, ys: sortedY } = scatterData([{ name: "a", xs, ys }]);
    expect(sortedX.length).toBe(50_000);
    expect(sortedX.every((value, index) => index === 0 || (sortedX[index - 1] ?? Number.NEGATIVE_INFINITY) <= value)).toBe(true);
    const yOf = new Map(xs.map((x, index) => [x, ys[index]]));
    expect(Array.from(sortedX).every((x, index) => yOf.get(x) === sortedY[index])).toBe(true);
    // How fast is for a benchmark, not a test: a timing bound here failed whenever the machine was busy.
  });
});

describe("paddedExtent", () => {
  it("spans the data with 5% of the span on each side, including negative coordinates", () => {
    expect(paddedExtent([-2, 8, 3])).toEqual({ min: -2.5, max: 8.5 });
    // One value has no span: a unit either side keeps the point off the frame.
    expect(paddedExtent([4])).toEqual({ min: 3, max: 5 });
    expect(paddedExtent([])).toEqual({ min: 0, max: 1 });
  });
});

describe("nearestPoint", () => {
  const data = { xs: new Float64Array([0, 1, 1]), ys: new Float64Array([0, 10, 0]) };

  it("finds the point nearest on screen, not the nearest x", () => {
    // Pointer at (1, 1): the first point at x = 1 is 9 units up; the one at (1, 0) is 1 unit down.
    expect(nearestPoint(data, { x: 1, y: 1 }, { x: 10, y: 10 }, 20)).toBe(2);
    // Screen scale matters: with y squeezed to 1 px a unit, (0, 0) is 10 px left and (1, 0) 1 px down.
    expect(nearestPoint(data, { x: 0.9, y: 1 }, { x: 10, y: 1 }, 20)).toBe(2);
  });

  it("finds nothing when every point is farther than the radius", () => {
    expect(nearestPoint(data, { x: 5, y: 5 }, { x: 10, y: 10 }, 12)).toBeNull();
  });
});
