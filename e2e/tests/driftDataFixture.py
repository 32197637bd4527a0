"""Writes driftData.json, the real questions e2e/tests/drift.spec.ts sends: a golden set of
GSM8K math word problems (the first 400 of the test split, with their final answers) and
live traffic of TruthfulQA general-knowledge questions (the first 500, with their best
answers): a topic shift the drift detector must flag. The first 250 live questions fill the
hour the test runs on demand; the next 250 the hour before, which only the schedule judges.

Run from the repository root with the shared data folder at hand:
    python3 e2e/tests/driftDataFixture.py /work/shared/data > e2e/tests/driftData.json
"""

import csv
import json
import sys

data = sys.argv[1]
with open(f"{data}/gsm8k_test.jsonl", encoding="utf-8") as lines:
    gsm8k = [json.loads(line) for line in lines][:400]
with open(f"{data}/truthfulqa.csv", encoding="utf-8-sig", newline="") as table:
    truthfulqa = list(csv.DictReader(table))[:500]

json.dump(
    {
        "source": "GSM8K test split (openai/grade-school-math, MIT) and TruthfulQA (sylinrl/TruthfulQA, Apache-2.0), unchanged text",
        "golden": [{"question": row["question"], "answer": row["answer"].split("####")[-1].strip()} for row in gsm8k],
        "live": [{"question": row["Question"], "answer": row["Best Answer"]} for row in truthfulqa],
    },
    sys.stdout,
    ensure_ascii=False,
    indent=0,
)
print()
