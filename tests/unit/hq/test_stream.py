"""HQ ingest on PostgreSQL writes new records while the bundle is still being read
(``_NewRecordStream``): a rejection found later (a bad record, a records file that
differs from its manifest) leaves HQ exactly as it was; a repeated id in the bundle or a
record HQ already holds drops the stream and the merge gives the same result as without
it. On SQLite (no stream) the same bundles must give the same outcomes."""
# ruff: noqa: F811  (pytest fixtures imported from another test module)

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from app.hq import stream as hq_stream
from app.hq.server import Hq
from app.services import partner_edit, partner_read
from app.services.sync import export_bundle
from tests.unit.services.test_sync import _resign, _rewrite, hq, hq_url, make_laptop, pg_url, seed  # noqa: F401  (fixtures)


@dataclass
class Seen:
    """One ingest's stream as the test saw it: the entities whose lines it wrote and
    whether it held to the end of the reading (None: the apply never asked)."""

    written: set[str] = field(default_factory=set)
    held: bool | None = None


@pytest.fixture
def streams(monkeypatch: pytest.MonkeyPatch) -> list[Seen]:
    seen: list[Seen] = []
    cls = hq_stream.NewRecordStream
    init, lines, finish = cls.__init__, cls.lines, cls.finish

    def spy_init(self: Any, *args: Any) -> None:
        init(self, *args)
        self.spy = Seen()
        seen.append(self.spy)

    def spy_lines(self: Any, entity: str, *args: Any) -> None:
        lines(self, entity, *args)
        if self.live and entity in self.streamed:
            self.spy.written.add(entity)

    def spy_finish(self: Any) -> bool:
        self.spy.held = finish(self)
        return bool(self.spy.held)

    monkeypatch.setattr(cls, "__init__", spy_init)
    monkeypatch.setattr(cls, "lines", spy_lines)
    monkeypatch.setattr(cls, "finish", spy_finish)
    return seen


def _with_records(ctx: Any, entity: str, edit: Any, count_delta: int = 0) -> Any:
    """A bundle mutation: the lines of ``records/<entity>.jsonl`` through ``edit``, the
    manifest's size and hash (and record count, plus ``count_delta``) to match, signed."""
    name = f"records/{entity}.jsonl"

    def mutate(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> list[tuple[zipfile.ZipInfo, bytes]]:
        body = b"".join(
            line + b"\n"
            for line in edit(next(d for i, d in entries if i.filename == name).splitlines())
        )
        manifest = json.loads(next(d for i, d in entries if i.filename == "manifest.json"))
        for item in manifest["files"]:
            if item["path"] == name:
                item.update(
                    size=len(body),
                    sha256=hashlib.sha256(body).hexdigest(),
                    records=body.count(b"\n") + count_delta,
                )
        text = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
        return _resign(
            ctx,
            [
                (i, body if i.filename == name else text if i.filename == "manifest.json" else d)
                for i, d in entries
            ],
        )

    return mutate


def _last_records_entity(bundle: Path) -> str:
    with zipfile.ZipFile(bundle) as z:
        files = json.loads(z.read("manifest.json"))["files"]
    return [f["path"] for f in files if f["path"].startswith("records/")][-1][8:-6]


def _state(server: Hq) -> dict[str, Any]:
    stats = {k: v for k, v in server.stats().items() if k != "devices"}
    from db.models import SYNC_TABLES

    records = {
        e: sorted(
            (r.id, r.hlc, r.voided, json.dumps(r.data, sort_keys=True)) for r in server.records(e)
        )
        for e in sorted(SYNC_TABLES)
    }
    return {"stats": stats, "records": records}


def test_a_late_rejection_undoes_the_records_written_while_reading(
    hq: Hq,
    tmp_path: Path,
    hq_url: str,
    streams: list[Seen],
) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    good = export_bundle(ctx, tmp_path / "good.cdsync").path
    before = _state(hq)
    last = _last_records_entity(good)
    assert last not in ("partner", "visit")  # written after the visits were streamed

    def unknown_parent(lines: list[bytes]) -> list[bytes]:
        row = json.loads(lines[-1])
        row["id"] = str(uuid.uuid4())
        row["data"]["visit_id" if "visit_id" in row["data"] else "partner_id"] = str(uuid.uuid4())
        return [
            *lines,
            json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(),
        ]

    cases = {
        "unknown parent": _with_records(ctx, last, unknown_parent),
        "count differs": _with_records(ctx, last, lambda lines: lines, count_delta=1),
        "bad JSON at the end": _with_records(
            ctx, last, lambda lines: [*lines, b'{"base_hlc":null,"data":{"a":1},"hlc":']
        ),
    }
    for case, mutate in cases.items():
        result = hq.ingest(_rewrite(good, tmp_path / "bad.cdsync", mutate), tmp_path / "acks")
        assert result.status == "rejected", case
        assert _state(hq) == before, case
    if hq_url.startswith("postgresql"):
        # visits and answers were written before each rejection; none reached the apply
        assert len(streams) == 3 and all(
            {"visit", "visit_answer"} <= s.written and s.held is None for s in streams
        )
    result = hq.ingest(good, tmp_path / "acks")
    assert result.status == "accepted", result.reason
    assert _state(hq)["stats"]["tables"]["visit"]["rows"] == 1
    ctx.close()


def test_repeated_and_known_ids_are_merged_as_without_the_stream(
    tmp_path: Path,
    hq_url: str,
    streams: list[Seen],
) -> None:
    """A line sent twice, and a re-export before the ack (records HQ holds), give on this
    HQ what they give on a reference SQLite HQ; on PostgreSQL the stream is dropped and
    the merge does it."""
    (tmp_path / "hq").mkdir(exist_ok=True)
    (tmp_path / "ref").mkdir()
    reference = Hq(f"sqlite:///{tmp_path / 'ref' / 'hq.sqlite'}", tmp_path / "ref")
    reference.init()
    ctx = make_laptop(tmp_path, "lap", reference)
    server = Hq(hq_url, tmp_path / "hq")
    server.init()
    server.register_device(tmp_path / "lap.key.json")
    seed(ctx, tmp_path)
    first = export_bundle(ctx, tmp_path / "a.cdsync").path
    doubled = _rewrite(
        first,
        tmp_path / "doubled.cdsync",
        _with_records(ctx, "visit_answer", lambda lines: [*lines, lines[0]]),
    )
    data = partner_edit.input_from_partner(partner_read.partner_detail(ctx, "P001").partner)
    data.name = "改名后的门店"
    partner_edit.save_partner(ctx, data, partner_read.partner_detail(ctx, "P001").partner.id)
    superset = export_bundle(ctx, tmp_path / "b.cdsync").path  # no ack yet: everything again
    states = []
    for target in (reference, server):
        for path in (doubled, superset):
            result = target.ingest(path, tmp_path / "acks")
            assert result.status == "accepted", result.reason
        states.append(_state(target))
        assert [r.data["name"] for r in target.records("partner") if r.data["code"] == "P001"] == [
            "改名后的门店"
        ]
    assert states[1] == states[0]
    if hq_url.startswith("postgresql"):
        # the repeated line, then the known records: dropped, merged by the apply
        assert [s.held for s in streams] == [False, False]
    ctx.close()
    server.close()
    reference.close()


def test_a_plain_bundle_is_streamed_whole(tmp_path: Path, pg_url: str, streams: list[Seen]) -> None:
    from tests import pg

    (tmp_path / "hq").mkdir()
    server = Hq(pg.create_database(pg_url, "hq_" + uuid.uuid4().hex[:12]), tmp_path / "hq")
    server.init()
    ctx = make_laptop(tmp_path, "lap", server)
    seed(ctx, tmp_path)
    bundle = export_bundle(ctx, tmp_path / "b.cdsync")
    assert server.ingest(bundle.path, tmp_path / "acks").status == "accepted"
    assert [(s.held, s.written) for s in streams] == [(True, set(bundle.counts) - {"partner"})]
    assert server.ingest(bundle.path, tmp_path / "acks").status == "duplicate"
    assert streams[1] == Seen()  # a duplicate writes nothing while it is read
    for entity, count in bundle.counts.items():
        assert server.stats()["tables"][entity]["rows"] == count
    ctx.close()
    server.close()
