"""Writes permutationFixture.json: exact permutation distributions, enumerated with NumPy and
SciPy, for small cases the TypeScript Monte Carlo tests must approach:
- histograms: every way the pooled bin labels can split into a live sample of the same size
  (multivariate hypergeometric probabilities), the JS divergence (bits, SciPy) of each, the
  exact P(JSD >= observed) and the exact mean JSD under permutation;
- mean vectors: every split of a small pooled set of vectors into reference and live rows,
  the distance between the two mean vectors, the exact P(distance >= observed) and mean.
Run: python3 permutationFixture.py"""

import itertools
import json
from math import comb
from pathlib import Path

import numpy as np
import scipy
from scipy.spatial.distance import jensenshannon


def jsd_bits(p, q):
    return float(jensenshannon(p, q, base=2) ** 2)


def histogram_case(reference, live):
    pooled = [r + l for r, l in zip(reference, live)]
    n_live = sum(live)
    total = comb(sum(pooled), n_live)
    observed = jsd_bits(reference, live)
    p_value = 0.0
    mean = 0.0
    for split in itertools.product(*[range(c + 1) for c in pooled]):
        if sum(split) != n_live:
            continue
        probability = np.prod([comb(c, s) for c, s in zip(pooled, split)]) / total
        other = [c - s for c, s in zip(pooled, split)]
        value = jsd_bits(other, list(split))
        mean += probability * value
        if value >= observed - 1e-12:
            p_value += probability
    return {"reference": reference, "live": live, "observed_jsd_bits": observed, "exact_p": p_value, "exact_mean_jsd_bits": mean}


def mean_distance_case(seed, n_reference, n_live, dims, live_shift):
    rng = np.random.default_rng(seed)
    reference = rng.normal(size=(n_reference, dims))
    live = rng.normal(size=(n_live, dims)) + live_shift
    pooled = np.vstack([reference, live]).astype(np.float32).astype(np.float64)
    observed = float(np.linalg.norm(pooled[:n_reference].mean(0) - pooled[n_reference:].mean(0)))
    values = []
    for chosen in itertools.combinations(range(len(pooled)), n_live):
        mask = np.zeros(len(pooled), dtype=bool)
        mask[list(chosen)] = True
        values.append(np.linalg.norm(pooled[~mask].mean(0) - pooled[mask].mean(0)))
    values = np.array(values)
    return {
        "rows": pooled.tolist(),
        "reference_rows": n_reference,
        "observed_distance": observed,
        "exact_p": float(np.mean(values >= observed - 1e-12)),
        "exact_mean_distance": float(values.mean()),
    }


fixture = {
    "generated_with": {"numpy": np.__version__, "scipy": scipy.__version__},
    "histograms": [
        histogram_case([6, 4, 2, 0], [1, 2, 3, 2]),
        histogram_case([5, 5, 5], [2, 1, 2]),
        histogram_case([8, 2, 0, 3, 1], [2, 1, 4, 0, 3]),
    ],
    "mean_distances": [
        mean_distance_case(1, 8, 6, 3, 0.0),
        mean_distance_case(2, 7, 7, 4, 0.9),
    ],
}
Path(__file__).with_name("permutationFixture.json").write_text(json.dumps(fixture, indent=1) + "\n")
