"""Issue 15, property: take a real exported bundle, change one field of one record to a
hostile value (wrong type, null, huge, NaN/inf, out of the enumeration, overlong,
control characters, malformed HLC/UUID/date, a foreign key to nothing), sign it again
with the registered device key and ingest it: either it is rejected and HQ is unchanged
(stats digest equal), or it is accepted and then ``hq stats``, ``hq report month``,
``hq publish`` and the laptop's ``sync import`` of the published bundle all work. The
same for HQ's down-bundles on the laptop. SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import BundleRejected
from app.hq.publish import reference_data_for_publish
from app.hq.server import Hq
from app.services.device import load_private_key
from app.services.sync import export_bundle
from app.services.sync_down import import_hq_bundle
from app.sync import signing
from app.sync.schema import schemas
from tests.unit.services.test_sync import hq, hq_url, make_laptop, pg_url, seed  # noqa: F401  (fixtures)
from tests.unit.services.test_sync_batching import _read_records
from tests.unit.services.test_sync_records_valid import (
    _as_next,
    _hq_commands_work,
    _rebuild_hq,
    line_bytes,
)

HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([2**31, 2**63, -(2**63) - 1, 10**30, 0, -1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e30, -1e16, 91.0, -181.0]),
    st.text(max_size=30),
    st.text(alphabet=st.characters(max_codepoint=0x20), min_size=1, max_size=5),
    st.sampled_from(
        [
            "x" * 400,
            "名" * 70_000,
            "exploded",
            "Z",
            "garbage",
            "2026-13-45",
            "2026-02-30",
            "2026-03-01T08:00:00",
            "not-a-uuid-but-36-characters-long!!",
            "0" * 64,
            "\ud800",
            "a\x00b",
            "999999999999999:000000:x",
        ]
    ),
    st.builds(lambda: str(uuid.uuid4())),  # a foreign key to nothing
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
ENVELOPE = ("<id>", "<hlc>", "<base_hlc>", "<op>")


def _fields(entity: str) -> list[str]:
    return [*sorted(schemas()[entity].fields), "bogus", *ENVELOPE]


@st.composite
def _changes(draw: Any, entities: list[str]) -> tuple[str, int, str, Any]:
    entity = draw(st.sampled_from(entities))
    return (
        entity,
        draw(st.integers(min_value=0, max_value=50)),
        draw(st.sampled_from(_fields(entity))),
        draw(HOSTILE),
    )


def _apply(
    records: dict[str, list[dict[str, Any]]], entity: str, index: int, field: str, value: Any
) -> None:
    row = records[entity][index % len(records[entity])]
    if field in ENVELOPE:
        row[field[1:-1]] = value
    else:
        row["data"][field] = value


def _rebuild(src: Path, dst: Path, ctx, records: dict[str, list[dict[str, Any]]]) -> Path:  # type: ignore[no-untyped-def]
    """``src`` with these records (manifest updated), signed again by the laptop."""
    with zipfile.ZipFile(src) as zin:
        manifest = json.loads(zin.read("manifest.json"))
        blobs = {n: zin.read(n) for n in zin.namelist() if n.startswith("blobs/")}
    files = [f for f in manifest["files"] if f["path"].startswith("blobs/")]
    bodies = {}
    for entity, rows in records.items():
        body = b"".join(line_bytes(r) for r in rows)
        bodies[f"records/{entity}.jsonl"] = body
        files.append(
            {
                "path": f"records/{entity}.jsonl",
                "size": len(body),
                "sha256": hashlib.sha256(body).hexdigest(),
                "records": len(rows),
            }
        )
    manifest["files"] = files
    raw = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    with zipfile.ZipFile(dst, "w") as zout:
        zout.writestr("manifest.json", raw)
        zout.writestr("manifest.sig", signing.sign(load_private_key(ctx), raw))
        for name, body in {**bodies, **blobs}.items():
            zout.writestr(name, body)
    return dst


class Scenario:
    """One laptop with seeded, exported data, registered at ``hq``."""

    def __init__(self, server: Hq, tmp_path: Path) -> None:
        self.hq, self.tmp = server, tmp_path
        self.ctx = make_laptop(tmp_path, "lap", server)
        seed(self.ctx, tmp_path)
        self.good = export_bundle(self.ctx, tmp_path / "good.cdsync").path
        self.records = _read_records(self.good)
        self.n = 0

    def next_path(self, name: str) -> Path:
        self.n += 1
        return self.tmp / f"{name}-{self.n}.cdsync"


def _laptop_digest(ctx) -> str:  # type: ignore[no-untyped-def]
    """What a down-bundle may change on the laptop."""
    conn = sqlite3.connect(ctx.paths.database)
    try:
        rows = []
        for table in (
            "partner",
            "target",
            "checklist_template",
            "frequency_rule",
            "duty_rule",
            "sync_conflict",
        ):
            rows += [repr(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
    finally:
        conn.close()
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def _field_bundle_property(hq: Hq, tmp_path: Path, examples: int) -> None:  # noqa: F811
    scenario = Scenario(hq, tmp_path)
    entities = sorted(scenario.records)

    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(change=_changes(entities))
    def run(change: tuple[str, int, str, Any]) -> None:
        records = json.loads(json.dumps(scenario.records))
        _apply(records, *change)
        path = _rebuild(scenario.good, scenario.next_path("mutated"), scenario.ctx, records)
        path = _as_next(path, scenario.next_path("next"), scenario.ctx, scenario.n)
        before = hq.stats()
        result = hq.ingest(path, tmp_path / "acks")
        if result.status == "rejected":
            assert result.reason and "\n" not in result.reason
            assert hq.stats() == before, (change, result.reason)
        else:
            assert result.status == "accepted", (change, result)
            _hq_commands_work(hq, scenario.ctx, tmp_path, str(scenario.n))

    run()
    scenario.ctx.close()


def _down_bundle_property(hq: Hq, tmp_path: Path, examples: int) -> None:  # noqa: F811
    scenario = Scenario(hq, tmp_path)
    assert hq.ingest(scenario.good, tmp_path / "acks").status == "accepted"
    down = hq.publish(
        scenario.ctx.device_id, tmp_path / "down.cdsync", reference_data_for_publish()
    )
    published = _read_records(down)
    entities = sorted(published)

    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(change=_changes(entities))
    def run(change: tuple[str, int, str, Any]) -> None:
        records = json.loads(json.dumps(published))
        _apply(records, *change)
        path = _rebuild_hq(down, scenario.next_path("down"), hq, records)
        before = _laptop_digest(scenario.ctx)
        try:
            import_hq_bundle(scenario.ctx, path)
        except BundleRejected as exc:
            assert exc.message and "\n" not in exc.message
            assert _laptop_digest(scenario.ctx) == before, change
            return
        # accepted: the laptop still exports, and HQ takes what it sends
        bundle = export_bundle(scenario.ctx, scenario.next_path("up")).path
        assert hq.ingest(bundle, tmp_path / "acks").status in ("accepted", "duplicate")
        import_hq_bundle(scenario.ctx, down)

    run()
    scenario.ctx.close()


def test_one_hostile_field_in_a_field_bundle(hq: Hq, tmp_path: Path, hq_url: str) -> None:  # noqa: F811
    _field_bundle_property(
        hq,
        tmp_path,
        int(os.environ.get("HOSTILE_EXAMPLES", "14" if hq_url.startswith("sqlite") else "8")),
    )


def test_one_hostile_field_in_a_down_bundle(hq: Hq, tmp_path: Path, hq_url: str) -> None:  # noqa: F811
    if not hq_url.startswith("sqlite"):
        pytest.skip("the laptop side does not depend on HQ's database; SQLite runs it")
    _down_bundle_property(hq, tmp_path, int(os.environ.get("HOSTILE_EXAMPLES", "14")))
