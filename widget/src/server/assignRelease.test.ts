import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fixture from "./assignReleaseFixture.json";
import { assignRelease, assignmentBucket } from "./assignRelease.ts";

const rollout = { salt: "rollout-2026-11-checkout", baseline: "v41", candidate: "v42", candidateShare: 0.05 };

describe("release assignment", () => {
  it.each(fixture.vectors)("matches the test vector computed with Python's hashlib: $salt / $unit", ({ salt, unit, bucket }) => {
    expect(assignmentBucket(salt, unit)).toBe(bucket);
  });

  it("puts a unit in the candidate when its bucket is below the share in buckets", () => {
    // user-10 is in bucket 42, user-15 in 498 and user-1 in 1343 (the vectors above).
    expect(assignRelease({ ...rollout, candidateShare: 0.01 }, "user-10")).toEqual({ release: "v42", arm: "candidate", bucket: 42 });
    expect(assignRelease({ ...rollout, candidateShare: 0.0498 }, "user-15")).toMatchObject({ arm: "baseline", bucket: 498 });
    expect(assignRelease({ ...rollout, candidateShare: 0.0499 }, "user-15")).toMatchObject({ arm: "candidate", bucket: 498 });
    expect(assignRelease(rollout, "user-1")).toEqual({ release: "v41", arm: "baseline", bucket: 1343 });
    expect(assignRelease({ ...rollout, candidateShare: 0 }, "user-10").arm).toBe("baseline");
    expect(assignRelease({ ...rollout, candidateShare: 1 }, "user-1").arm).toBe("candidate");
  });

  it("keeps every unit in the candidate as the share grows, and gives each share its fraction of units", () => {
    const units = Array.from({ length: 20_000 }, (_, i) => `user-${i}`);
    let previous = new Set<string>();
    for (const share of [0.01, 0.05, 0.2, 0.5, 1]) {
      const inCandidate = new Set(units.filter((unit) => assignRelease({ ...rollout, candidateShare: share }, unit).arm === "candidate"));
      for (const unit of previous) expect(inCandidate.has(unit)).toBe(true);
      // Binomial standard deviation at 20 000 units is at most 71: allow five of them.
      expect(Math.abs(inCandidate.size - share * units.length)).toBeLessThan(5 * Math.sqrt(units.length * share * (1 - share)) + 1);
      previous = inCandidate;
    }
  });

  it("assigns independently in another rollout (another salt)", () => {
    const units = Array.from({ length: 10_000 }, (_, i) => `user-${i}`);
    const inBoth = units.filter(
      (unit) => assignmentBucket("rollout-a", unit) < 1_000 && assignmentBucket("rollout-b", unit) < 1_000,
    ).length;
    // 10 % of 10 % of 10 000 is 100 (standard deviation ~10).
    expect(inBoth).toBeGreaterThan(60);
    expect(inBoth).toBeLessThan(140);
  });

  it("hashes the UTF-8 bytes of salt:unit as documented", () => {
    const digest = createHash("sha256").update(Buffer.from("canary:Zoë", "utf8")).digest();
    expect(assignmentBucket("canary", "Zoë")).toBe(Math.floor((digest.readUInt32BE(0) * 10_000) / 4_294_967_296));
  });

  it("refuses a salt with a colon, an empty unit and a share outside [0, 1]", () => {
    expect(() => assignmentBucket("a:b", "user-1")).toThrow(RangeError);
    expect(() => assignmentBucket("salt", "")).toThrow(RangeError);
    expect(() => assignRelease({ ...rollout, candidateShare: 1.2 }, "user-1")).toThrow(RangeError);
    expect(() => assignRelease({ ...rollout, candidateShare: Number.NaN }, "user-1")).toThrow(RangeError);
  });
});
