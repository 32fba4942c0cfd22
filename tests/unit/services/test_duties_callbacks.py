"""Development records, callbacks and warnings on a real data dir (issue 20): the import
validates every row and skips rows held already; phones are encrypted at rest (the
digits never appear in the database file, a backup, a sync bundle or a log); the draw is
kept and repeated; outcomes raise warnings that escalate; old records are purged."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from app.errors import NotFoundError, ValidationError
from app.services import callbacks, devrecords, partner_io
from app.services.context import Changes
from tests.unit.services.test_partners_and_visits import CSV

PHONES = [f"1391234{n:04d}" for n in range(40)]


def yesterday() -> dt.date:
    """Yesterday when asked (a constant taken at collection went stale at midnight)."""
    return dt.date.today() - dt.timedelta(days=1)


def records_csv(path: Path, day: dt.date | None = None, phones: list[str] = PHONES) -> Path:
    day = day or yesterday()
    lines = ["date,partner_code,product,customer_ref,phone,amount,kind"]
    lines += [
        f"{day},{('P001', 'P002', 'P003')[i % 3]},宽带,C{i:04d},{phone},99.5,{'new' if i % 2 else '维系'}"
        for i, phone in enumerate(phones)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def seeded(ctx, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, path)
    return ctx


def _files_holding(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_import_skips_held_rows_and_phone_is_never_in_clear(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.backup import create_backup
    from app.services.sync import export_bundle

    report = devrecords.import_dev_records(seeded, records_csv(tmp_path / "r.csv"))
    assert report.to_json() == {"rows": 40, "created": 40, "skipped": 0}
    again = devrecords.import_dev_records(seeded, records_csv(tmp_path / "r.csv"))
    assert again.to_json() == {"rows": 40, "created": 0, "skipped": 40}
    draw = callbacks.draw_callbacks(seeded)
    assert draw.calls[0].phone_masked.startswith("139****")
    assert callbacks.reveal_phone(seeded, draw.calls[0].id) in PHONES
    callbacks.record_outcome(seeded, draw.calls[0].id, "fake", note="客户说没有办理")
    seeded.close()
    backup = create_backup(seeded, tmp_path / "out" / "b.zip")
    bundle = export_bundle(seeded, tmp_path / "out" / "b.cdsync")
    assert bundle.counts["callback_call"] == draw.drawn and bundle.counts["partner_warning"] == 1
    assert "dev_record" not in bundle.counts  # the records stay on the laptop
    for phone in PHONES:
        assert _files_holding(seeded.paths.root, phone.encode()) == [], phone
        assert _files_holding(tmp_path / "out", phone.encode()) == [], phone
    # the bundle and the backup hold no key to decrypt them
    assert "keystore/records.key" not in zipfile.ZipFile(backup).namelist()
    key = seeded.paths.record_key.read_bytes()
    assert _files_holding(tmp_path / "out", key) == []
    assert oct(seeded.paths.record_key.stat().st_mode & 0o777) == "0o600"


def test_invalid_rows_import_nothing(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.csv"
    path.write_text(
        "date,partner_code,phone,kind,amount\n2026-03-01,P001,13912340000,new,1\n"
        "2026-02-30,NOPE,1391234,odd,-3\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as err:
        devrecords.import_dev_records(seeded, path)
    details = "\n".join(err.value.details)
    for column in ("date", "partner_code", "phone", "kind", "amount"):
        assert f"row 3, column {column}" in details
    assert "1391234" not in details  # a phone is not repeated in messages
    assert devrecords.record_counts(seeded, dt.date(2000, 1, 1), dt.date(2100, 1, 1)) == {}
    path.write_text("date,partner_code\n2026-03-01,P001\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="missing required column"):
        devrecords.import_dev_records(seeded, path)


def test_draw_is_kept_and_outcomes_escalate(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from db.models import RectificationOrder

    devrecords.import_dev_records(seeded, records_csv(tmp_path / "r.csv"))
    today = dt.date.today()
    first = callbacks.draw_callbacks(seeded, today)
    assert first.population == 40 and first.drawn >= 6
    assert {c.partner_code for c in first.calls} == {"P001", "P002", "P003"}
    assert callbacks.draw_callbacks(seeded, today).to_json() == first.to_json()
    empty = callbacks.draw_callbacks(seeded, today + dt.timedelta(days=5))
    assert (
        empty.drawn == 0
        and empty.to_json()
        == callbacks.draw_callbacks(seeded, today + dt.timedelta(days=5)).to_json()
    )
    p1 = [c for c in first.calls if c.partner_code == "P001"]
    callbacks.record_outcome(seeded, p1[0].id, "confirmed")
    assert callbacks.list_warnings(seeded) == []
    callbacks.record_outcome(seeded, p1[0].id, "fake")
    callbacks.record_outcome(seeded, p1[1].id, "deposit_withheld")
    warnings = callbacks.list_warnings(seeded, "P001")
    assert [w.kind for w in warnings] == ["deposit_withheld", "fake"]
    assert warnings[0].escalation == "rectification_order"
    with seeded.read_session() as s:
        orders = list(s.scalars(select(RectificationOrder)))
    assert len(orders) == 1 and orders[0].status == "open"
    callbacks.record_outcome(
        seeded, p1[1].id, "confirmed"
    )  # the outcome corrected: its warning is void
    assert [w.kind for w in callbacks.list_warnings(seeded, "P001")] == ["fake"]
    callbacks.record_outcome(seeded, p1[1].id, "unauthorised_connection")
    for attempt in range(3):  # unreachable: a warning only after HQ's number of tries (3)
        assert [w.kind for w in callbacks.list_warnings(seeded, "P001")].count("unreachable") == 0
        callbacks.record_outcome(seeded, p1[2].id, "unreachable", note=f"try {attempt + 1}")
    assert [w.kind for w in callbacks.list_warnings(seeded, "P001")].count("unreachable") == 1
    callbacks.record_outcome(seeded, p1[2].id, "unreachable")  # a fourth try: still one warning
    assert [w.kind for w in callbacks.list_warnings(seeded, "P001")].count("unreachable") == 1
    kinds = [w.escalation for w in callbacks.list_warnings(seeded, "P001")]
    assert kinds.count("suspension_proposal") == 1
    progress = callbacks.day_progress(seeded, today)
    assert progress.answered == 3 and progress.drawn == first.drawn
    with pytest.raises(ValidationError):
        callbacks.record_outcome(seeded, p1[0].id, "maybe")
    with pytest.raises(NotFoundError):
        callbacks.record_outcome(seeded, "no-such-call", "fake")
    with pytest.raises(NotFoundError):
        callbacks.list_warnings(seeded, "NOPE")


def test_duty_progress_and_missed_days(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    devrecords.import_dev_records(
        seeded, records_csv(tmp_path / "r.csv", day=yesterday() - dt.timedelta(days=1))
    )
    today = dt.date.today()
    assert not callbacks.day_progress(seeded, yesterday()).met
    assert yesterday() in callbacks.missed_days(seeded, today)
    draw = callbacks.draw_callbacks(seeded, yesterday())
    for call in draw.calls:
        callbacks.record_outcome(seeded, call.id, "confirmed")
    assert callbacks.day_progress(seeded, yesterday()).met
    assert yesterday() not in callbacks.missed_days(seeded, today)


def test_records_are_purged_after_the_retention_period(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from db.models import DutyRule

    old = dt.date.today() - dt.timedelta(days=95)
    devrecords.import_dev_records(seeded, records_csv(tmp_path / "old.csv", day=old))
    purged = devrecords.purge_expired_records(seeded)
    assert purged.count == 40 and purged.changes == Changes.of("dev_record")  # views refresh
    assert devrecords.purge_expired_records(seeded).changes is None  # nothing to announce
    devrecords.import_dev_records(seeded, records_csv(tmp_path / "old.csv", day=old))
    with seeded.session() as s:  # imported with a longer period: the next draw purges them
        s.merge(DutyRule(key="devrecord_retention_days", value=30))
    assert callbacks.draw_callbacks(seeded).changes.touches("dev_record")
    with seeded.session() as s:
        s.merge(DutyRule(key="devrecord_retention_days", value=90))
    devrecords.import_dev_records(seeded, records_csv(tmp_path / "old.csv", day=old))
    devrecords.import_dev_records(
        seeded, records_csv(tmp_path / "new.csv", day=yesterday(), phones=PHONES[:3])
    )
    assert (
        devrecords.record_counts(seeded, old, old + dt.timedelta(days=1)) == {}
    )  # each import purges first
    with seeded.session() as s:
        s.merge(
            DutyRule(key="devrecord_retention_days", value=0)
        )  # not a period: the default stays
    assert devrecords.purge_expired_records(seeded).count == 0
    with seeded.session() as s:
        s.merge(DutyRule(key="devrecord_retention_days", value=1))
    assert (
        devrecords.purge_expired_records(seeded, dt.date.today() + dt.timedelta(days=1)).count == 3
    )


def test_xlsx_with_chinese_headers_and_labels(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["日期", "渠道编码", "产品", "客户编号", "手机号", "预存款", "类型"])
    sheet.append([dt.datetime(2026, 3, 4), "P001", "宽带", "K1", 13912345678, 100, "新增客户"])
    sheet.append(["2026-03-04", "P002", "5G", "K2", "+86 139-1234-5679", "50.5", "维系"])
    sheet.append(["2026-03-04", "P003", "5G", "K3", "13912345680", "", "served"])
    path = tmp_path / "records.xlsx"
    book.save(path)
    report = devrecords.import_dev_records(seeded, path)
    assert report.to_json() == {"rows": 3, "created": 3, "skipped": 0}
    from sqlalchemy import select

    from db.models import DevRecord

    with seeded.read_session() as s:
        rows = {
            r.customer_ref: (r.kind, r.amount_fen, r.phone_masked)
            for r in s.scalars(select(DevRecord))
        }
    assert rows == {
        "K1": ("new", 10000, "139****5678"),
        "K2": ("served", 5050, "139****5679"),
        "K3": ("served", 0, "139****5680"),
    }
