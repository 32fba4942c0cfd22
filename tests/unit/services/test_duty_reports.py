"""The duties' PDFs (issue 20): the daily log, the weekly bulletin ranked by development
against target and time progress, the commission check with suggested adjustments; no
phone number (full or masked) is printed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest

from app.errors import ValidationError
from app.services import callbacks, daily_log, devrecords, duty_reports
from app.services.targets import set_target
from tests.unit.services.test_duties_callbacks import PHONES, records_csv
from tests.unit.services.test_duties_log import seeded  # noqa: F401  (fixture)


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_day_bulletin_and_commission(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from db.models import DutyRule

    ctx = seeded
    with ctx.session() as s:
        s.merge(DutyRule(key="devrecord_retention_days", value=100_000))  # a fixed past month stays
    record_day = dt.date(2026, 3, 4)  # Wednesday of 2026-W10, well inside March
    path = records_csv(tmp_path / "r.csv", day=record_day)
    path.write_text(
        path.read_text(encoding="utf-8").replace("维系", "new"), encoding="utf-8"
    )  # all new customers
    devrecords.import_dev_records(ctx, path)
    today = record_day + dt.timedelta(days=1)
    draw = callbacks.draw_callbacks(ctx, today)
    p1 = [c for c in draw.calls if c.partner_code == "P001"]
    callbacks.record_outcome(ctx, p1[0].id, "fake", note="客户否认")
    callbacks.record_outcome(ctx, p1[1].id, "confirmed")
    daily_log.close_log(ctx, today, note="回访完成", plan="走访P002")
    day = _text(duty_reports.write_day_report(ctx, today, tmp_path / "day.pdf"))
    assert (
        "Channel manager's daily log" in day
        and "回访完成" in day
        and "走访P002" in day
        and "Closed and sealed" in day
    )
    assert "Fake record" in day and "P001" in day
    set_target(ctx, "development", "2026-03", "partner", "P001", 10)
    set_target(ctx, "development", "2026-03", "partner", "P002", 100)
    bulletin = duty_reports.bulletin_data(ctx, "2026-W10")
    ranked = bulletin.tables[0].rows
    assert [r[1].split()[0] for r in ranked[:2]] == ["P001", "P002"]  # 14 of 10 ahead of 13 of 100
    assert ranked[0][0] == "1" and ranked[0][4] == "10"
    assert "Weekly development bulletin" in _text(
        duty_reports.write_bulletin(ctx, "2026-W10", tmp_path / "bulletin.pdf")
    )
    check = duty_reports.commission_data(ctx, "2026-03")
    suggestion = {row[0].split()[0]: row[1] for row in check.tables[1].rows}
    assert (
        list(suggestion) == ["P001"] and "1 record found" in suggestion["P001"]
    )  # plural forms: one record, 12 records
    text = _text(duty_reports.write_commission_check(ctx, "2026-03", tmp_path / "commission.pdf"))
    for pdf_text in (day, text):
        assert "****" not in pdf_text  # not even masked
        for phone in PHONES:
            assert phone not in pdf_text.replace(" ", "")
    with pytest.raises(ValidationError):
        duty_reports.bulletin_data(ctx, "2026-W99")
    with pytest.raises(ValidationError):
        duty_reports.commission_data(ctx, "2026-00")


def test_bulletin_names_its_week_in_chinese_under_zh_cn(seeded) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The bulletin's subtitle names the week as the weekly log does (2026年第10周), not by
    its machine key 2026-W10; English keeps the key."""
    from app.i18n import current_language, set_language

    before = current_language()
    try:
        set_language("zh_CN")
        subtitle = duty_reports.bulletin_data(seeded, "2026-W10").subtitle
        assert subtitle.startswith("2026年第10周 (2026-03-02 – 2026-03-08)"), subtitle
        assert "W10" not in subtitle
        set_language("en")
        assert duty_reports.bulletin_data(seeded, "2026-W10").subtitle.startswith("2026-W10 (")
    finally:
        set_language(before)
