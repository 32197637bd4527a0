"""Writes percentileFixture.json: numpy.percentile (linear interpolation, its default) on a
few samples, to check percentile.ts. Run: python3 percentileFixture.py"""

import json
from pathlib import Path

import numpy as np

rng = np.random.default_rng(5)
samples = [[0.3], [2.0, 1.0], [0.1, 0.4, 0.4, 0.9, 0.2], rng.uniform(0, 1, 101).round(6).tolist(), rng.normal(0, 1, 37).tolist()]
cases = [
    {"values": [float(v) for v in values], "q": q, "percentile": float(np.percentile(values, q))}
    for values in samples
    for q in [0, 5, 50, 95, 100]
]
Path(__file__).with_name("percentileFixture.json").write_text(
    json.dumps({"generated_with": {"numpy": np.__version__}, "cases": cases}, indent=1) + "\n"
)
