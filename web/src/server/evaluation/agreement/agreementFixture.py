"""Writes agreementFixture.json: expected agreement figures computed independently of the
TypeScript code, with numpy and scipy (sklearn is not installed here, so kappa and F1 are
worked out from the confusion matrix by hand). Run: python3 agreementFixture.py"""

import json
from pathlib import Path

import numpy as np
from scipy import stats

rng = np.random.default_rng(12)


def correlation_case(name, x, y):
    x = [float(v) for v in x]
    y = [float(v) for v in y]
    return {
        "name": name,
        "x": x,
        "y": y,
        "pearson": float(stats.pearsonr(x, y).statistic),
        # scipy ranks ties by their average rank, as the TypeScript code must.
        "spearman": float(stats.spearmanr(x, y).statistic),
    }


judge = rng.uniform(0, 1, 40).round(2)
people = np.clip(judge + rng.normal(0, 0.2, 40), 0, 1).round(1)
correlations = [
    correlation_case("judge scores vs corrected scores, ties in both", judge, people),
    correlation_case("five-point ratings, heavy ties", [1, 2, 2, 3, 3, 3, 4, 5, 5, 1], [1, 1, 2, 3, 4, 3, 4, 4, 5, 2]),
    correlation_case("negative relation", [0.1, 0.4, 0.35, 0.8, 0.9], [0.9, 0.5, 0.6, 0.2, 0.05]),
]


def kappa(a, b):
    labels = sorted(set(a) | set(b))
    index = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)))
    for x, y in zip(a, b):
        matrix[index[x], index[y]] += 1
    n = matrix.sum()
    observed = np.trace(matrix) / n
    expected = (matrix.sum(axis=1) / n) @ (matrix.sum(axis=0) / n)
    return float((observed - expected) / (1 - expected))


categories = ["on_topic", "off_topic", "partial"]
first = list(rng.choice(categories, 60, p=[0.5, 0.3, 0.2]))
second = [c if rng.uniform() < 0.7 else str(rng.choice(categories)) for c in first]
kappas = [
    {"name": "three categories, 60 traces", "pairs": [[str(a), str(b)] for a, b in zip(first, second)], "kappa": kappa(first, second)},
]


def pass_fail_case(name, predicted, actual):
    predicted = np.array(predicted, dtype=bool)
    actual = np.array(actual, dtype=bool)
    tp = int(np.sum(predicted & actual))
    fp = int(np.sum(predicted & ~actual))
    fn = int(np.sum(~predicted & actual))
    tn = int(np.sum(~predicted & ~actual))
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    return {
        "name": name,
        "items": [{"predicted": bool(p), "actual": bool(a)} for p, a in zip(predicted, actual)],
        "truePositives": tp,
        "falsePositives": fp,
        "trueNegatives": tn,
        "falseNegatives": fn,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall),
        "accuracy": (tp + tn) / len(actual),
        "kappa": kappa(list(predicted), list(actual)),
    }


failing = rng.uniform(0, 1, 50) < 0.3
flagged = np.where(rng.uniform(0, 1, 50) < 0.8, failing, ~failing)
pass_fail = [pass_fail_case("judge flags vs annotator failures, 50 traces", flagged, failing)]

Path(__file__).with_suffix(".json").write_text(
    json.dumps({"correlations": correlations, "kappas": kappas, "passFail": pass_fail}, indent=1) + "\n"
)
