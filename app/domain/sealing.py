"""The content hash that seals a submitted visit: SHA-256 over a canonical JSON of its
answers, photos and findings — stable and independent of the order rows were added."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def visit_content_hash(
    visit: dict[str, Any],
    answers: dict[str, Any],
    photos: list[dict[str, Any]],
    findings: list[dict[str, Any]],
) -> str:
    payload = {
        "visit": visit,
        "answers": {k: answers[k] for k in sorted(answers)},
        "photos": sorted(photos, key=lambda p: (p.get("sha256", ""), p.get("item_key") or "")),
        "findings": sorted(
            findings, key=lambda f: (f.get("item_key") or "", f.get("description", ""))
        ),
    }
    return hashlib.sha256(canonical_json(payload)).hexdigest()
