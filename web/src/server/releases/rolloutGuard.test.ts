import { describe, expect, it } from "vitest";
import type { ReleaseMetricComparison } from "@/contracts/releases";
import type { GuardrailCheck } from "@/contracts/rollouts";
import { checkGuardrail, decideRollout, type GuardSituation } from "@/server/releases/rolloutGuard";

/** A compared metric with a relative difference (or none, for a baseline at 0) and its interval. */
function metric(
  fields: {
    direction?: ReleaseMetricComparison["direction"];
    n?: number;
    relative?: { estimate: number; lower: number | null; upper: number | null } | null;
    absolute?: { estimate: number; lower: number | null; upper: number | null };
  } = {},
): ReleaseMetricComparison {
  const n = fields.n ?? 1000;
  const absolute = fields.absolute ?? { estimate: 0, lower: -0.01, upper: 0.01 };
  const relative = fields.relative === undefined ? { estimate: 0, lower: -0.1, upper: 0.1 } : fields.relative;
  return {
    key: "thumbsDownRate",
    label: "Thumbs-down rate",
    unit: "percent",
    direction: fields.direction ?? "lower_is_better",
    differenceOf: "mean",
    baseline: { n, value: 0.1, ci: null },
    candidate: { n, value: 0.1, ci: null },
    difference: {
      estimate: absolute.estimate,
      ci: { lower: absolute.lower, upper: absolute.upper },
      relative: relative ? { estimate: relative.estimate, ci: { lower: relative.lower, upper: relative.upper } } : null,
    },
    pValue: 1,
    adjustedPValue: 1,
    verdict: "no_difference",
  };
}

const guardrail = { metric: "thumbsDownRate", maxRegression: 0.1 };

describe("checkGuardrail", () => {
  it("breaches only when the whole interval of the regression lies past the limit", () => {
    expect(checkGuardrail(guardrail, metric({ relative: { estimate: 2, lower: 0.5, upper: 3.5 } }), 100).status).toBe("breached");
    // Significantly worse, but the interval still reaches below the 10 % allowed: not a breach yet.
    expect(checkGuardrail(guardrail, metric({ relative: { estimate: 0.3, lower: 0.05, upper: 0.55 } }), 100).status).toBe("inconclusive");
    expect(checkGuardrail(guardrail, metric({ relative: { estimate: 0.08, lower: -0.2, upper: 0.36 } }), 100).status).toBe("holds");
    // An open lower side (too little data to bound it) never breaches.
    expect(checkGuardrail(guardrail, metric({ relative: { estimate: 5, lower: null, upper: null } }), 100).status).toBe("inconclusive");
  });

  it("reads a higher-is-better metric's fall as the regression", () => {
    const rating = { metric: "averageRating", maxRegression: 0.05 };
    const fell = checkGuardrail(
      rating,
      metric({ direction: "higher_is_better", relative: { estimate: -0.2, lower: -0.3, upper: -0.1 } }),
      100,
    );
    expect(fell).toMatchObject({ status: "breached", regression: 0.2 });
    expect(fell.regressionCi?.lower).toBeCloseTo(0.1, 12);
    expect(fell.regressionCi?.upper).toBeCloseTo(0.3, 12);
    expect(
      checkGuardrail(rating, metric({ direction: "higher_is_better", relative: { estimate: 0.2, lower: 0.1, upper: 0.3 } }), 100).status,
    ).toBe("holds");
  });

  it("waits below the minimum sample in either release, and without the metric at all", () => {
    expect(checkGuardrail(guardrail, metric({ n: 99, relative: { estimate: 2, lower: 1, upper: 3 } }), 100).status).toBe("waiting");
    expect(checkGuardrail(guardrail, undefined, 100)).toMatchObject({
      status: "waiting",
      regression: null,
      n: { baseline: 0, candidate: 0 },
    });
  });

  it("with a baseline at 0 (no relative change), breaches on any significant rise", () => {
    const errors = { metric: "errorRate", maxRegression: 0.5 };
    expect(checkGuardrail(errors, metric({ relative: null, absolute: { estimate: 0.05, lower: 0.01, upper: 0.09 } }), 100).status).toBe(
      "breached",
    );
    expect(checkGuardrail(errors, metric({ relative: null, absolute: { estimate: 0.01, lower: -0.01, upper: 0.03 } }), 100).status).toBe(
      "inconclusive",
    );
    expect(checkGuardrail(errors, metric({ relative: null, absolute: { estimate: 0, lower: -0.01, upper: 0.01 } }), 100).status).toBe(
      "holds",
    );
  });
});

describe("decideRollout", () => {
  const check = (status: GuardrailCheck["status"], metricName = "thumbsDownRate"): GuardrailCheck => ({
    metric: metricName,
    maxRegression: 0.1,
    status,
    regression: status === "waiting" ? null : 0.5,
    regressionCi: status === "waiting" ? null : { lower: 0.2, upper: 0.8 },
    n: { baseline: 1000, candidate: 40 },
  });
  const running: GuardSituation = { state: "running", dwellElapsed: true, dwellLeftSeconds: 0, nextShare: 0.05 };
  const srmOk = { units: { baseline: 990, candidate: 10 }, pValue: 0.9, mismatch: false };

  it("advances when every guardrail holds after the dwell time", () => {
    expect(decideRollout(running, [check("holds"), check("holds", "errorRate")], srmOk)).toMatchObject({ decision: "advance" });
    expect(decideRollout(running, [check("holds")], srmOk).reason).toContain("5%");
  });

  it("rolls back on a breach or a sample-ratio mismatch at any time, even within the dwell time or paused", () => {
    const early = { ...running, dwellElapsed: false, dwellLeftSeconds: 1800 };
    expect(decideRollout(early, [check("breached"), check("holds", "errorRate")], srmOk)).toMatchObject({ decision: "rollback" });
    expect(decideRollout({ ...running, state: "paused" }, [check("breached")], srmOk).decision).toBe("rollback");
    const mismatch = decideRollout(early, [check("holds")], { ...srmOk, pValue: 1e-6, mismatch: true });
    expect(mismatch.decision).toBe("rollback");
    expect(mismatch.reason).toMatch(/Sample ratio mismatch/);
  });

  it("waits out the dwell time, then pauses when a guardrail is inconclusive", () => {
    const early = { ...running, dwellElapsed: false, dwellLeftSeconds: 1800 };
    const early30 = decideRollout(early, [check("holds")], srmOk);
    expect(early30.decision).toBe("wait");
    expect(early30.reason).toContain("30 min left");
    expect(decideRollout(early, [check("inconclusive")], srmOk).decision).toBe("wait");
    expect(decideRollout(running, [check("inconclusive"), check("holds", "errorRate")], srmOk).decision).toBe("pause");
  });

  it("keeps waiting for samples after the dwell time rather than advancing on too little evidence", () => {
    const waiting = decideRollout(running, [check("holds"), check("waiting", "errorRate")], srmOk);
    expect(waiting.decision).toBe("wait");
    expect(waiting.reason).toContain("errorRate");
  });

  it("never advances a paused rollout", () => {
    expect(decideRollout({ ...running, state: "paused" }, [check("holds")], srmOk).decision).toBe("wait");
  });
});
