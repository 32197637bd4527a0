"""Writes realTextQuestions.json: the questions the drift detector's real-text test needs, copied
from the workspace's shared/data (tests may not read outside the repository).
- gsm8k: every question of the GSM8K test split (openai/grade-school-math, MIT), in file order.
  Its first 250 are MGSM's English problems word for word (checked below), so MGSM English is
  not stored again: it is gsm8k[0:250].
- truthfulqa: every question of TruthfulQA (sylinrl/TruthfulQA, Apache-2.0).
- mgsm_de, mgsm_es: the 250 MGSM problems in German and Spanish (google-research/url-nlp,
  CC BY-SA 4.0), questions only.
Run: python3 realTextQuestions.py [path to shared/data]"""

import csv
import json
import sys
from pathlib import Path

data = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
gsm8k = [json.loads(line)["question"] for line in (data / "gsm8k_test.jsonl").read_text().splitlines() if line.strip()]
with (data / "truthfulqa.csv").open(encoding="utf-8-sig", newline="") as handle:
    truthfulqa = [row["Question"] for row in csv.DictReader(handle)]


def mgsm(language):
    return [line.split("\t")[0] for line in (data / f"mgsm_{language}.tsv").read_text(encoding="utf-8").splitlines() if line]


assert mgsm("en") == gsm8k[:250], "MGSM English is no longer GSM8K's first 250 questions"
fixture = {
    "source": "GSM8K test (MIT), TruthfulQA (Apache-2.0), MGSM de/es (CC BY-SA 4.0): see realTextQuestions.py",
    "gsm8k": gsm8k,
    "truthfulqa": truthfulqa,
    "mgsm_de": mgsm("de"),
    "mgsm_es": mgsm("es"),
}
Path(__file__).with_name("realTextQuestions.json").write_text(json.dumps(fixture, ensure_ascii=False, indent=0) + "\n")
print({key: len(value) for key, value in fixture.items() if isinstance(value, list)})
