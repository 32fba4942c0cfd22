"""HQ-owned partner fields (issue 15): once HQ has published a partner to this laptop,
``partners import`` refuses a change of its grade or credit limit with a row/column
error (nothing imported); other fields, and partners HQ has not published, still change."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ValidationError
from app.hq.server import Hq
from app.services import partner_io
from app.services.sync import export_bundle
from app.services.sync_down import import_hq_bundle
from tests.unit.services.test_sync import make_laptop


@pytest.fixture
def hq(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "hq").mkdir()
    server = Hq(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}", tmp_path / "hq")
    server.init()
    yield server
    server.close()


def _grade_and_limit(ctx, code: str) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    return ctx.read_sql("SELECT grade, credit_limit_fen FROM partner WHERE code = ?", (code,))[0]  # type: ignore[no-any-return]


def test_published_partner_keeps_hq_owned_fields(hq: Hq, tmp_path: Path) -> None:
    a = make_laptop(tmp_path, "a", hq)
    b = make_laptop(tmp_path, "b", hq)
    path = tmp_path / "p.csv"
    path.write_text(
        "code,name,grade,region,credit_limit\nQ1,甲,B,310104,100\nQ2,乙,C,310104,0\n",
        encoding="utf-8",
    )
    partner_io.import_partners(a, path)
    assert hq.ingest(export_bundle(a, tmp_path / "a1.cdsync").path, tmp_path).status == "accepted"
    path.write_text("code,name,grade,credit_limit\nQ1,甲,A,100\n", encoding="utf-8")
    partner_io.import_partners(
        a, path, dry_run=True
    )  # not published yet: the laptop that made it may still change it

    for laptop in (a, b):  # the maker, and a laptop that learns the card from HQ
        import_hq_bundle(
            laptop, hq.publish(laptop.device_id, tmp_path / f"down-{laptop.user_name}.cdsync", {})
        )
        path.write_text(
            "code,name,grade,credit_limit,address\nQ1,甲,A,5000,新地址\nQ2,乙,C,,\n",
            encoding="utf-8",
        )
        with pytest.raises(ValidationError) as info:
            partner_io.import_partners(laptop, path)
        assert [d.split(":")[0] for d in info.value.details] == [
            "row 2, column grade",
            "row 2, column credit_limit",
        ]
        assert "(now B)" in info.value.details[0] and "(now 100.00)" in info.value.details[1]
        assert _grade_and_limit(laptop, "Q1") == ("B", 10000)
        path.write_text(
            "code,name,grade,credit_limit,address\nQ1,甲,B,100.00,新地址\n", encoding="utf-8"
        )
        report = partner_io.import_partners(
            laptop, path
        )  # the same values, and fields HQ does not own: fine
        assert report.updated == 1 and _grade_and_limit(laptop, "Q1") == ("B", 10000)
    a.close()
    b.close()
