"""Writes holmAdjustFixture.json: Holm step-down adjusted p-values, computed here the way
Holm (1979) states the procedure (walk the sorted p-values, compare p_(i) with alpha/(m-i+1)
and stop at the first that fails), independently of holmAdjust.ts. The adjusted p-value of a
hypothesis is the smallest alpha at which the procedure rejects it, found by bisection on
alpha, so this shares no formula with the code under test. Run: python3 holmAdjustFixture.py"""

import json
from pathlib import Path

import numpy as np


def holm_rejects(p_values, alpha):
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    m = len(p_values)
    rejected = set()
    for step, index in enumerate(order):
        # p_(i) <= alpha / (m - i + 1), multiplied out so the thresholds below compare exactly.
        if (m - step) * p_values[index] > alpha:
            break
        rejected.add(index)
    return rejected


def smallest_rejecting_alpha(p_values, index):
    # Rejection is monotone in alpha: bisect on the candidate thresholds (m - j) * p_(j), which
    # are the only places the decision can change, so the answer is exact, not approximate.
    thresholds = sorted({min(1.0, (len(p_values) - step) * p) for step, p in enumerate(sorted(p_values))} | {1.0})
    for alpha in thresholds:
        if index in holm_rejects(p_values, alpha):
            return alpha
    return 1.0


rng = np.random.default_rng(11)
families = [
    [0.01, 0.04, 0.03, 0.005],
    [0.2, 0.2, 0.2],
    [0.0001, 0.9, 0.012, 0.013, 0.5, 0.03, 0.049, 1.0],
    [0.04],
    [0.0, 0.02],
    rng.uniform(0, 0.2, 9).round(6).tolist(),
    rng.beta(0.3, 3, 14).round(8).tolist(),
]
cases = [{"p_values": ps, "adjusted": [smallest_rejecting_alpha(ps, i) for i in range(len(ps))]} for ps in families]
Path(__file__).with_name("holmAdjustFixture.json").write_text(
    json.dumps({"generated_with": {"numpy": np.__version__}, "cases": cases}, indent=1) + "\n"
)
