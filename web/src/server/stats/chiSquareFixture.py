"""Writes chiSquareFixture.json: chi-square survival values from SciPy, to check
chiSquareSurvival.ts across small and large degrees of freedom, the series/continued-fraction
switch and deep tails. Run: python3 chiSquareFixture.py"""

import json
from pathlib import Path

import scipy
from scipy import stats

cases = []
for df in [1, 2, 3, 5, 16, 17, 33, 100]:
    for x in sorted({0.001, 0.5, df - 0.5, df, df + 1.5, 2 * df + 3, 5 * df + 40, 300.0}):
        cases.append({"x": float(x), "df": df, "sf": float(stats.chi2.sf(x, df))})

Path(__file__).with_name("chiSquareFixture.json").write_text(
    json.dumps({"generated_with": {"scipy": scipy.__version__}, "cases": cases}, indent=1) + "\n"
)
