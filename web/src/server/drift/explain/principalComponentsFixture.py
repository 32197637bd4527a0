"""Writes principalComponentsFixture.json: principal component scores computed with numpy's
SVD, to check the TypeScript PCA against. Run from this folder: python3 principalComponentsFixture.py,
then `npx prettier --write principalComponentsFixture.json`."""

import json
from pathlib import Path

import numpy as np

rng = np.random.default_rng(2026)


def case(name, rows, columns, components, spectrum):
    # Data with a known decaying spectrum: random orthonormal directions scaled by `spectrum`.
    basis, _ = np.linalg.qr(rng.normal(size=(columns, columns)))
    data = np.round((rng.normal(size=(rows, columns)) * spectrum) @ basis.T + rng.normal(size=columns), 6)
    centred = data - data.mean(axis=0)
    u, s, vt = np.linalg.svd(centred, full_matrices=False)
    scores = centred @ vt[:components].T
    return {"name": name, "rows": rows, "columns": columns, "components": components, "data": data.flatten().tolist(), "scores": np.round(scores, 12).flatten().tolist(), "variances": (s[:components] ** 2 / rows).tolist()}


cases = [
    case("exact: subspace covers every column", 60, 8, 3, np.array([5.0, 3.0, 2.0, 1.0, 0.5, 0.4, 0.3, 0.2])),
    case("randomized: 3 of 30 columns, a clear gap after the third", 80, 30, 3, np.concatenate([[9.0, 6.0, 4.0], np.full(27, 0.3)])),
]
json.dump(
    {"source": "written by principalComponentsFixture.py (numpy SVD)", "cases": cases},
    (Path(__file__).resolve().parent / "principalComponentsFixture.json").open("w"),
    separators=(",", ":"),
)
print([c["variances"] for c in cases])
