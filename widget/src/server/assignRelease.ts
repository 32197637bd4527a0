import { createHash } from "node:crypto";

// Sticky release assignment for canary rollouts, specified so any language can reimplement it:
//
//   bucket = floor(uint32_be(sha256_utf8(salt + ":" + unit)[0..4]) * 10000 / 2^32)
//
// the first 4 bytes of the SHA-256 of the UTF-8 string `${salt}:${unit}`, read as an unsigned
// 32-bit big-endian integer, scaled into 0..9999 by multiplying and flooring (every bucket gets
// 429 496 or 429 497 of the 2^32 values, so shares are off by less than 3 in a million; the
// product stays below 2^53, so doubles compute it exactly). A unit is in the candidate when
// bucket < round(candidateShare * 10000), so while the share only grows a unit in the candidate
// stays there. The salt (one per rollout, so rollouts assign independently) may not contain
// ":"; the unit comes last, so it may.

/** Buckets of the assignment: shares are set in steps of 1 / 10 000 (0.01 %). */
export const assignmentBuckets = 10_000;

/** The unit's bucket in 0..9999 for this salt. */
export function assignmentBucket(salt: string, unit: string): number {
  if (salt.includes(":")) throw new RangeError(`the salt may not contain ":", got ${JSON.stringify(salt)}`);
  if (unit === "") throw new RangeError("the unit id is empty: every unit would share one bucket");
  const word = createHash("sha256").update(`${salt}:${unit}`, "utf8").digest().readUInt32BE(0);
  return Math.floor((word * assignmentBuckets) / 2 ** 32);
}

export interface ReleaseRollout {
  /** One per rollout, e.g. its id. */
  salt: string;
  baseline: string;
  candidate: string;
  /** Share of units on the candidate, 0..1, in steps of 0.0001. */
  candidateShare: number;
}

export interface ReleaseAssignment {
  release: string;
  arm: "baseline" | "candidate";
  bucket: number;
}

/** Which release serves `unit` (a user or session id) in this rollout. */
export function assignRelease(rollout: ReleaseRollout, unit: string): ReleaseAssignment {
  if (!(rollout.candidateShare >= 0 && rollout.candidateShare <= 1))
    throw new RangeError(`candidate share must lie in [0, 1], got ${rollout.candidateShare}`);
  const bucket = assignmentBucket(rollout.salt, unit);
  // Math.round rounds halves up; other languages should too (Python's round() would not).
  const inCandidate = bucket < Math.round(rollout.candidateShare * assignmentBuckets);
  return inCandidate ? { release: rollout.candidate, arm: "candidate", bucket } : { release: rollout.baseline, arm: "baseline", bucket };
}
