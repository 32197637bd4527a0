"""Writes explainFixture.json: real texts for the drift explanation tests, and the figures
expected of them, worked out here independently of the TypeScript code (numpy for the
averages and the percentile; emoji, links and question marks are known by construction).

Texts copied from the workspace's shared/data (the tests may not read it):
- GSM8K test questions (openai/grade-school-math), MIT licence;
- TruthfulQA questions (sylinrl/TruthfulQA), Apache-2.0;
- MGSM questions in English, German and Spanish (google-research/url-nlp), CC BY-SA 4.0:
  the copied MGSM lines stay under CC BY-SA 4.0.
Run from this folder: python3 explainFixture.py [path/to/shared/data], then
`npx prettier --write explainFixture.json` (the repository checks formatting)."""

import csv
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np

data = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[6] / "shared" / "data")
here = Path(__file__).resolve().parent

gsm8k = [json.loads(line)["question"] for line in (data / "gsm8k_test.jsonl").read_text("utf8").splitlines() if line.strip()]
truthfulqa = [row["Question"] for row in csv.DictReader((data / "truthfulqa.csv").open(encoding="utf8"))]
mgsm = {lang: [line.split("\t")[0] for line in (data / f"mgsm_{lang}.tsv").read_text("utf8").splitlines() if line.strip()] for lang in ("en", "de", "es")}


def plain(text):
    """No symbols a reader might take for an emoji, no links: the figures below rely on it."""
    return "http" not in text and "www." not in text and all(
        ord(c) < 128 or unicodedata.category(c)[0] in "LMNPZ" or unicodedata.category(c) == "Sc" for c in text
    )


def pick(texts, start, count):
    chosen = [t for t in texts[start:] if plain(t)][:count]
    assert len(chosen) == count
    return chosen


texts = {
    "gsm8k": pick(gsm8k, 0, 100),
    "truthfulqa": pick(truthfulqa, 0, 100),
    "mgsm": {lang: pick(rows, 0, 30) for lang, rows in mgsm.items()},
    # Short prompts: the first 3-8 words of other MGSM questions, the same cut in each language.
    "shortPrompts": {lang: [" ".join(q.split()[: 3 + i % 6]) for i, q in enumerate(pick(rows, 100, 30))] for lang, rows in mgsm.items()},
}

# ---- text shape ---------------------------------------------------------------------------
EMOJIS = ["😂", "👍🏽", "🚀", "❤️"]
LINKS = [" https://example.com/faq?id=3", " see www.example.org/help", " (http://example.net)"]
baseline = [{"text": t, "emoji": False, "url": False} for t in texts["gsm8k"][:30]]
live = (
    [{"text": t, "emoji": False, "url": False} for t in texts["truthfulqa"][:10]]
    + [{"text": t + " " + EMOJIS[i % 4], "emoji": True, "url": False} for i, t in enumerate(texts["mgsm"]["de"][:6])]
    + [{"text": t + LINKS[i % 3], "emoji": False, "url": True} for i, t in enumerate(texts["mgsm"]["es"][:5])]
    + [
        {"text": "ok", "emoji": False, "url": False},
        {"text": "thx 👍🏽👍🏽", "emoji": True, "url": False},
        {"text": "", "emoji": False, "url": False},
        {"text": "   ", "emoji": False, "url": False},
        {"text": "What is 2+2? ", "emoji": False, "url": False},
        {"text": "日本の首都はどこですか？", "emoji": False, "url": False},
        {"text": "¿Dónde está mi pedido? 🚀 https://shop.example/orders/12", "emoji": True, "url": True},
        {"text": "Don't you think it's late?\n", "emoji": False, "url": False},
    ]
)


def words(text):
    """Runs of letters, marks and digits; an apostrophe between two such characters joins them."""
    count, inside, chars = 0, False, list(text)
    for i, c in enumerate(chars):
        word_char = unicodedata.category(c)[0] in "LMN"
        joiner = c in "'\u2019" and inside and i + 1 < len(chars) and unicodedata.category(chars[i + 1])[0] in "LMN"
        if word_char and not inside:
            count += 1
        inside = word_char or (joiner and inside)
    return count


def shape(rows):
    lengths = np.array([len(r["text"]) for r in rows], dtype=float)  # Python's len counts code points
    chars = sum(len(r["text"]) for r in rows)
    return {
        "count": len(rows),
        "meanLength": float(lengths.mean()),
        "medianLength": float(np.median(lengths)),
        "p90Length": float(np.percentile(lengths, 90)),  # linear interpolation, numpy's default
        "meanWords": float(np.mean([words(r["text"]) for r in rows])),
        "emojiShare": float(np.mean([r["emoji"] for r in rows])),
        "nonAsciiShare": sum(1 for r in rows for c in r["text"] if ord(c) > 127) / chars,
        "urlShare": float(np.mean([r["url"] for r in rows])),
        "questionShare": float(np.mean([r["text"].rstrip()[-1:] in ("?", "\uff1f", "\u061f") for r in rows])),
    }


text_shape = {"baseline": [r["text"] for r in baseline], "live": [r["text"] for r in live], "expected": {"baseline": shape(baseline), "live": shape(live)}}

# ---- cluster keywords (c-TF-IDF, BERTopic's defaults) -------------------------------------
stop_source = (here / "keywordStopWords.ts").read_text("utf8")
STOP = set(w for block in re.findall(r"`([^`]*)`", stop_source) for w in block.split())


def tokens(text):
    out = []
    for word in re.findall(r"\w+(?:'\w+)*", text.lower().replace("\u2019", "'")):
        if any(c.isdigit() or unicodedata.category(c) == "Nl" or unicodedata.category(c) == "No" for c in word) or "_" in word:
            continue
        if word not in STOP and word.endswith("'s"):
            word = word[:-2]
        if len(word) > 1 and word not in STOP:
            out.append(word)
    return out


clusters = [texts["gsm8k"][:60], texts["truthfulqa"][:60], texts["mgsm"]["de"][:30]]
vocabulary = sorted({w for cluster in clusters for t in cluster for w in tokens(t)})
index = {w: i for i, w in enumerate(vocabulary)}
X = np.zeros((len(clusters), len(vocabulary)))
for c, cluster in enumerate(clusters):
    for t in cluster:
        for w in tokens(t):
            X[c, index[w]] += 1
f = X.sum(axis=0)
A = int(X.sum(axis=1).mean())
W = (X / X.sum(axis=1, keepdims=True)) * np.log(A / f + 1)
keywords = []
for c in range(len(clusters)):
    ranked = sorted(((-W[c, i], w) for w, i in index.items() if X[c, i] > 0))[:8]
    keywords.append([{"word": w, "score": -s} for s, w in ranked])

json.dump(
    {
        "source": "written by explainFixture.py; texts from GSM8K (MIT), TruthfulQA (Apache-2.0) and MGSM (CC BY-SA 4.0), see the script",
        "texts": texts,
        "textShape": text_shape,
        "clusterKeywords": {"clusters": clusters, "perCluster": 8, "expected": keywords},
    },
    (here / "explainFixture.json").open("w", encoding="utf8"),
    ensure_ascii=False,
    indent=1,
)
print(json.dumps(text_shape["expected"], indent=1))
print([[k["word"] for k in ks] for ks in keywords])
