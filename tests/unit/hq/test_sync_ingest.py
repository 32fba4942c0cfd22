"""HQ ingest internals (issue 7): the record-line reader's fast path for the exporter's
layout gives exactly what the strict parser gives (and keeps each ``data`` text), stays
strict, and falls back for any other layout (also on generated and mutated lines, with
the strict parser as the oracle); the garbage collector is restored after an
ingest; leftover temporary blobs of a killed ingest are swept by the next one."""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import BundleRejected
from app.hq.server import Hq
from app.services.sync import export_bundle
from app.sync import record_codec
from app.sync.merge import unset_hlc
from app.sync.record_codec import encode_line
from tests.unit.services.test_sync import hq, hq_url, make_laptop, pg_url, seed  # noqa: F401  (fixtures)

HLC = "001796186118526:000001:01a23509-16cb-72ac-978d-5df9c71c4f8b"
RID = "01a23509-197e-7312-a5e4-331d8db1edd9"


def _line(
    data_text: str,
    base: str = "null",
    hlc: str = f'"{HLC}"',
    rid: str = f'"{RID}"',
    op: str = '"upsert"',
) -> str:
    return f'{{"base_hlc":{base},"data":{data_text},"hlc":{hlc},"id":{rid},"op":{op}}}'


def _parse(*lines: str, end: str = "\n") -> record_codec.ParsedLines:
    return record_codec.parse_records("records/x.jsonl", ("\n".join(lines) + end).encode("utf-8"))


def test_exporter_lines_keep_their_data_text() -> None:
    rows = [
        {
            "id": RID,
            "hlc": HLC,
            "op": "upsert",
            "base_hlc": None,
            "data": {"名称": '门店 "甲"', "n": [1, 2.5, None], "o": {"t": True}},
        },
        {"id": RID, "hlc": HLC, "op": "void", "base_hlc": HLC, "data": {}},
    ]
    lines = [encode_line(row) for row in rows]
    parsed = _parse(*lines)
    assert parsed.rows == rows
    assert parsed.data_text == [encode_line(row["data"]) for row in rows]
    assert list(parsed.rows[0]) == ["base_hlc", "data", "hlc", "id", "op"]
    assert _parse(*lines, end="").rows == rows  # the last line may lack its newline


@pytest.mark.parametrize(
    "line",
    [
        _line('{"a":1,"a":2}'),  # a duplicate key inside data
        _line('{"a":{"b":1,"b":1}}'),  # … nested
        _line('{"a":NaN}'),  # constants
        _line('{"a":1e400}'),  # a number no float can hold
        _line('{"a":1}', hlc='"x"', rid='"y"') + "x",  # trailing text
        _line('{"a":"\x01"}'),  # a raw control character
        _line('{"a":1}') + ',"op":"void"}',  # a second op member
    ],
)
def test_exporter_layout_stays_strict(line: str) -> None:
    with pytest.raises(BundleRejected, match="line 2:"):
        _parse(
            encode_line({"id": RID, "hlc": HLC, "op": "upsert", "base_hlc": None, "data": {}}), line
        )


def test_a_value_may_not_continue_on_the_next_line() -> None:
    with pytest.raises(BundleRejected, match="line 1:"):
        _parse(_line('{"a":'), "1}" + _line("{}")[len('{"base_hlc":null,"data":{}') :])


@pytest.mark.parametrize(
    "line",
    [
        _line(
            '{"a":1}', hlc='"00179618611852\\u0036:000001:n"'
        ),  # an escape in the tail: its value, decoded
        _line('{"a":1}', base='"x\\"y"'),  # … in base_hlc
        _line(' {"a":1}'),  # whitespace before data
        _line('{"a":1}').replace('"op"', '"op" '),  # … inside the tail
        '{"data":{"a":1},"base_hlc":null,"hlc":"h","id":"i","op":"upsert"}',  # another key order
        _line('{"a":1}')[:-1] + ',"x":1}',  # a sixth member
        _line("[1,2]"),  # data not an object: read, rejected later
    ],
)
def test_other_layouts_are_read_whole_without_data_text(line: str) -> None:
    parsed = _parse(line)
    assert parsed.rows == [json.loads(line)]
    if parsed.data_text[0] is not None:  # only when the line is the exporter's layout after all
        assert json.loads(parsed.data_text[0]) == parsed.rows[0]["data"] and line.startswith(
            '{"base_hlc":'
        )


def test_duplicate_keys_are_still_refused_outside_the_layout() -> None:
    with pytest.raises(BundleRejected, match="line 1:"):
        _parse('{"data":{},"data":{},"base_hlc":null,"hlc":"h","id":"i","op":"upsert"}')


def test_ingest_restores_the_garbage_collector(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    bundle = export_bundle(ctx, tmp_path / "b.cdsync").path
    assert gc.isenabled()
    assert hq.ingest(bundle, tmp_path / "acks").status == "accepted"
    assert gc.isenabled()
    (tmp_path / "junk.cdsync").write_bytes(b"not a zip")
    assert hq.ingest(tmp_path / "junk.cdsync", tmp_path / "acks").status == "rejected"
    assert gc.isenabled()
    gc.disable()
    try:
        assert hq.ingest(bundle, tmp_path / "acks").status == "duplicate"
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
    ctx.close()


def test_stored_data_is_the_bundles_text(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    """What HQ stores for a new record reads back as the bundle's data (partners without
    their field_hlc, which HQ keeps in its own column), on SQLite and PostgreSQL."""
    import zipfile

    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    bundle = export_bundle(ctx, tmp_path / "b.cdsync").path
    assert hq.ingest(bundle, tmp_path / "acks").status == "accepted"
    with zipfile.ZipFile(bundle) as z:
        sent = {
            (n[8:-6], r["id"]): r
            for n in z.namelist()
            if n.startswith("records/")
            for r in map(json.loads, z.read(n).splitlines())
        }
    stored = {}
    for entity in {e for e, _ in sent}:
        for rec in hq.records(entity):
            stored[(entity, rec.id)] = rec
    assert set(stored) == set(sent)
    for key, row in sent.items():
        data = dict(row["data"])
        field_hlc = data.pop("field_hlc", None) or {}
        assert (
            stored[key].data == data
            and stored[key].hlc == row["hlc"]
            and stored[key].voided == (row["op"] == "void")
        )
        assert stored[key].device_id == ctx.device_id
        if (
            key[0] == "partner"
        ):  # per-field HLCs as sent; a field sent without one was never written by the device
            assert stored[key].field_hlc == {
                k: field_hlc.get(k, unset_hlc(ctx.device_id)) for k in data
            }
            assert set(field_hlc) >= set(
                data
            )  # a card made on the laptop: every field is its own writing
        else:  # merged whole: every field at the record's HLC
            assert stored[key].field_hlc == {}
    ctx.close()


def test_temporary_blobs_of_a_killed_ingest_are_swept(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    """A killed ingest leaves ``.<sha>.<pid>.tmp`` copies in the blob store and its process
    id in the lock file; the next ingest removes the copies under the lock, keeps every
    published blob, and leaves the lock file empty."""
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    first = export_bundle(ctx, tmp_path / "a.cdsync").path
    assert hq.ingest(first, tmp_path / "acks").status == "accepted"
    lock = hq.key_dir / "hq-ingest.lock"
    assert lock.read_bytes() == b""
    published = sorted(p for p in hq.blob_dir.rglob("*") if p.is_file())
    assert published and not any(p.name.endswith(".tmp") for p in published)
    leftovers = [
        hq.blob_dir / "ab" / f".{'ab' + 'c' * 62}.4242.tmp",
        published[0].parent / f".{published[0].name}.77.tmp",
    ]
    leftovers[0].parent.mkdir(exist_ok=True)
    for leftover in leftovers:
        leftover.write_bytes(b"half a photo")
    keep = hq.blob_dir / "ab" / "notes.txt"  # not a temporary blob: left alone
    keep.write_text("x")
    lock.write_text("4242\n")  # the killed ingest's process id
    assert hq.ingest(first, tmp_path / "acks").status == "duplicate"
    assert not any(p.exists() for p in leftovers)
    assert keep.exists() and all(p.exists() for p in published)
    assert lock.read_bytes() == b""
    # after a clean ingest the store is not walked again
    leftovers[0].write_bytes(b"x")
    assert hq.ingest(first, tmp_path / "acks").status == "duplicate"
    assert leftovers[0].exists()
    ctx.close()


def test_sweep_reports_what_it_removed(tmp_path: Path) -> None:
    from app.hq.files import sweep_temporary_blobs

    assert sweep_temporary_blobs(tmp_path / "missing") == 0
    (tmp_path / "ab").mkdir()
    (tmp_path / "ab" / f".{'a' * 64}.1.tmp").write_bytes(b"")
    (tmp_path / "ab" / f".{'a' * 64}.tmp").write_bytes(b"")  # no process id: not ours
    (tmp_path / "ab" / ("a" * 64)).write_bytes(b"")
    assert sweep_temporary_blobs(tmp_path) == 1
    assert sorted(p.name for p in (tmp_path / "ab").iterdir()) == sorted(
        [f".{'a' * 64}.tmp", "a" * 64]
    )


# -- the fast path against the strict parser, on generated lines --------------------------

_TEXT = st.text(
    alphabet=st.sampled_from(
        [
            "a",
            "Z",
            "0",
            ":",
            "-",
            '"',
            "\\",
            "{",
            "}",
            "[",
            "]",
            ",",
            " ",
            "\t",
            "\x01",
            "é",
            "门",
            "\u2028",
            "😀",
        ]
    ),
    max_size=8,
)
_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)
_ROW = st.fixed_dictionaries(
    {
        "id": st.one_of(st.just(RID), _TEXT),
        "hlc": st.one_of(st.just(HLC), _TEXT),
        "op": st.sampled_from(["upsert", "void", 'x"y']),
        "base_hlc": st.one_of(st.none(), st.just(HLC), _TEXT),
        "data": _JSON,
    }
)


def _strict_or_none(line: str) -> tuple[bool, object]:
    try:
        return True, record_codec.strict_json(line.encode("utf-8"))
    except (ValueError, RecursionError):
        return False, None


def _ours_or_none(line: str) -> tuple[bool, record_codec.ParsedLines | None]:
    try:
        return True, _parse(line)
    except BundleRejected:
        return False, None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ROW)
def test_generated_exporter_lines_read_as_the_strict_parser_reads_them(row: dict) -> None:
    line = encode_line(row)
    parsed = _parse(line)
    assert parsed.rows == [json.loads(line)] == [row]
    if parsed.data_text[0] is not None:
        assert parsed.data_text[0] == encode_line(row["data"])


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _ROW,
    st.integers(0, 10**6),
    st.sampled_from(["insert", "delete", "replace"]),
    st.sampled_from(
        [
            "{",
            "}",
            "[",
            "]",
            '"',
            ",",
            ":",
            "\\",
            " ",
            "\t",
            "1",
            "a",
            '"a":1,',
            ',"data":{}',
            "null",
            "e400",
        ]
    ),
)
def test_mutated_lines_are_read_as_the_strict_parser_reads_them_or_refused(
    row: dict, where: int, how: str, piece: str
) -> None:
    """Whatever a line becomes, the reader accepts exactly what the strict parser accepts
    (no duplicate keys, no NaN or out-of-range numbers) with the same value, and a data
    text it keeps is the text of that value."""
    line = encode_line(row)
    at = where % (len(line) + 1)
    if how == "insert":
        line = line[:at] + piece + line[at:]
    elif how == "delete":
        line = line[:at] + line[at + len(piece) :]
    else:
        line = line[:at] + piece + line[at + len(piece) :]
    if "\n" in line:
        return
    strict_ok, strict_value = _strict_or_none(line)
    ours_ok, ours = _ours_or_none(line)
    assert ours_ok == strict_ok, line
    if ours is not None:
        assert ours.rows == [strict_value]
        text = ours.data_text[0]
        if text is not None:
            assert isinstance(strict_value, dict) and _strict_or_none(text) == (
                True,
                strict_value["data"],
            )
            assert line.startswith('{"base_hlc":') and text in line


@pytest.mark.skipif(os.name != "posix", reason="flock")
def test_a_second_ingest_waits_for_the_one_running(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    """While another ingest holds ``hq-ingest.lock`` (here: this test), an ingest waits;
    it runs once the lock is released."""
    import fcntl
    import threading

    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    bundle = export_bundle(ctx, tmp_path / "b.cdsync").path
    fd = os.open(hq.key_dir / "hq-ingest.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    results = []
    worker = threading.Thread(target=lambda: results.append(hq.ingest(bundle, tmp_path / "acks")))
    try:
        worker.start()
        worker.join(1.0)
        assert worker.is_alive() and not results
        assert hq.stats()["devices"][0]["bundles"] == 0
    finally:
        os.close(fd)  # releases the lock
    worker.join(60)
    assert [r.status for r in results] == ["accepted"]
    ctx.close()


def test_a_rejected_records_file_leaves_no_thread_behind(tmp_path: Path) -> None:
    """The records files are hashed on a helper thread while they are parsed: a bad
    line is still reported with its number, and the helper is gone afterwards."""
    import hashlib
    import threading
    import uuid
    import zipfile

    from app.sync import signing
    from app.sync.bundle import FORMAT, FORMAT_VERSION, SCHEMA_VERSION, read_bundle
    from app.sync.caps import Caps

    key = signing.write_private_key(tmp_path / "k.pem")
    good = (
        encode_line({"id": RID, "hlc": HLC, "op": "upsert", "base_hlc": None, "data": {}}).encode()
        + b"\n"
    )
    before = threading.active_count()
    for body, match in (
        (good + b'{"a":1,"a":2}\n', "line 2:"),
        (good, "differs from the manifest"),
    ):
        files = [
            {
                "path": "records/visit.jsonl",
                "size": len(body),
                "sha256": hashlib.sha256(good + good).hexdigest()
                if match != "line 2:"
                else hashlib.sha256(body).hexdigest(),
                "records": 1 if match != "line 2:" else 2,
            }
        ]
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_version": SCHEMA_VERSION,
            "kind": "field",
            "bundle_id": str(uuid.uuid4()),
            "device_id": str(uuid.uuid4()),
            "seq": 1,
            "files": files,
        }
        raw = json.dumps(manifest).encode()
        with zipfile.ZipFile(tmp_path / "b.cdsync", "w") as zf:
            zf.writestr("manifest.json", raw)
            zf.writestr("manifest.sig", signing.sign(key, raw))
            zf.writestr("records/visit.jsonl", body, compress_type=zipfile.ZIP_DEFLATED)
        with pytest.raises(BundleRejected, match=match):
            read_bundle(
                tmp_path / "b.cdsync", Caps(), lambda m: signing.b64(signing.public_raw(key))
            )
    assert threading.active_count() == before
