"""A malformed HLC anywhere in a record — its ``hlc``, ``base_hlc`` or a per-field HLC of
``field_hlc`` — with control characters in the node part, a trailing line break, digits
that are not ASCII, an empty node or more characters than the ``hlc`` columns hold: HQ
rejects the field bundle whole (one line, HQ unchanged; ``hq ingest`` exits 2) and the
laptop rejects HQ's down-bundle whole (nothing changed). On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.errors import BundleRejected
from app.hq.publish import reference_data_for_publish
from app.hq.server import Hq
from app.services.sync_down import import_hq_bundle
from tests.unit.services.test_sync import hq, hq_url, pg_url  # noqa: F401  (fixtures)
from tests.unit.services.test_sync_batching import _read_records
from tests.unit.services.test_sync_records_valid import _as_next, _rebuild_hq
from tests.unit.sync.test_sync_hostile_records import Scenario, _laptop_digest, _rebuild

WALL, COUNTER = "001780000000000", "000007"


def _bad(node: str) -> list[str]:
    """Malformed HLCs whose node part ends with ``node`` (a field bundle's record must
    end with its device's id)."""
    return [
        f"{WALL}:{COUNTER}:\x00:{node}",
        f"{WALL}:{COUNTER}:\t:{node}",
        f"{WALL}:{COUNTER}:\x1b[31m:{node}",
        f"{WALL}:{COUNTER}:\x7f:{node}",
        f"{WALL}:{COUNTER}:\r:{node}",
        f"{WALL}:{COUNTER}:\x85:{node}",
        f"{WALL}:{COUNTER}:{node}\n",
        f"{WALL}:{COUNTER}:{node}\x00",
        f"{'١' * 15}:{COUNTER}:{node}",  # Arabic-Indic digits
        f"{WALL}:{'²' * 6}:{node}",  # superscript digits
        f"{WALL}:{COUNTER}:",
        f"{WALL}:{COUNTER}:{'x' * 21}:{node}",  # 81 characters: over the hlc columns' 80
    ]


PLACES = ("hlc", "base_hlc", "field_hlc")


def _place(records: dict[str, list[dict[str, Any]]], place: str, value: str) -> None:
    row = records["partner"][0]
    if place == "field_hlc":
        row["data"]["field_hlc"] = {**(row["data"].get("field_hlc") or {}), "name": value}
    else:
        row[place] = value


def test_a_malformed_hlc_rejects_the_field_bundle_whole(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    scenario = Scenario(hq, tmp_path)
    device = scenario.ctx.device_id
    taken: list[tuple[str, str, str]] = []
    for place in PLACES:
        for value in _bad(device):
            records = json.loads(json.dumps(scenario.records))
            _place(records, place, value)
            path = _rebuild(scenario.good, scenario.next_path("bad"), scenario.ctx, records)
            path = _as_next(path, scenario.next_path("next"), scenario.ctx, scenario.n)
            before = hq.stats()
            result = hq.ingest(path, tmp_path / "acks")
            if result.status != "rejected" or hq.stats() != before:
                taken.append((place, value, result.status))
            else:
                assert result.reason and "\n" not in result.reason, result.reason
    assert not taken, "\n".join(map(repr, taken))
    assert hq.ingest(scenario.good, tmp_path / "acks").status == "accepted"
    scenario.ctx.close()


def test_a_malformed_hlc_rejects_the_down_bundle_whole(hq: Hq, tmp_path: Path, hq_url: str) -> None:  # noqa: F811
    if not hq_url.startswith("sqlite"):
        pytest.skip("the laptop side does not depend on HQ's database; SQLite runs it")
    scenario = Scenario(hq, tmp_path)
    assert hq.ingest(scenario.good, tmp_path / "acks").status == "accepted"
    down = hq.publish(
        scenario.ctx.device_id, tmp_path / "down.cdsync", reference_data_for_publish()
    )
    published = _read_records(down)
    node = hq.hq_id()
    taken: list[tuple[str, str]] = []
    for place in PLACES:
        for value in _bad(node):
            records = json.loads(json.dumps(published))
            _place(records, place, value)
            path = _rebuild_hq(down, scenario.next_path("down"), hq, records)
            before = _laptop_digest(scenario.ctx)
            try:
                import_hq_bundle(scenario.ctx, path)
                taken.append((place, value))
            except BundleRejected as exc:
                assert exc.message and "\n" not in exc.message
                assert _laptop_digest(scenario.ctx) == before, (place, value)
    assert not taken, "\n".join(map(repr, taken))
    import_hq_bundle(scenario.ctx, down)
    scenario.ctx.close()
