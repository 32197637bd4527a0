"""Writes alwaysValidInferenceFixture.json: always-valid intervals and p-values for release
comparison, computed here from the published forms, to check alwaysValidInference.ts and
quantileInference.ts. Independent of the TypeScript on purpose:

- the half-width in GrowthBook's form, sqrt(2(N s2 rho^2 + 1)/(N^2 rho^2) * ln(sqrt(N s2 rho^2 + 1)/alpha))
  with s2 = N * se^2 and rho = r / sqrt(s2) (Waudby-Smith et al. 2023, eq. 9 as gbstats writes it);
- the p-value as 1 / Lambda of the normal-mixture SPRT (Johari et al., "Always valid inference"),
  Lambda = sqrt(V / (V + N tau^2)) exp(N^2 tau^2 d^2 / (2 V (V + N tau^2))), V = N se^2, tau^2 = r^2 V;
- the fixed-sample normal half-width (scipy.stats.norm) the always-valid one must exceed;
- the sample quantile as numpy.quantile(method="inverted_cdf");
- for quantiles, the ranks from the count bound, with their exact fixed-n coverage under
  Binomial(n, q) and the classical exact binomial ranks (scipy.stats.binom).
Run: python3 alwaysValidInferenceFixture.py"""

import json
import math
from pathlib import Path

import numpy as np
import scipy
from scipy import stats


def precision(alpha, planned):
    c = -2 * math.log(alpha)
    return (c + math.log(c + 1)) / planned


def growthbook_half_width(se, n_total, alpha, r2):
    s2 = n_total * se**2
    rho2 = r2 / s2
    return math.sqrt(2 * (n_total * s2 * rho2 + 1) / (n_total**2 * rho2) * math.log(math.sqrt(n_total * s2 * rho2 + 1) / alpha))


def msprt_p_value(d, se, n_total, r2):
    v = n_total * se**2
    tau2 = r2 * v
    log_lambda = 0.5 * math.log(v / (v + n_total * tau2)) + n_total**2 * tau2 * d**2 / (2 * v * (v + n_total * tau2))
    return min(1.0, math.exp(-log_lambda))


def arm(n, mean, variance):
    return {"n": n, "mean": mean, "variance": variance}


def proportion(count, n):
    p = count / n
    return arm(n, p, p * (1 - p))


comparisons = [
    ("thumbs-down 50/50, equal", proportion(310, 3000), proportion(298, 3000), 0.05, 10000),
    ("thumbs-down 5 % canary, tripled", proportion(4800, 48000), proportion(300, 1000), 0.05, 10000),
    ("error rate 1 % canary, equal", proportion(950, 95000), proportion(11, 1000), 0.05, 10000),
    ("latency ms, 50/50, slower", arm(20000, 850.0, 640000.0), arm(20000, 880.0, 700000.0), 0.05, 10000),
    ("latency s, 50/50, slower", arm(20000, 0.850, 0.640), arm(20000, 0.880, 0.700), 0.05, 10000),
    ("cost per request, small", arm(120, 0.0031, 0.0000012), arm(90, 0.0029, 0.0000010), 0.05, 10000),
    ("rating 1-5, tuned for 5000, alpha 0.01", arm(800, 4.1, 1.2), arm(750, 3.95, 1.3), 0.01, 5000),
    ("score, far past the planned size", arm(400000, 0.71, 0.04), arm(400000, 0.712, 0.04), 0.05, 10000),
]
difference_cases = []
for name, baseline, candidate, alpha, planned in comparisons:
    r2 = precision(alpha, planned)
    n_total = baseline["n"] + candidate["n"]
    d = candidate["mean"] - baseline["mean"]
    se = math.sqrt(baseline["variance"] / baseline["n"] + candidate["variance"] / candidate["n"])
    half = growthbook_half_width(se, n_total, alpha, r2)
    mb, mc = baseline["mean"], candidate["mean"]
    rel = mc / mb - 1
    rel_se = math.sqrt(candidate["variance"] / (candidate["n"] * mb**2) + baseline["variance"] * mc**2 / (baseline["n"] * mb**4))
    rel_half = growthbook_half_width(rel_se, n_total, alpha, r2)
    arms = {}
    for label, a in (("baseline", baseline), ("candidate", candidate)):
        a_se = math.sqrt(a["variance"] / a["n"])
        a_half = growthbook_half_width(a_se, a["n"], alpha, r2)
        arms[label] = [a["mean"] - a_half, a["mean"] + a_half]
    difference_cases.append(
        {
            "name": name,
            "alpha": alpha,
            "planned": planned,
            "baseline": baseline,
            "candidate": candidate,
            "estimate": d,
            "interval": [d - half, d + half],
            "relative": rel,
            "relative_interval": [rel - rel_half, rel + rel_half],
            "p_value": msprt_p_value(d, se, n_total, r2),
            "fixed_sample_half_width": float(stats.norm.ppf(1 - alpha / 2)) * se,
            "arm_intervals": arms,
        }
    )

quantile_cases = []
for n in [50, 200, 1000, 20000]:
    for q in [0.5, 0.95]:
        alpha, planned = 0.05, 10000
        r2 = precision(alpha, planned)
        w = n * growthbook_half_width(math.sqrt(q * (1 - q) / n), n, alpha, r2)
        lower = max(math.ceil(n * q - w), 0)
        upper = min(math.floor(n * q + w) + 1, n + 1)
        # B = values at or below the true quantile ~ Binomial(n, q); the interval covers when lower <= B <= upper - 1.
        coverage = float(stats.binom.cdf(upper - 1, n, q) - (stats.binom.cdf(lower - 1, n, q) if lower >= 1 else 0.0))
        quantile_cases.append(
            {
                "n": n,
                "q": q,
                "lower_rank": lower,
                "upper_rank": upper,
                "fixed_n_coverage": coverage,
                "classical_lower_rank": int(stats.binom.ppf(alpha / 2, n, q)),
                "classical_upper_rank": int(stats.binom.ppf(1 - alpha / 2, n, q)) + 1,
            }
        )

rng = np.random.default_rng(7)
samples = [[3.0], [5.0, 1.0], [1.0, 2.0, 2.0, 2.0, 3.0, 9.0], rng.lognormal(6.5, 0.6, 101).round(3).tolist(), rng.integers(100, 140, 40).tolist()]
sample_quantiles = [
    {"values": [float(v) for v in values], "q": q, "quantile": float(np.quantile(values, q, method="inverted_cdf"))}
    for values in samples
    for q in [0.05, 0.5, 0.95]
]

Path(__file__).with_name("alwaysValidInferenceFixture.json").write_text(
    json.dumps(
        {
            "generated_with": {"scipy": scipy.__version__, "numpy": np.__version__},
            "differences": difference_cases,
            "quantile_ranks": quantile_cases,
            "sample_quantiles": sample_quantiles,
        },
        indent=1,
    )
    + "\n"
)
