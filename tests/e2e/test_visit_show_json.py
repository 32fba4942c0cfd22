"""``visits show --json`` is a contract (docs/cli.md): its bytes stay the same whatever builds
them. Four visits cover every part of it (a sealed and amended visit with checklist findings
and a reused photo, a draft with a free finding, a planned visit with coordinates, a
re-inspection with outcomes and photos); the command's output is compared byte for byte
with ``tests/data/visit_show.golden.jsonl``, recorded from the implementation that built the
JSON from a dict. Only what differs per run is replaced before comparing: ids by their order
of appearance, moments, dates and content hashes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from app.services import visits
from tests.conftest import EXIF_DIR, ROOT
from tests.unit.services.test_amendments import sealed_visit
from tests.unit.services.test_evidence import BEIJING, jpeg

GOLDEN = ROOT / "tests" / "data" / "visit_show.golden.jsonl"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def normalised(text: str) -> str:
    """The output with what differs per run replaced (ids keep their order of appearance)."""
    ids: dict[str, str] = {}
    text = UUID.sub(lambda m: ids.setdefault(m.group(0), f"<id {len(ids) + 1}>"), text)
    text = re.sub(r'"content_hash": "[0-9a-f]{64}"', '"content_hash": "<hash>"', text)
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "<time>", text)
    text = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d", "<local time>", text)  # evidence: local
    return re.sub(r"\d{4}-\d\d-\d\d", "<date>", text)


def four_visits(ctx: Any, tmp_path: Path) -> list[str]:
    photos = sorted(EXIF_DIR.glob("Landscape_*.jpg"))
    sealed = sealed_visit(ctx, tmp_path, {"signage": "no", "price_violation": "yes"})
    draft = visits.new_visit(ctx, "P001", latitude=31.25, longitude=121.6)
    visits.answer(ctx, draft, "signage", "yes")
    visits.answer(ctx, draft, "training_status", "已培训")
    visits.answer(ctx, draft, "remarks", '门头灯箱 "新"')
    visits.attach_photos(ctx, draft, photos[:2], item_key="storefront_photo")
    old = jpeg(tmp_path / "old.jpg", "2019:05:01 10:00:00", "+08:00", BEIJING)
    visits.attach_photos(ctx, draft, [old])
    visits.add_finding(ctx, draft, "货架不整洁", deadline=dt.date(2030, 1, 31), responsible="店长")
    visits.amend(ctx, sealed, "录入错误", {"cleanliness": "5"})
    planned = visits.new_visit(ctx, "P001", planned_for=dt.date(2030, 2, 1))
    again = visits.new_visit(ctx, "P001", "reinspection")
    orders = [i["key"] for i in visits.visit_detail(ctx, again)["items"] if ":" not in i["key"]]
    first, second = orders[0], orders[1]
    visits.answer(ctx, again, first, "passed")
    visits.attach_photos(ctx, again, photos[2:3], item_key=f"{first}:after_photo")
    visits.answer(ctx, again, second, "failed")
    visits.answer(ctx, again, f"{second}:note", "价签仍未更换")
    return [sealed, draft, planned, again]


def test_visits_show_json_is_byte_identical(ctx, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = four_visits(ctx, tmp_path)
    ctx.close()
    out = ""
    for visit_id in ids:
        shown = cli("visits", "show", visit_id, "--json")
        assert shown.returncode == 0, shown.stderr
        out += shown.stdout
    assert normalised(out) == GOLDEN.read_text(encoding="utf-8")
