"""Writes sampleRatioMismatchFixture.json: Pearson chi-square goodness of fit from SciPy
(scipy.stats.chisquare) of arm counts against a configured split, to check
sampleRatioMismatch.ts. Run: python3 sampleRatioMismatchFixture.py"""

import json
from pathlib import Path

import scipy
from scipy import stats

inputs = [
    ([5000, 5000], [0.5, 0.5]),
    ([5100, 4900], [0.5, 0.5]),
    ([5200, 4800], [0.5, 0.5]),
    ([50310, 49690], [0.5, 0.5]),
    ([9500, 500], [0.95, 0.05]),
    ([9580, 420], [0.95, 0.05]),
    ([99000, 1000], [0.99, 0.01]),
    ([98800, 1200], [0.99, 0.01]),
    ([821, 18], [0.99, 0.01]),
    ([3, 1], [0.5, 0.5]),
    ([3340, 3300, 3360], [1 / 3, 1 / 3, 1 / 3]),
    ([3500, 3300, 3200], [1 / 3, 1 / 3, 1 / 3]),
    ([8000, 1000, 1000], [0.8, 0.1, 0.1]),
]
cases = []
for observed, shares in inputs:
    total = sum(observed)
    result = stats.chisquare(observed, [total * share for share in shares])
    cases.append(
        {
            "observed": observed,
            "shares": shares,
            "chi_square": float(result.statistic),
            "df": len(observed) - 1,
            "p_value": float(result.pvalue),
        }
    )

Path(__file__).with_name("sampleRatioMismatchFixture.json").write_text(
    json.dumps({"generated_with": {"scipy": scipy.__version__}, "cases": cases}, indent=1) + "\n"
)
