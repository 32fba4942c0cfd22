"""The console's Publish (``app.hq.publish.publish_all``): ``publish_device`` — what
``hq publish`` runs — for every device not revoked into one folder, with what each
bundle holds and the warning ``hq publish`` prints for a device without an encryption
key; a device that fails is reported and the others go on; a cancel between two devices
keeps the bundles written. SQLite and PostgreSQL."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.errors import UserError
from app.hq.devices import device_list
from app.hq.publishing import bundle_name, publish_all, publish_device
from app.hq.server import Hq
from app.services.sync_down import import_hq_bundle
from tests.unit.services import test_sync
from tests.unit.services.test_devrecords_publish import _hq_import, _laptop, _local_records
from tests.unit.services.test_duties_callbacks import records_csv
from tests.unit.services.test_sync import make_laptop

pg_url, hq_url, hq = test_sync.pg_url, test_sync.hq_url, test_sync.hq  # SQLite and PostgreSQL


def _without_key(hq: Hq, device_id: str) -> None:
    """The device as an older build registered it: no X25519 key."""
    from db.hq.models import Device

    with hq.sessions.begin() as s:
        device = s.get(Device, device_id)
        assert device is not None
        device.x25519_public_key = None


def test_publish_all_writes_one_bundle_per_active_device(hq: Hq, tmp_path: Path) -> None:
    ctx = _laptop(hq, tmp_path)
    old = make_laptop(tmp_path, "old", hq)
    gone = make_laptop(tmp_path, "gone", hq)
    _without_key(hq, old.device_id)
    hq.revoke_device(gone.device_id)
    _hq_import(hq, records_csv(tmp_path / "r.csv"))
    assert {r["device_id"]: r["x25519"] for r in device_list(hq)} == {
        ctx.device_id: True,
        old.device_id: False,
        gone.device_id: True,
    }
    out = tmp_path / "out"
    out.mkdir()
    seen: list[tuple[int, int, str]] = []
    run = publish_all(hq, out, lambda done, total, label: seen.append((done, total, label)))
    assert not run.cancelled and seen[0] == (0, 2, "lap") and seen[-1] == (2, 2, "")
    by_device = {b.device_id: b for b in run.bundles}
    assert set(by_device) == {ctx.device_id, old.device_id}  # the revoked one gets none
    mine, older = by_device[ctx.device_id], by_device[old.device_id]
    assert mine.path == out / bundle_name(ctx.device_id) and mine.path.exists()
    assert mine.counts["dev_record"] == 40 and mine.counts["partner"] == 3
    assert mine.counts["checklist_template"] >= 1 and mine.note is None and mine.error is None
    assert "dev_record" not in older.counts and older.note and "device export-key" in older.note
    with zipfile.ZipFile(older.path) as z:  # type: ignore[arg-type]
        assert "records/dev_record.jsonl" not in z.namelist()
    import_hq_bundle(ctx, mine.path)  # the laptop takes it as it takes hq publish's
    assert len(_local_records(ctx)) == 40
    # the same function as the command line: the same counts, written where asked
    single = publish_device(hq, ctx.device_id, tmp_path / "one.cdsync")
    assert single.counts == mine.counts and single.path == tmp_path / "one.cdsync"
    for c in (ctx, old, gone):
        c.close()


def test_a_failing_device_and_a_cancel(hq: Hq, tmp_path: Path) -> None:
    from db.hq.models import Device

    first = make_laptop(tmp_path, "a", hq)
    second = make_laptop(tmp_path, "b", hq)
    _hq_import_ok = _laptop(hq, tmp_path, "c")  # HQ holds partners of territory 3101
    _hq_import(hq, records_csv(tmp_path / "r.csv"))
    with hq.sessions.begin() as s:  # an unusable key: that device fails, the others go on
        device = s.get(Device, first.device_id)
        assert device is not None
        device.x25519_public_key = "not base64!"
    out = tmp_path / "out"
    out.mkdir()
    run = publish_all(hq, out)
    failed = [b for b in run.bundles if b.error]
    assert [b.device_id for b in failed] == [first.device_id] and failed[0].path is None
    assert "register its current key file again" in failed[0].error  # type: ignore[operator]
    assert (out / bundle_name(second.device_id)).exists()
    assert not (out / bundle_name(first.device_id)).exists()

    def cancel_third(done: int, _total: int, _label: str) -> None:
        if done == 2:
            raise UserError("cancelled")

    again = tmp_path / "again"
    again.mkdir()
    stopped = publish_all(hq, again, cancel_third)
    assert stopped.cancelled and len(stopped.bundles) == 2
    assert len(list(again.glob("*.cdsync"))) == 1  # the one written before stays
    with pytest.raises(UserError):
        publish_all(hq, tmp_path / "no-such-folder")
    for c in (first, second, _hq_import_ok):
        c.close()


def test_no_active_device(hq: Hq, tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        publish_all(hq, tmp_path)
    assert "register" in err.value.message


def test_records_import_reports_progress_and_stops_before_storing(hq: Hq, tmp_path: Path) -> None:
    from app.hq.devrecords import import_dev_records, record_count
    from app.services.progress import Cancelled, Progress
    from app.services.sheet_read import read_table

    ctx = _laptop(hq, tmp_path)
    table = read_table(records_csv(tmp_path / "r.csv"))
    heard: list[tuple[int, int]] = []
    stop = Progress(lambda done, total, _m: heard.append((done, total)))

    def cancel_at_the_end(done: int, total: int, message: str) -> None:
        stop(done, total, message)
        if done == total:
            stop.cancel()
            stop.check()

    with pytest.raises(Cancelled):
        import_dev_records(hq, table, "r.csv", cancel_at_the_end)
    assert heard == [(0, 40), (40, 40)] and record_count(hq) == 0  # nothing stored
    summary = import_dev_records(hq, table, "r.csv", Progress())
    assert summary.created == 40 and record_count(hq) == 40
    ctx.close()
