"""Writes assignReleaseFixture.json: test vectors for assignRelease.ts computed with hashlib,
following the documented rule (first 4 bytes of SHA-256 of UTF-8 "salt:unit", big-endian,
times 10000 // 2**32), for the README and for implementations in other languages.
Run: python3 assignReleaseFixture.py"""

import hashlib
import json
from pathlib import Path

pairs = [
    ("rollout-2026-11-checkout", "user-1"),
    ("rollout-2026-11-checkout", "user-2"),
    ("rollout-2026-11-checkout", "user-3"),
    ("rollout-2026-11-checkout", "user-10"),
    ("rollout-2026-11-checkout", "user-15"),
    ("rollout-2026-11-checkout", "8f14e45f-ceea-467f-a0e6-1a0f7c5f5b11"),
    ("rel_5kq2x9", "session:abc:123"),
    ("rel_5kq2x9", "user-1"),
    ("", "user-1"),
    ("canary", "Zoë"),
    ("canary", "用户-42"),
    ("canary", "🙂"),
    ("canary", "a" * 300),
    ("canary", "42"),
]
vectors = [
    {"salt": salt, "unit": unit, "bucket": int.from_bytes(hashlib.sha256(f"{salt}:{unit}".encode("utf-8")).digest()[:4], "big") * 10000 // 2**32}
    for salt, unit in pairs
]
Path(__file__).with_name("assignReleaseFixture.json").write_text(json.dumps({"vectors": vectors}, indent=1, ensure_ascii=False) + "\n")
